import ArgumentParser
import DataModel
import Packs

/// When to colour terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options shared by the commands that load a pack.
struct PackOptions: ParsableArguments {
    @Option(name: .long, help: "The rule pack folder or file. Default: the bundled SPBE pack (rules/spbe-2020).")
    var pack: String?

    @Option(name: .long, help: "When to colour output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto
}

/// The evaluation date option, shared by the commands that evaluate.
struct EvaluationOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The evaluation date (YYYY-MM-DD) used by date rules. Default: today.", valueName: "date")
    )
    var asOf: String?

    @Option(name: .long, help: "Language of the report's words and of pack texts: id or en.")
    var lang: ReportLanguage = .id

    /// The evaluation date, or a usage error.
    func evaluationDate() throws -> Day {
        guard let asOf else { return Today.day }
        guard let day = Day(iso: asOf) else {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2025-06-30; got '\(asOf)'.")
        }
        return day
    }
}

/// The languages reports are written in.
enum ReportLanguage: String, ExpressibleByArgument, CaseIterable {
    case id, en
}

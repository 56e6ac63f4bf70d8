import ArgumentParser
import DataModel
import Engine
import Packs
import Spreadsheets

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

    /// The options of a command that names its pack as an argument (`spbe pack test PACK`).
    static func named(_ path: String, color: ColorChoice) -> PackOptions {
        var options = PackOptions()
        options.pack = path
        options.color = color
        return options
    }
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

/// Waiver options, shared by the commands that evaluate.
struct WaiverOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A waiver file: accepted exceptions (rule, subject, reason, approver, until).", valueName: "file"))
    var waivers: String?

    @Option(name: .customLong("waiver-warning-days"), help: "Flag waivers that end within this many days.")
    var warningDays: Int = 30

    func validate() throws {
        if warningDays < 0 { throw ValidationError("--waiver-warning-days must be 0 or more.") }
    }
}

/// How inventories are read, shared by the commands that read them.
struct InventoryInputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Text encoding of CSV inventories: utf-8 or windows-1252. Default: UTF-8, or Windows-1252 when the bytes are not UTF-8.",
            valueName: "encoding"
        )
    )
    var encoding: InventoryEncoding?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Delimiter of CSV inventories: ',' (comma), ';' (semicolon, Indonesian Excel) or tab. Default: told from each file's header row.",
            valueName: "delimiter"
        )
    )
    var delimiter: CSVDelimiter?

    /// A reader of every inventory format for `schema`, within `limits`.
    func reader(for schema: InventorySchema, limits: LimitOptions) -> InventoryReader {
        InventoryReader(
            schema: schema, encoding: encoding?.choice ?? .auto, delimiter: delimiter, limits: limits.sheets,
            yamlLimits: limits.yaml
        )
    }
}

extension CSVDelimiter: ExpressibleByArgument {
    /// `,`, `;` or a tab character, or their names: `comma`, `semicolon`, `tab`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["','", "';'", "tab"] }
}

/// The encodings `--encoding` accepts.
enum InventoryEncoding: String, ExpressibleByArgument, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    var choice: TextEncodingChoice {
        switch self {
        case .utf8: .utf8
        case .windows1252: .windows1252
        }
    }
}

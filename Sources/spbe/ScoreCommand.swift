import ArgumentParser
import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Spreadsheets

/// `spbe score`: the estimated index, predicate and breakdown, from inventories or from self-assessed levels.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Estimate the index and show the domain, aspect and indicator breakdown.",
        discussion: """
            With one inventory, the index is an OPD-level simulation. With several inventories (or a folder of a \
            pemda's inventories), each indicator's level is derived from the evidence of all of them together, as \
            the official per-pemda evaluation does. With --levels, the index is computed from levels filled in \
            directly, as on the official self-assessment form: a YAML or JSON file `levels: {1: 3, 2: 2, …}` \
            mapping indicator numbers (or `35-2` for an indicator assessed several times) to levels on the \
            indicator's scale (1–5 under PermenPANRB 59/2020, 0–5 under 5/2018), optionally with \
            `framework: <pack id>`. Inventories of several pemdas (by `pemda_code`, else `pemda`) are never \
            merged: each pemda gets its own estimate, in the order the pemdas first appear (JSON: an array of them).
            """
    )

    @Argument(help: ArgumentHelp("Inventory files or folders (not with --levels).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var evaluation: EvaluationOptions
    @OptionGroup var input: InventoryInputOptions

    @Option(
        name: .long,
        help: ArgumentHelp("A self-assessment file mapping indicator numbers to levels.", valueName: "file"))
    var levels: String?

    @Flag(
        name: .customLong("allow-missing"),
        help: "With --levels: count indicators missing from the file at their scale's lowest level instead of failing.")
    var allowMissing = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Simulate a level: INDICATOR=LEVEL, by id or number (I16=4 or 16=4, 35-2=3); repeat for several. Shows the index before and after.",
            valueName: "indicator=level")
    )
    var assume: [Assumption] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: QueryRun.ScoreFormat = .text

    func validate() throws {
        if levels != nil && !paths.isEmpty { throw ValidationError("Give either inventories or --levels, not both.") }
        if levels == nil && paths.isEmpty {
            throw ValidationError("Give inventory files or folders, or --levels FILE.")
        }
        if allowMissing && levels == nil { throw ValidationError("--allow-missing only applies with --levels.") }
    }

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer)
        let assumed = try Assumption.resolve(assume, in: pack)
        let run = QueryRun(
            pack: pack, reader: input.reader(for: pack.schema, limits: limits), asOf: try evaluation.evaluationDate(),
            language: evaluation.lang.rawValue, budget: limits.budget, maxFiles: limits.maxFiles)
        let reports: [ScoreReport]?
        if let levels {
            let answer = run.score(selfAssessment: levels, allowMissing: allowMissing, assuming: assumed)
            printer.print(answer.diagnostics)
            reports = answer.value.map { [$0] }
        } else {
            let answer = run.score(paths, assuming: assumed)
            printer.print(answer.diagnostics)
            reports = answer.value
        }
        guard let reports else { throw ExitStatus.inputError }
        Terminal.printOutput(reports.rendered(format))
    }
}

extension QueryRun.ScoreFormat: ExpressibleByArgument {}

/// `--assume I16=4`: an indicator (id or number) and the level to assume.
struct Assumption: ExpressibleByArgument {
    let indicator: String
    let level: Int

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]), (0...5).contains(level) else {
            return nil
        }
        indicator = parts[0]
        self.level = level
    }

    /// Levels by indicator position; an indicator the pack does not have is a usage error.
    static func resolve(_ assumptions: [Assumption], in pack: CompiledPack) throws -> [Int: Int] {
        var levels: [Int: Int] = [:]
        for assumption in assumptions {
            let match = pack.indicators.first { indicator in
                indicator.spec.id == assumption.indicator || indicator.spec.formKey == assumption.indicator
            }
            guard let match else {
                let hint =
                    Suggestion.didYouMean(assumption.indicator, among: pack.indicators.map(\.spec.id)).map {
                        " (\($0))"
                    } ?? ""
                throw ValidationError("--assume: the pack has no indicator '\(assumption.indicator)'\(hint).")
            }
            guard (match.lowestLevel...match.highestLevel).contains(assumption.level) else {
                throw ValidationError(
                    "--assume: \(match.spec.id) has levels \(match.lowestLevel) to \(match.highestLevel).")
            }
            levels[match.index] = assumption.level
        }
        return levels
    }
}

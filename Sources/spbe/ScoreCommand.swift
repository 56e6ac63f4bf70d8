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
    var format: ScoreFormat = .text

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
            .localized(to: evaluation.lang.rawValue)
        var reports =
            if let levels {
                [try selfAssessmentReport(levels, pack: pack, printer: &printer)]
            } else {
                try inventoryReports(pack: pack, printer: &printer)
            }
        if !assume.isEmpty {
            let assumed = try Assumption.resolve(assume, in: pack)
            reports = reports.map { $0.assuming(assumed) }
        }
        if reports.count == 1, let report = reports.first {
            Terminal.printOutput(
                format == .json ? ScoreJSONReporter().render(report) : ScoreTextReporter().render(report))
        } else if format == .json {
            Terminal.printOutput(ScoreJSONReporter().render(reports))
        } else {
            Terminal.printOutput(reports.map { ScoreTextReporter().render($0) }.joined(separator: "\n"))
        }
    }

    /// One report per pemda among the inventories, in the order the pemdas first appear.
    private func inventoryReports(pack: CompiledPack, printer: inout DiagnosticPrinter) throws -> [ScoreReport] {
        let inputs = InventoryInputs.load(
            paths, reader: input.reader(for: pack.schema, limits: limits), maxFiles: limits.maxFiles
        ) {
            printer.print($0, sources: $1)
        }
        guard !inputs.failed, !inputs.inventories.isEmpty else { throw ExitStatus.inputError }
        let groups = PemdaGroups(inputs.inventories, schema: pack.schema)
        return try zip(groups.pemdas, groups.members).map { pemda, members in
            let source = groups.count > 1 && pemda.isNamed ? pemda.name : paths.joined(separator: " ")
            return try inventoryReport(members, source: source, pack: pack, printer: &printer)
        }
    }

    private func inventoryReport(
        _ inventories: [InventoryData], source: String, pack: CompiledPack, printer: inout DiagnosticPrinter
    ) throws -> ScoreReport {
        let asOf = try evaluation.evaluationDate()
        let combined =
            inventories.count == 1
            ? inventories[0] : InventoryMerge.merge(inventories, schema: pack.schema, source: source)
        guard let combined else { throw ExitStatus.inputError }
        let result = try Evaluator(pack: pack, asOf: asOf, language: evaluation.lang.rawValue, budget: limits.budget)
            .evaluateOrExit(combined, printer: &printer)
        let name = result.opdName.isEmpty ? combined.source : result.opdName
        let basis: ScoreBasis =
            inventories.count == 1
            ? .opd(name: name) : .pemda(name: pemdaName(combined, pack: pack) ?? name, inventories: inventories.count)
        return ScoreReport(
            pack: pack, basis: basis, levels: result.indicators.map(\.level),
            levelStates: result.indicators.map(\.levelStates), language: evaluation.lang.rawValue
        )
    }

    /// `2` before `10`, `35-1` before `35-2`: the form's order.
    private static func formOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ key: String) -> [Int] { key.split(separator: "-").map { Int($0) ?? 0 } }
        return parts(a).lexicographicallyPrecedes(parts(b))
    }

    private func pemdaName(_ inventory: InventoryData, pack: CompiledPack) -> String? {
        guard let slot = pack.schema.header.slot(of: "pemda"), case .string(let name) = inventory.header.values[slot]
        else { return nil }
        return name
    }

    private func selfAssessmentReport(_ path: String, pack: CompiledPack, printer: inout DiagnosticPrinter) throws
        -> ScoreReport
    {
        let (loaded, diagnostics) = SelfAssessment.load(path: path, limits: limits.yaml)
        printer.print(diagnostics)
        guard let assessment = loaded else { throw ExitStatus.inputError }
        let packID = pack.pack.metadata.id
        if let framework = assessment.framework, framework != packID {
            printer.print([
                Diagnostic(
                    .error, code: "levels.framework",
                    "the levels are for framework '\(framework)' but the pack is '\(packID)'",
                    at: assessment.location, suggestion: "pass the matching pack with --pack rules/\(framework)"
                )
            ])
            throw ExitStatus.inputError
        }
        let keys = pack.indicators.compactMap(\.spec.formKey)
        var errors: [Diagnostic] = []
        for key in assessment.levels.keys.sorted(by: Self.formOrder) where !keys.contains(key) {
            errors.append(
                Diagnostic(
                    .error, code: "levels.unknown_indicator", "the pack has no indicator number \(key)",
                    at: assessment.locations[key],
                    suggestion: Suggestion.didYouMean(key, among: keys)
                        ?? "indicator numbers run from \(keys.first ?? "?") to \(keys.last ?? "?")"
                ))
        }
        for indicator in pack.indicators {
            guard let key = indicator.spec.formKey, let level = assessment.levels[key],
                !(indicator.lowestLevel...indicator.highestLevel).contains(level)
            else { continue }
            errors.append(
                Diagnostic(
                    .error, code: "levels.out_of_scale",
                    "level \(level) is not on the scale of indicator \(key), which runs from \(indicator.lowestLevel) to \(indicator.highestLevel)",
                    at: assessment.levelLocations[key],
                    suggestion: indicator.lowestLevel > level
                        ? "under \(pack.pack.metadata.framework) the lowest level is \(indicator.lowestLevel): an indicator with nothing yet is at level \(indicator.lowestLevel)"
                        : nil
                ))
        }
        let missing = pack.indicators.compactMap(\.spec.formKey).filter { assessment.levels[$0] == nil }
        if !missing.isEmpty && !allowMissing {
            errors.append(
                Diagnostic(
                    .error, code: "levels.missing", "no level for indicator(s) \(missing.joined(separator: ", "))",
                    at: assessment.location,
                    suggestion: "fill them in, or pass --allow-missing to count them at their scale's lowest level"
                ))
        }
        printer.print(errors)
        guard errors.isEmpty else { throw ExitStatus.inputError }
        let levels = pack.indicators.map { indicator in
            indicator.spec.formKey.flatMap { assessment.levels[$0] } ?? indicator.lowestLevel
        }
        return ScoreReport(
            pack: pack, basis: .selfAssessment(file: path), levels: levels, levelStates: nil, missing: missing,
            language: evaluation.lang.rawValue
        )
    }
}

/// The formats `spbe score --format` accepts.
enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

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

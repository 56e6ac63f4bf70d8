import ArgumentParser
import Authoring
import Diagnostics
import Engine
import Foundation
import PackTesting
import Packs
import Reporting

/// `spbe pack lint PACK`: every compile error and lint warning of a pack in one run.
struct PackLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report every error and warning of a rule pack, compiler style.",
        discussion: """
            Errors: files that do not load, unknown keys (a misspelt key never silently disables a rule), unknown \
            ids, expressions that do not parse or type-check. Warnings: duplicate or unreachable levels, indicators \
            without criteria, rules without recommendation, reference or indicator, schema fields nothing reads, \
            weights that do not add up.

            Exit codes: 0 no errors (warnings allowed unless --strict), 1 warnings with --strict, 2 errors.
            """
    )

    @Argument(help: ArgumentHelp("The rule pack folder or file.", valueName: "pack"))
    var packPath: String

    @Option(name: .long, help: "Output format: text (compiler style) or json (for editors and CI).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Exit 1 when there are warnings.")
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Show where each part of a rule or indicator of the effective pack comes from (base pack, overrides, disabled).",
            valueName: "id"))
    var explain: String?

    @Option(name: .long, help: ArgumentHelp("Also lint a waiver file against the pack.", valueName: "file"))
    var waivers: String?

    @OptionGroup var limits: LimitOptions

    @Option(name: .long, help: "When to colour output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let loaded = PackLoader.load(path: packPath, limits: limits.yaml)
        var diagnostics = loaded.diagnostics
        var sources = loaded.sources
        // Every stage runs on what the one before it loaded, errors or not, so that one run reports every mistake.
        if let pack = loaded.pack ?? loaded.partial {
            let compiled = PackCompiler.compileAll(pack, budget: limits.budget, gaps: loaded.gaps)
            diagnostics += compiled.diagnostics
            diagnostics += PackLinter(pack: compiled.partial, complete: compiled.complete).lint()
            let fixtures = PackFixtureChecker.check(pack, gaps: loaded.gaps, limits: limits.yaml)
            diagnostics += fixtures.diagnostics
            sources.merge(fixtures.sources)
            if let waivers {
                let ruleIDs = pack.rules.flatMap(\.names) + loaded.gaps.brokenIDs.sorted()
                let loaded = WaiverLoader.load(path: waivers, ruleIDs: ruleIDs, limits: limits.yaml)
                diagnostics += loaded.diagnostics
                if let text = loaded.text { sources.add(text, of: waivers) }
            }
        }
        let sorted = Diagnostic.sortedForDisplay(diagnostics)
        if let explain, let pack = loaded.pack {
            guard let text = PackExplanation(pack: pack).explain(explain) else {
                let ids = pack.rules.map(\.id) + pack.indicators.map(\.id) + pack.provenance.disabled.map(\.id)
                let hint = Suggestion.didYouMean(explain, among: ids).map { "; \($0)" } ?? ""
                Terminal.printError("error: the pack has no rule or indicator '\(explain)'\(hint)\n")
                throw ExitStatus.inputError
            }
            Terminal.printOutput(text)
            return
        }
        switch format {
        case .json:
            Terminal.printOutput(DiagnosticJSON.render(sorted))
        case .text:
            let renderer = DiagnosticRenderer(
                colors: Terminal.wantsColor(color, stream: .standardOutput), sources: sources)
            let errors = sorted.filter { $0.severity == .error }.count
            let warnings = sorted.filter { $0.severity == .warning }.count
            Terminal.printOutput(
                renderer.render(sorted)
                    + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
        if sorted.contains(where: { $0.severity == .error }) { throw ExitStatus.inputError }
        if strict && sorted.contains(where: { $0.severity == .warning }) { throw ExitStatus.findings }
    }
}

/// How `spbe pack lint` writes diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

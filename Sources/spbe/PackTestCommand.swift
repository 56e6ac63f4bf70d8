import ArgumentParser
import CheckRun
import Diagnostics
import Engine
import Foundation
import PackTesting

/// `spbe pack test PACK`: runs the fixtures in the pack's `tests/` folder.
struct PackTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a rule pack's own fixtures (the *.yaml files in its tests/ folder).",
        discussion: """
            Each fixture is an inventory with the outcome the pack must reach: which subjects each rule fails, \
            passes, leaves not evidenced or not applicable, which level each indicator reaches, and optionally the \
            index. Every failing expectation is shown with a diff; the last line is 'N passed, N failed'.

            Every mistake of the fixtures (their structure, inventories and the ids they name) is reported before any \
            case runs, all in one run.

            Exit codes: 0 every case passed, 1 a case failed or coverage is below --min-coverage, 2 the pack or a \
            fixture file has errors (then no case runs, and the last line says so), 64 a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The rule pack folder.", valueName: "pack"))
    var packPath: String

    @Flag(
        name: .long,
        help:
            "Also report, for every rule, whether some fixture makes it pass and some makes it fail, and which levels each indicator's fixtures end at."
    )
    var coverage = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Fail (exit 1) when fewer than this percentage of the rules are both passed and failed by some fixture.",
            valueName: "pct"))
    var minCoverage: Double?

    @Option(
        name: .customLong("case"),
        help: ArgumentHelp("Run only the case with this name; repeatable.", valueName: "name"))
    var cases: [String] = []

    @OptionGroup var limits: LimitOptions

    @Option(name: .long, help: "When to colour output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage takes a percentage from 0 to 100, found \(minCoverage)")
        }
    }

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(color, stream: .standardError))
        let pack = try PackSession.compiledPack(.named(packPath, color: color), limits: limits, printer: &printer)
        // Every mistake of every fixture, in one run: the files' structure, the inventories, the ids they name.
        let checked = PackFixtureChecker.check(pack.pack, gaps: .none, limits: limits.yaml)
        printer.print(checked.diagnostics, sources: checked.sources)
        let errors = checked.diagnostics.count { $0.severity == .error }
        if PackTestReader.files(forPack: packPath).isEmpty {
            let folder = URL(fileURLWithPath: packPath).appendingPathComponent(PackTestReader.folderName).relativePath
            Terminal.printError("warning: '\(packPath)' has no fixtures: add *.yaml files to \(folder)/\n")
        }
        guard errors == 0 else {
            Terminal.printOutput("no case run: the fixtures have \(errors) error\(errors == 1 ? "" : "s") (above)\n")
            throw ExitStatus.inputError
        }
        let files = try selected(checked.files)
        let report = PackTestRunner(pack: pack, budget: limits.budget).run(files)
        printer.print(report.diagnostics)
        let text = PackTestText(
            report: report, coverage: coverage || minCoverage != nil, inherited: pack.pack.provenance.inherited)
        Terminal.printOutput(text.render())
        if report.failed > 0 { throw ExitStatus.findings }
        if let minCoverage, text.ruleCoverage < minCoverage {
            Terminal.printOutput(
                "coverage \(PackTestText.percent(text.ruleCoverage)) is below the minimum of \(PackTestText.percent(minCoverage))\n"
            )
            throw ExitStatus.findings
        }
    }

    /// The cases `--case` names (all when it is not given); a name no case has is a usage error.
    private func selected(_ files: [PackTestFile]) throws -> [PackTestFile] {
        guard !cases.isEmpty else { return files }
        let names = files.flatMap { $0.cases.map(\.name) }
        for name in cases where !names.contains(name) {
            let hint = Suggestion.didYouMean(name, among: names).map { "; \($0)" } ?? ""
            throw ValidationError("no fixture case is named '\(name)'\(hint)")
        }
        return files.map { PackTestFile(path: $0.path, cases: $0.cases.filter { cases.contains($0.name) }) }
    }
}

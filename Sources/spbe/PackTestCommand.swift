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

            Exit codes: 0 every case passed, 1 a case failed, 2 the pack or a fixture file has errors.
            """
    )

    @Argument(help: ArgumentHelp("The rule pack folder.", valueName: "pack"))
    var packPath: String

    @Flag(name: .long, help: "Also report, for every rule, whether some fixture makes it pass and some makes it fail, and which levels each indicator's fixtures end at.")
    var coverage = false

    @OptionGroup var limits: LimitOptions

    @Option(name: .long, help: "When to colour output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(color, stream: .standardError))
        let pack = try PackSession.compiledPack(.named(packPath, color: color), limits: limits, printer: &printer)
        let paths = PackTestReader.files(forPack: packPath)
        var files: [PackTestFile] = []
        var broken = false
        for path in paths {
            let read = PackTestReader.read(path: path, limits: limits.yaml)
            printer.print(read.diagnostics, sources: read.text.map { [path: $0] } ?? [:])
            if let file = read.file { files.append(file) } else { broken = true }
        }
        if paths.isEmpty {
            let folder = URL(fileURLWithPath: packPath).appendingPathComponent(PackTestReader.folderName).relativePath
            Terminal.printError("warning: '\(packPath)' has no fixtures: add *.yaml files to \(folder)/\n")
        }
        let report = PackTestRunner(pack: pack, budget: limits.budget).run(files)
        printer.print(report.diagnostics)
        Terminal.printOutput(PackTestText(report: report, coverage: coverage).render())
        if broken { throw ExitStatus.inputError }
        if report.failed > 0 { throw ExitStatus.findings }
    }
}

import ArgumentParser
import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Spreadsheets

/// `spbe check`: evaluates inventories and reports findings, indicator levels and the index estimate.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check OPD inventories against a rule pack and report the gaps.",
        discussion: """
            Each PATH is an inventory: a YAML or JSON file, an XLSX workbook, or a CSV folder (opd.yaml and one CSV \
            file per collection); or a folder searched for them. Findings point at the file and line, or the \
            workbook cell, of their subject.

            Exit codes: 0 clean, 1 failing findings at or above --fail-on, 2 a pack or inventory error, 64 a usage error.
            """
    )

    @Argument(help: ArgumentHelp("Inventory files or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var evaluation: EvaluationOptions
    @OptionGroup var input: InventoryInputOptions
    @OptionGroup var waiverOptions: WaiverOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 when a failing finding is at or above this severity: critical, high, medium, low, info or none.", valueName: "severity")
    )
    var failOn: FailThreshold = .severity(.high)

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one inventory file or folder, for example: spbe check examples/") }
    }

    func run() throws {
        let asOf = try evaluation.evaluationDate()
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try PackSession.compiledPack(packOptions, printer: &printer)
        let waivers = try waiverOptions.load(for: pack, printer: &printer)
        let discovered = InventoryDiscovery.files(in: paths)
        printer.print(discovered.diagnostics)
        var inputError = !discovered.diagnostics.isEmpty
        let loader = input.reader(for: pack.schema)
        let evaluator = Evaluator(pack: pack, asOf: asOf, language: evaluation.lang.rawValue, waivers: waivers)
        var evaluations: [InventoryEvaluation] = []
        for file in discovered.files {
            let loaded = loader.load(path: file)
            printer.remember(loaded.sources)
            printer.print(loaded.diagnostics)
            guard let inventory = loaded.inventory else {
                inputError = true
                continue
            }
            evaluations.append(evaluator.evaluate(inventory))
        }
        let report = Report(
            pack: pack, asOf: asOf, evaluations: evaluations, failOn: failOn.severity,
            language: evaluation.lang.rawValue, toolVersion: SPBE.version, waivers: waivers,
            waiverWarningDays: waiverOptions.warningDays
        )
        printer.print(WaiverDiagnostics.diagnostics(report))
        if !evaluations.isEmpty || !inputError {
            let colors = format == .text && Terminal.wantsColor(packOptions.color, stream: .standardOutput)
            Terminal.printOutput(format.reportFormat.render(report, colors: colors))
        }
        if inputError { throw ExitStatus.inputError }
        if report.failsThreshold { throw ExitStatus.findings }
    }
}

/// The formats `spbe check --format` accepts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var reportFormat: ReportFormat {
        switch self {
        case .text: .text
        case .json: .json
        }
    }
}

/// `--fail-on`: a severity, or `none` to never fail on findings.
enum FailThreshold: ExpressibleByArgument, Equatable {
    case severity(RuleSeverity)
    case none

    init?(argument: String) {
        if argument == "none" {
            self = .none
        } else if let severity = RuleSeverity(rawValue: argument) {
            self = .severity(severity)
        } else {
            return nil
        }
    }

    var severity: RuleSeverity? {
        if case .severity(let severity) = self { return severity }
        return nil
    }

    static var allValueStrings: [String] { RuleSeverity.allCases.reversed().map(\.rawValue) + ["none"] }

    var defaultValueDescription: String {
        switch self {
        case .severity(let severity): severity.rawValue
        case .none: "none"
        }
    }
}

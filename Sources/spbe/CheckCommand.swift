import ArgumentParser
import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import Packs
import Reporting

/// `spbe check`: evaluates inventories and reports findings, indicator levels and the index estimate.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check OPD inventories against a rule pack and report the gaps.",
        discussion: """
            Each PATH is an inventory file (YAML or JSON) or a folder searched for *.yaml, *.yml and *.json \
            inventories. Findings point at the file and line of their subject.

            Exit codes: 0 clean, 1 failing findings at or above --fail-on, 2 a pack or inventory error, 64 a usage error.
            """
    )

    @Argument(help: ArgumentHelp("Inventory files or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var evaluation: EvaluationOptions
    @OptionGroup var waiverOptions: WaiverOptions

    @Option(name: .long, help: "Output format on standard output: text, json, sarif, markdown, html, junit or csv.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "No progress bar on standard error.")
    var quiet = false

    @Option(name: .long, help: "Workers that load and evaluate inventories at once. Default: the number of processors.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("An earlier JSON report: mark findings new, unchanged or fixed, and show the index change.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Also write a report to a file, for example --output sarif=spbe.sarif; repeat for several.", valueName: "format=file")
    )
    var output: [ReportOutput] = []

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 when a failing finding is at or above this severity: critical, high, medium, low, info or none.", valueName: "severity")
    )
    var failOn: FailThreshold = .severity(.high)

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
        if paths.isEmpty { throw ValidationError("Give at least one inventory file or folder, for example: spbe check examples/") }
    }

    func run() throws {
        InterruptCleanup.shared.install()
        let asOf = try evaluation.evaluationDate()
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer)
        let waivers = try waiverOptions.load(for: pack, limits: limits, printer: &printer)
        var previous: Baseline?
        if let baseline {
            let loaded = Baseline.load(path: baseline, maxBytes: limits.maxFileSize.multipliedReportingOverflow(by: 16).overflow ? .max : limits.maxFileSize * 16)
            if let diagnostic = loaded.diagnostic {
                printer.print([diagnostic])
                throw ExitStatus.inputError
            }
            previous = loaded.baseline
        }
        let discovered = InventoryDiscovery.files(in: paths, maxFiles: limits.maxFiles)
        printer.print(discovered.diagnostics)
        var inputError = !discovered.diagnostics.isEmpty
        let language = evaluation.lang.rawValue
        let progress = SharedProgressBar(total: discovered.files.count, enabled: !quiet && Terminal.isTerminal(.standardError))
        let budget = limits.budget
        let meter = CostMeter(limit: budget.perRun)
        let outcomes = ParallelCheck.run(
            discovered.files, loader: InventoryLoader(schema: pack.schema, limits: limits.yaml), jobs: jobs,
            evaluator: { Evaluator(pack: pack, asOf: asOf, language: language, waivers: waivers, budget: budget, meter: meter) },
            step: progress.step
        )
        progress.finish()
        var evaluations: [InventoryEvaluation] = []
        var inventories: [InventoryData] = []
        var runBudgetReported = false  // once the run's budget is spent, every later inventory says so: tell it once
        for outcome in outcomes {
            if outcome.loaded.isOtherSpbeFile && !paths.contains(outcome.file) { continue }  // a pack or waiver file in a folder
            if let text = outcome.loaded.text { printer.remember([outcome.file: text]) }
            printer.print(outcome.loaded.diagnostics)
            if let exceeded = outcome.costExceeded, exceeded.budget == .rule || !runBudgetReported {
                printer.print([exceeded.diagnostic])
                runBudgetReported = runBudgetReported || exceeded.budget == .run
            }
            guard let inventory = outcome.loaded.inventory, let result = outcome.evaluation else {
                inputError = true
                continue
            }
            inventories.append(inventory)
            evaluations.append(result)
        }
        let evaluator = Evaluator(pack: pack, asOf: asOf, language: language, waivers: waivers, budget: budget, meter: meter)
        let regencies: [RegencyEvaluation]
        do throws(CostExceeded) {
            regencies = try RegencyEvaluator(evaluator: evaluator).evaluate(inventories)
        } catch {
            printer.print([error.diagnostic])
            throw ExitStatus.inputError
        }
        let report = Report(
            pack: pack, asOf: asOf, evaluations: evaluations, failOn: failOn.severity,
            language: evaluation.lang.rawValue, toolVersion: SPBE.version, waivers: waivers,
            waiverWarningDays: waiverOptions.warningDays, regencies: regencies,
            baseline: previous
        )
        printer.print(WaiverDiagnostics.diagnostics(report))
        if !evaluations.isEmpty || !inputError {
            let colors = format == .text && Terminal.wantsColor(packOptions.color, stream: .standardOutput)
            let readFiles = discovered.files + pack.pack.files + [waiverOptions.waivers, baseline].compactMap { $0 }
            for file in output { try ReportWriter.write(file.format.render(report), to: file.path, inputs: readFiles) }
            Terminal.printOutput(format.render(report, colors: colors))
        }
        if inputError { throw ExitStatus.inputError }
        if report.failsThreshold { throw ExitStatus.findings }
    }
}

extension ReportFormat: ExpressibleByArgument {}

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

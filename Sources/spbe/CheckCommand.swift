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
    @OptionGroup var limits: LimitOptions
    @OptionGroup var evaluation: EvaluationOptions
    @OptionGroup var input: InventoryInputOptions
    @OptionGroup var waiverOptions: WaiverOptions
    @OptionGroup var formatOptions: ReportFormatOptions

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
            let (maxBytes, overflow) = limits.maxFileSize.multipliedReportingOverflow(by: 16)
            let loaded = Baseline.load(path: baseline, maxBytes: overflow ? .max : maxBytes)
            if let diagnostic = loaded.diagnostic {
                printer.print([diagnostic])
                throw ExitStatus.inputError
            }
            previous = loaded.baseline
        }
        let discovered = InventoryDiscovery.files(in: paths, maxFiles: limits.maxFiles)
        printer.print(discovered.diagnostics)
        let run = RunContext(
            pack: pack, asOf: asOf, language: evaluation.lang.rawValue, waivers: waivers, baseline: previous,
            failOn: failOn.severity, warningDays: waiverOptions.warningDays,
            reader: input.reader(for: pack.schema, limits: limits), budget: limits.budget,
            meter: CostMeter(limit: limits.budget.perRun)
        )
        // A streaming format on standard output alone is written inventory by inventory: memory stays flat in the
        // number of OPDs.
        let colors = format == .text && Terminal.wantsColor(packOptions.color, stream: .standardOutput)
        let streamed = output.isEmpty ? format.streamingReporter(options: formatOptions.reportOptions, colors: colors) : nil
        let streaming = streamed != nil
        // A streamed report on a terminal shows its own progress; a bar would be drawn over it.
        let showProgress = !quiet && Terminal.isTerminal(.standardError) && !(streaming && Terminal.isTerminal(.standardOutput))
        let progress = SharedProgressBar(total: discovered.files.count, enabled: showProgress)
        defer { progress.finish() }
        let result = if let streamed {
            try stream(discovered.files, reporter: streamed, run: run, progress: progress, printer: &printer)
        } else {
            try renderWhole(discovered.files, run: run, progress: progress, printer: &printer)
        }
        if result.inputError || !discovered.diagnostics.isEmpty { throw ExitStatus.inputError }
        if result.failsThreshold { throw ExitStatus.findings }
    }

    /// What every evaluation of the run shares.
    private struct RunContext {
        let pack: CompiledPack
        let asOf: Day
        let language: String
        let waivers: WaiverSet
        let baseline: Baseline?
        let failOn: RuleSeverity?
        let warningDays: Int
        let reader: InventoryReader
        let budget: EvaluationBudget
        /// The run's cost, shared by every worker.
        let meter: CostMeter

        var makeEvaluator: @Sendable () -> Evaluator {
            let (pack, asOf, language, waivers, budget, meter) = (pack, asOf, language, waivers, budget, meter)
            return { Evaluator(pack: pack, asOf: asOf, language: language, waivers: waivers, budget: budget, meter: meter) }
        }

        func report(evaluations: [InventoryEvaluation], regencies: [RegencyEvaluation] = [], totals: RunTotals? = nil) -> Report {
            Report(
                pack: pack, asOf: asOf, evaluations: evaluations, failOn: failOn, language: language,
                toolVersion: SPBE.version, waivers: waivers, waiverWarningDays: warningDays, regencies: regencies,
                baseline: baseline, totals: totals
            )
        }
    }

    /// Prints a file's diagnostics (a run-budget overrun only once, as every later inventory meets it too); false,
    /// printing nothing, for a pack or waiver file met in a folder, which the run passes over.
    private func printDiagnostics(
        of file: String, _ loaded: InventoryLoadResult, _ exceeded: CostExceeded?, printer: inout DiagnosticPrinter,
        runBudgetReported: inout Bool
    ) -> Bool {
        if loaded.isPassedOver(file, given: paths) { return false }
        if !loaded.diagnostics.isEmpty { printer.remember(loaded.sources) }  // only for excerpts
        printer.print(loaded.diagnostics)
        if let exceeded, exceeded.budget == .rule || !runBudgetReported {
            printer.print([exceeded.diagnostic])
            runBudgetReported = runBudgetReported || exceeded.budget == .run
        }
        return true
    }

    /// What a streamed run keeps of an evaluated inventory: its part of the report, its counts, and the pemda
    /// folder it is the pemda's own inventory of, if it is.
    private struct StreamedPart: Sendable {
        let section: Data
        let totals: RunTotals
        let pemdaFolders: Set<String>
    }

    private func stream(
        _ files: [String], reporter: any StreamingReporter, run: RunContext, progress: SharedProgressBar,
        printer: inout DiagnosticPrinter
    ) throws -> (inputError: Bool, failsThreshold: Bool) {
        let sections = run.report(evaluations: [], totals: RunTotals())
        var totals = RunTotals()
        var inputError = false
        var pemdaFolders = Set<String>()
        var runBudgetReported = false
        let (pack, failOn) = (run.pack, run.failOn)
        ParallelCheck.run(
            files, batchSize: 256, reader: run.reader, jobs: jobs, evaluator: run.makeEvaluator, step: progress.step,
            digest: { inventory, evaluation in
                StreamedPart(
                    section: Data(reporter.inventory(evaluation, report: sections)), totals: RunTotals([evaluation], pack: pack, failOn: failOn),
                    pemdaFolders: RegencyEvaluator.pemdaFolders([inventory], schema: pack.schema)
                )
            }
        ) { outcomes in
            for outcome in outcomes {
                let printed = printDiagnostics(
                    of: outcome.file, outcome.loaded, outcome.costExceeded, printer: &printer, runBudgetReported: &runBudgetReported
                )
                guard printed else { continue }
                guard let part = outcome.part else {
                    inputError = true
                    continue
                }
                if totals.inventories == 0 { Terminal.printOutput(Data(reporter.begin(sections))) }
                Terminal.printOutput(Data(reporter.separator(position: totals.inventories)))
                Terminal.printOutput(part.section)
                totals.add(part.totals)
                pemdaFolders.formUnion(part.pemdaFolders)
            }
        }
        // A pemda is read again as a whole: only its folder's inventories are held at once.
        let members = files.filter { pemdaFolders.contains(RegencyEvaluator.folder(of: $0)) }
            .compactMap { file -> InventoryData? in
                let loaded = run.reader.load(path: file)
                return loaded.isPassedOver(file, given: paths) ? nil : loaded.inventory
            }
        let report = run.report(evaluations: [], regencies: try regencies(of: members, run: run, printer: &printer), totals: totals)
        printer.print(WaiverDiagnostics.diagnostics(report))
        if totals.inventories > 0 || !inputError {
            if totals.inventories == 0 { Terminal.printOutput(Data(reporter.begin(report))) }
            Terminal.printOutput(Data(reporter.regencies(report, count: totals.inventories) + reporter.end(report, count: totals.inventories)))
        }
        return (inputError, report.failsThreshold)
    }

    /// Each pemda among `inventories` as a whole, reusing their `evaluations` when the run kept them; an overrun
    /// of the cost budget is an input error.
    private func regencies(
        of inventories: [InventoryData], evaluations: [InventoryEvaluation]? = nil, run: RunContext,
        printer: inout DiagnosticPrinter
    ) throws -> [RegencyEvaluation] {
        do throws(CostExceeded) {
            return try RegencyEvaluator(evaluator: run.makeEvaluator()).evaluate(inventories, evaluations: evaluations)
        } catch {
            printer.print([error.diagnostic])
            throw ExitStatus.inputError
        }
    }

    private func renderWhole(
        _ files: [String], run: RunContext, progress: SharedProgressBar, printer: inout DiagnosticPrinter
    ) throws -> (inputError: Bool, failsThreshold: Bool) {
        let outcomes = ParallelCheck.run(files, reader: run.reader, jobs: jobs, evaluator: run.makeEvaluator, step: progress.step)
        progress.finish()
        var evaluations: [InventoryEvaluation] = []
        var inventories: [InventoryData] = []
        var inputError = false
        var runBudgetReported = false
        for outcome in outcomes {
            let printed = printDiagnostics(
                of: outcome.file, outcome.loaded, outcome.costExceeded, printer: &printer, runBudgetReported: &runBudgetReported
            )
            guard printed else { continue }
            guard let inventory = outcome.loaded.inventory, let evaluation = outcome.evaluation else {
                inputError = true
                continue
            }
            inventories.append(inventory)
            evaluations.append(evaluation)
        }
        let regencies = try regencies(of: inventories, evaluations: evaluations, run: run, printer: &printer)
        let report = run.report(evaluations: evaluations, regencies: regencies)
        printer.print(WaiverDiagnostics.diagnostics(report))
        if !evaluations.isEmpty || !inputError {
            let colors = format == .text && Terminal.wantsColor(packOptions.color, stream: .standardOutput)
            let readFiles = files + run.pack.pack.files + [waiverOptions.waivers, baseline].compactMap { $0 }
            let options = formatOptions.reportOptions
            for file in output { try ReportWriter.write(file.format.render(report, options: options), to: file.path, inputs: readFiles) }
            Terminal.printOutput(format.render(report, options: options, colors: colors))
        }
        return (inputError, report.failsThreshold)
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

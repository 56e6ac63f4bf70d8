import ArgumentParser
import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import OutputSafety
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
    @OptionGroup var selectionOptions: RuleSelectionOptions
    @OptionGroup var formatOptions: ReportFormatOptions

    @Option(name: .long, help: "Output format on standard output: text, json, sarif, markdown, html, junit or csv.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "No progress bar on standard error.")
    var quiet = false

    @Option(name: .long, help: "Workers that load and evaluate inventories at once. Default: the number of processors.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .long,
        help: ArgumentHelp(
            "An earlier JSON report: mark findings new, unchanged or fixed, and show the index change.",
            valueName: "file"))
    var baseline: String?

    @Flag(
        name: .long, help: "Compare with a --baseline of another pack or pemda anyway (OPDs then matched by id alone).")
    var force = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write a report to a file, for example --output sarif=spbe.sarif; repeat for several.",
            valueName: "format=file")
    )
    var output: [ReportOutput] = []

    @Flag(
        name: .long,
        help:
            "Write each --output html=DIR as a folder: index.html (the pemda, its heatmap and an overview) and a page per OPD."
    )
    var split = false

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit 1 when a failing finding is at or above this severity: critical, high, medium, low, info or none.",
            valueName: "severity")
    )
    var failOn: FailThreshold = .severity(.high)

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
        if paths.isEmpty {
            throw ValidationError("Give at least one inventory file or folder, for example: spbe check examples/")
        }
        if let (first, second) = OutputTarget.firstDuplicate(in: output.map(\.path)) {
            throw ValidationError("--output '\(first)' and '\(second)' name the same file; give each report its own.")
        }
        if split && !output.contains(where: { $0.format == .html }) {
            throw ValidationError("--split writes an HTML report as a folder: give one with --output html=DIR.")
        }
    }

    func run() throws {
        InterruptCleanup.shared.install()
        let asOf = try evaluation.evaluationDate()
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try selectionOptions.apply(
            to: PackSession.compiledPack(packOptions, limits: limits, printer: &printer))
        let options = CheckRun.Options(
            asOf: asOf, language: evaluation.lang.rawValue, failOn: failOn.severity, jobs: jobs,
            waiverWarningDays: waiverOptions.warningDays, budget: limits.budget, force: force
        )
        let reader = input.reader(for: pack.schema, limits: limits)
        let inputs = CheckInputs(paths: paths, maxFiles: limits.maxFiles)
        // Every report, on standard output and in each --output file, is written inventory by inventory: memory
        // stays flat in the number of OPDs. Files are opened first, so a refused one stops the run before it starts.
        let colors = format == .text && Terminal.wantsColor(packOptions.color, stream: .standardOutput)
        let reportOptions = formatOptions.reportOptions
        let readFiles = inputs.files + pack.pack.files + [waiverOptions.waivers, baseline].compactMap { $0 }
        var files: [ReportDestination] = []
        for output in output {
            do {
                files.append(
                    try ReportDestination(
                        output, split: split, options: reportOptions, inputs: readFiles, maxBytes: limits.maxReportSize)
                )
            } catch {
                // Nothing written yet: finishing removes the temporary files of those opened before.
                for file in files { try? file.finish() }
                throw error
            }
        }
        let reporter = format.streamingReporter(options: reportOptions, colors: colors)
        let destinations =
            files.map(\.destination) + [StreamedReportSink.Destination(reporter: reporter, write: Terminal.printOutput)]
        // A report streamed to a terminal shows its own progress; a bar would be drawn over it.
        let showProgress =
            !quiet && Terminal.isTerminal(.standardError)
            && !(!reporter.holdsInventories && Terminal.isTerminal(.standardOutput))
        var sink = StreamedReportSink(destinations: destinations) { printer.print($0, sources: $1) }
        let run: CheckRun
        do {
            run = try prepare(pack, reader: reader, options: options, into: &sink)
        } catch {
            for file in files { try? file.finish() }
            throw error
        }
        let outcome = check(run, inputs, into: &sink, showProgress: showProgress)
        // Each file is finished (put in place, or its temporary file removed) before the first failure is thrown.
        var failure: Error?
        for file in files {
            do { try file.finish() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
        if outcome.inputError { throw ExitStatus.inputError }
        if outcome.failsThreshold { throw ExitStatus.findings }
    }

    /// The run of `pack` with the waivers and baseline given; exit code 2 when either has errors.
    private func prepare<Sink: CheckRunSink>(
        _ pack: CompiledPack, reader: InventoryReader, options: CheckRun.Options, into sink: inout Sink
    ) throws -> CheckRun {
        let run = CheckRun.prepare(
            pack: pack, waivers: waiverOptions.waivers, baseline: baseline, reader: reader, options: options,
            into: &sink
        )
        guard let run else { throw ExitStatus.inputError }
        return run
    }

    /// Runs `run` over `inputs` into `sink`, with a progress bar on standard error when it is shown.
    private func check<Sink: CheckRunSink>(
        _ run: CheckRun, _ inputs: CheckInputs, into sink: inout Sink, showProgress: Bool
    ) -> CheckRun.Outcome {
        let progress = SharedProgressBar(total: inputs.files.count, enabled: showProgress)
        defer { progress.finish() }
        return run.run(inputs, into: &sink, progress: progress.step)
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

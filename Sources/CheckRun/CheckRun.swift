import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Spreadsheets

/// One check of inventories against a compiled pack, for any front end: it loads the inventories and evaluates
/// them on workers, applies waivers and a baseline, evaluates each pemda as a whole, and streams the report's
/// parts, in input order, to a `CheckRunSink`. It prints nothing, never exits and reads no globals: the command
/// line and the web portal are two callers of the same run.
///
/// Memory stays flat in the number of inventories: they are worked on in batches, each inventory turned into
/// its sink's part on the worker that evaluated it; a pemda's inventories (a pemda folder's, or two or more
/// loose files naming one pemda) are read again when the pemdas are evaluated at the end.
public struct CheckRun: Sendable {
    /// The tool's version, written into reports.
    public static let toolVersion = "0.1.0"

    /// How a run evaluates and what it reports.
    public struct Options: Sendable {
        /// The evaluation date used by date rules.
        public var asOf: Day
        /// The language of report words and pack texts: `id` or `en`.
        public var language: String
        /// Failing findings at or above this severity fail the run; nil never fails on findings.
        public var failOn: RuleSeverity?
        /// Workers that load and evaluate inventories at once; the output does not depend on it.
        public var jobs: Int
        /// Waivers ending within this many days are flagged.
        public var waiverWarningDays: Int
        /// Cost budgets of one rule on one inventory and of the whole run.
        public var budget: EvaluationBudget
        /// Inventories handed to the workers at once (memory holds two batches). 128, not 256: two batches of
        /// SARIF parts (about 180 KB an OPD) freed by the writing thread stayed in the workers' malloc arenas, so
        /// 10,000 OPDs peaked at 101–156 MiB against 92–93 for 1,000; with 128, 73–76 against 66–69, no slower.
        public var batchSize: Int
        /// Whether a baseline of another pack or pemda is compared anyway (its OPDs then matched by id alone).
        public var force: Bool

        /// Options with the command line's defaults.
        public init(
            asOf: Day, language: String = "id", failOn: RuleSeverity? = .high, jobs: Int = 1,
            waiverWarningDays: Int = 30,
            budget: EvaluationBudget = .default, batchSize: Int = 128, force: Bool = false
        ) {
            self.asOf = asOf
            self.language = language
            self.failOn = failOn
            self.jobs = jobs
            self.waiverWarningDays = waiverWarningDays
            self.budget = budget
            self.batchSize = batchSize
            self.force = force
        }
    }

    /// What a run came to.
    public struct Outcome: Sendable, Equatable {
        /// Whether an input could not be used: a path, an inventory that did not load, a cost budget overrun.
        public let inputError: Bool
        /// Whether a failing finding, not waived, is at or above `Options.failOn`.
        public let failsThreshold: Bool
        /// How many inventories were reported.
        public let inventories: Int
    }

    /// The compiled pack.
    public let pack: CompiledPack
    /// The waivers, resolved against the pack.
    public let waivers: WaiverSet
    /// An earlier report the findings are compared with.
    public let baseline: Baseline?
    /// Reads inventories of every format against the pack's schema.
    public let reader: InventoryReader
    /// How the run evaluates and reports.
    public let options: Options

    /// Creates a run.
    public init(
        pack: CompiledPack, waivers: WaiverSet = .none, baseline: Baseline? = nil, reader: InventoryReader,
        options: Options
    ) {
        self.pack = pack.localized(to: options.language)
        self.waivers = waivers
        self.baseline = baseline
        self.reader = reader
        self.options = options
    }

    /// The report with no evaluations, from which every part of a streamed report is rendered.
    public func frame(
        regencies: [RegencyEvaluation] = [], totals: RunTotals = RunTotals(), failures: [InventoryFailure] = []
    ) -> Report {
        Report(
            pack: pack, asOf: options.asOf, evaluations: [], failOn: options.failOn, language: options.language,
            toolVersion: Self.toolVersion, waivers: waivers, waiverWarningDays: options.waiverWarningDays,
            regencies: regencies,
            baseline: baseline, totals: totals, inventoryFailures: failures
        )
    }

    /// Checks the inventories of `inputs`, streaming to `sink`; `progress` is called from the workers with each
    /// file as it is done (so it must be thread-safe).
    ///
    /// The sink hears of the run's beginning and end only when there is something to report: an inventory, an
    /// inventory or a pemda evaluated as a whole that went over a cost budget (an error entry of the report,
    /// `Report.inventoryFailures`), or no input error. A pemda that goes over a budget is left out of the
    /// regencies; the others are still evaluated and the report is complete.
    public func run<Sink: CheckRunSink>(
        _ inputs: CheckInputs, into sink: inout Sink, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) -> Outcome {
        sink.diagnosed(inputs.diagnostics, sources: [:])
        let frame = frame()
        let makeEvaluator = evaluatorMaker(meter: CostMeter(limit: options.budget.perRun))
        let (makePart, pack, failOn) = (sink.partMaker, pack, options.failOn)
        var totals = RunTotals()
        var inputError = false
        var pemdaFolders = Set<String>()
        var reported: [(file: String, pemda: PemdaIdentity, opd: String)] = []
        var budgetReported = false
        var failures: [InventoryFailure] = []
        var began = false
        var baselineGate = BaselineGate(baseline: baseline, force: options.force)
        ParallelCheck.run(
            inputs.files, batchSize: options.batchSize, reader: reader, jobs: options.jobs, evaluator: makeEvaluator,
            step: progress,
            digest: { inventory, evaluation in
                Digest(
                    part: makePart(evaluation, frame), totals: RunTotals([evaluation], pack: pack, failOn: failOn),
                    pemdaFolders: RegencyEvaluator.pemdaFolders([inventory], schema: pack.schema),
                    pemda: evaluation.pemda, opdID: evaluation.opdID
                )
            },
            handle: { outcomes in
                for outcome in outcomes where !outcome.loaded.isPassedOver(outcome.file, given: inputs.paths) {
                    sink.diagnosed(outcome.loaded.diagnostics, sources: outcome.loaded.sources)
                    // A run-budget overrun is told once, as every later inventory meets it too.
                    if let exceeded = outcome.costExceeded, exceeded.budget != .run || !budgetReported {
                        sink.diagnosed([exceeded.diagnostic], sources: [:])
                        budgetReported = budgetReported || exceeded.budget == .run
                    }
                    if let exceeded = outcome.costExceeded {
                        failures.append(InventoryFailure(source: exceeded.inventory, diagnostic: exceeded.diagnostic))
                    }
                    guard let digest = outcome.part else {
                        inputError = true
                        continue
                    }
                    let admission = baselineGate.admit(digest.pemda)
                    sink.diagnosed(admission.diagnostics, sources: [:])
                    if admission.refused { inputError = true }
                    if !began {
                        sink.runBegan(frame)
                        began = true
                    }
                    sink.inventoryReported(digest.part, position: totals.inventories)
                    totals.add(digest.totals)
                    pemdaFolders.formUnion(digest.pemdaFolders)
                    reported.append((outcome.file, digest.pemda, digest.opdID))
                }
            })
        let (regencies, pemdaFailures) = pemdas(
            inputs, folders: pemdaFolders, reported: reported, evaluator: makeEvaluator())
        for exceeded in pemdaFailures where exceeded.budget != .run || !budgetReported {
            sink.diagnosed([exceeded.diagnostic], sources: [:])
            budgetReported = budgetReported || exceeded.budget == .run
        }
        failures += pemdaFailures.map { InventoryFailure(source: $0.inventory, diagnostic: $0.diagnostic) }
        inputError = inputError || !pemdaFailures.isEmpty
        let report = self.frame(regencies: regencies, totals: totals, failures: failures)
        sink.diagnosed(WaiverDiagnostics.diagnostics(report), sources: [:])
        if totals.inventories > 0 || !inputError || !failures.isEmpty {
            if !began { sink.runBegan(frame) }
            sink.regenciesEvaluated(regencies)
            sink.runEnded(report, inventories: totals.inventories)
        }
        return Outcome(
            inputError: inputError || !inputs.diagnostics.isEmpty, failsThreshold: report.failsThreshold,
            inventories: totals.inventories
        )
    }

    /// Makes one evaluator per worker, all counting the run's cost on `meter`.
    private func evaluatorMaker(meter: CostMeter) -> @Sendable () -> Evaluator {
        let (pack, options, waivers) = (pack, options, waivers)
        return {
            Evaluator(
                pack: pack, asOf: options.asOf, language: options.language, waivers: waivers, budget: options.budget,
                meter: meter
            )
        }
    }

    /// The pemdas among the inventories reported (each file with its pemda and OPD id, in input order), each evaluated as a
    /// whole: first those of the pemda `folders`, sorted by folder, then those given as loose files
    /// (`RegencyEvaluator.loosePemdaFiles`), in the order they first appear; and the cost budget overruns of
    /// those that went over one (left out of the regencies). Their inventories are read again, one pemda folder
    /// at a time, then one loose pemda at a time.
    private func pemdas(
        _ inputs: CheckInputs, folders: Set<String>, reported: [(file: String, pemda: PemdaIdentity, opd: String)],
        evaluator: Evaluator
    ) -> (regencies: [RegencyEvaluation], failures: [CostExceeded]) {
        let regencyEvaluator = RegencyEvaluator(evaluator: evaluator)
        var regencies: [RegencyEvaluation] = []
        var failures: [CostExceeded] = []
        for folder in folders.sorted() {
            do throws(CostExceeded) {
                regencies += try regencyEvaluator.evaluate(pemdaInventories(inputs, in: [folder]))
            } catch {
                failures.append(error)
            }
        }
        let loose = RegencyEvaluator.loosePemdaFiles(
            reported, pemdaFolders: folders, evaluated: Set(regencies.map(\.pemda.pemda)))
        for (pemda, files) in loose {
            let inventories = files.compactMap { reader.load(path: $0).inventory }
            do throws(CostExceeded) {
                if let regency = try regencyEvaluator.evaluate(loose: inventories, of: pemda) {
                    regencies.append(regency)
                }
            } catch {
                failures.append(error)
            }
        }
        return (regencies, failures)
    }

    /// The inventories of the pemda folders, read again as a whole: only those folders' inventories are held at
    /// once.
    private func pemdaInventories(_ inputs: CheckInputs, in folders: Set<String>) -> [InventoryData] {
        inputs.files.filter { folders.contains(RegencyEvaluator.folder(of: $0)) }.compactMap { file in
            let loaded = reader.load(path: file)
            return loaded.isPassedOver(file, given: inputs.paths) ? nil : loaded.inventory
        }
    }

    /// What a run keeps of an evaluated inventory: its sink's part, its counts, and the pemda folder it is the
    /// pemda's own inventory of, if it is.
    private struct Digest<Part: Sendable>: Sendable {
        let part: Part
        let totals: RunTotals
        let pemdaFolders: Set<String>
        /// The pemda of the inventory's OPD.
        let pemda: PemdaIdentity
        /// The OPD's id.
        let opdID: String
    }
}

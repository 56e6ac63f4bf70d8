import Diagnostics
import Engine
import Reporting

/// Where a `CheckRun` streams what it finds, in order: diagnostics whenever they arise; then, when there is
/// anything to report, the run's beginning, each inventory's part in input order, the pemdas evaluated as a
/// whole, and the run's end. A front end adapts it to its output: the command line to standard output and
/// error, a web portal to a response or a store.
///
/// A sink does not print, exit or read globals on the run's behalf; it is called on the caller's thread,
/// except for `partMaker`, which workers call.
public protocol CheckRunSink {
    /// What the sink keeps of one inventory's report: its rendered bytes, say, or the evaluation itself.
    associatedtype Part: Sendable

    /// Makes an inventory's part from its evaluation and the run's frame (a report with no evaluations), on the
    /// worker that evaluated it, which then frees the evaluation: called from several threads at once.
    var partMaker: @Sendable (InventoryEvaluation, Report) -> Part { get }

    /// Diagnostics of the run's inputs (inventories, cost budgets, waivers), with the texts they point into.
    mutating func diagnosed(_ diagnostics: [Diagnostic], sources: SourceStore)

    /// The run has something to report: `frame` holds its pack, date, waivers and baseline, and no evaluations.
    mutating func runBegan(_ frame: Report)

    /// The part of the `position`-th inventory reported (0-based, in input order).
    mutating func inventoryReported(_ part: Part, position: Int)

    /// The pemdas among the inventories, each evaluated as a whole: the pemda folders' sorted by folder, then the
    /// pemdas given as loose files in the order they first appear; empty when there are none.
    mutating func regenciesEvaluated(_ regencies: [RegencyEvaluation])

    /// The run is over: `report` holds the totals and the pemdas (and no evaluations) after `inventories` parts.
    mutating func runEnded(_ report: Report, inventories: Int)
}

extension CheckRunSink {
    /// By default a sink reads the pemdas from the report at the run's end.
    public mutating func regenciesEvaluated(_ regencies: [RegencyEvaluation]) {}
}

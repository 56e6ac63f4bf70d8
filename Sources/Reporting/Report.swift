import DataModel
import Engine
import Packs

/// Everything a reporter renders: the pack, the evaluation date, and the evaluation of each inventory.
///
/// Reporters are pure functions of a report, so the same report always renders to the same bytes.
public struct Report: Sendable {
    /// The compiled pack that was run.
    public let pack: CompiledPack
    /// The evaluation date.
    public let asOf: Day
    /// One evaluation per inventory, in input order.
    public let evaluations: [InventoryEvaluation]
    /// Failing findings at or above this severity make the run fail (exit 1); nil never fails.
    public let failOn: RuleSeverity?
    /// Language of the report's own words and of pack texts where the pack provides it.
    public let language: String
    /// Version of the tool that produced the report.
    public let toolVersion: String

    /// Creates a report.
    public init(
        pack: CompiledPack, asOf: Day, evaluations: [InventoryEvaluation], failOn: RuleSeverity?,
        language: String = "id", toolVersion: String
    ) {
        self.pack = pack
        self.asOf = asOf
        self.evaluations = evaluations
        self.failOn = failOn
        self.language = language
        self.toolVersion = toolVersion
    }

    /// Failing subjects whose rule is at or above the threshold, over all inventories.
    public var blockingFindings: Int {
        guard let failOn else { return 0 }
        return evaluations.reduce(0) { total, evaluation in
            total + evaluation.subjects.filter { $0.outcome == .fail && pack.rules[$0.ruleIndex].spec.severity >= failOn }.count
        }
    }

    /// Whether the run fails the threshold.
    public var failsThreshold: Bool { blockingFindings > 0 }
}

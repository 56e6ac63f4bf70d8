import Engine
import Packs

/// What a report's summary counts over every inventory, gathered as evaluations come so a run that streams its
/// inventories does not have to keep them.
public struct RunTotals: Sendable {
    /// Inventories evaluated.
    public private(set) var inventories = 0
    /// Subjects per outcome, over every inventory.
    public private(set) var failed = 0, notEvidenced = 0, passed = 0
    /// Failures an active waiver accepts.
    public private(set) var waived = 0
    /// Failures at or above the threshold that no waiver accepts.
    public private(set) var blocking = 0
    /// Positions of the waivers that matched a subject somewhere.
    public private(set) var matchedWaivers: Set<Int> = []

    /// No inventory yet.
    public init() {}

    /// The totals of `evaluations`.
    public init(_ evaluations: [InventoryEvaluation], pack: CompiledPack, failOn: RuleSeverity?) {
        for evaluation in evaluations { add(evaluation, pack: pack, failOn: failOn) }
    }

    /// Adds the counts of `other`, the totals of other inventories.
    public mutating func add(_ other: RunTotals) {
        inventories += other.inventories
        failed += other.failed
        notEvidenced += other.notEvidenced
        passed += other.passed
        waived += other.waived
        blocking += other.blocking
        matchedWaivers.formUnion(other.matchedWaivers)
    }

    /// Counts one more inventory.
    public mutating func add(_ evaluation: InventoryEvaluation, pack: CompiledPack, failOn: RuleSeverity?) {
        inventories += 1
        matchedWaivers.formUnion(evaluation.matchedWaivers)
        for rule in evaluation.rules {
            failed += rule.failed
            notEvidenced += rule.notEvidenced
            passed += rule.passed
        }
        // Only failures carry waivers and block: the findings hold them all.
        for finding in evaluation.findings where finding.outcome == .fail {
            if finding.waiver != nil {
                waived += 1
            } else if let failOn, pack.rules[finding.ruleIndex].spec.severity >= failOn {
                blocking += 1
            }
        }
    }
}

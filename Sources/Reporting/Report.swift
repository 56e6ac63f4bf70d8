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
    /// The waivers the run was given.
    public let waivers: WaiverSet
    /// A waiver that ends within this many days is flagged as expiring.
    public let waiverWarningDays: Int
    /// The pemdas among the inventories, each evaluated as a whole.
    public let regencies: [RegencyEvaluation]

    /// Creates a report.
    public init(
        pack: CompiledPack, asOf: Day, evaluations: [InventoryEvaluation], failOn: RuleSeverity?,
        language: String = "id", toolVersion: String, waivers: WaiverSet = .none, waiverWarningDays: Int = 30,
        regencies: [RegencyEvaluation] = []
    ) {
        self.pack = pack
        self.asOf = asOf
        self.evaluations = evaluations
        self.failOn = failOn
        self.language = language
        self.toolVersion = toolVersion
        self.waivers = waivers
        self.waiverWarningDays = waiverWarningDays
        self.regencies = regencies
    }

    /// Failing subjects whose rule is at or above the threshold and that no active waiver accepts, over all
    /// inventories.
    public var blockingFindings: Int {
        guard let failOn else { return 0 }
        return evaluations.reduce(0) { total, evaluation in
            total + evaluation.subjects.filter {
                $0.outcome == .fail && $0.waiver == nil && pack.rules[$0.ruleIndex].spec.severity >= failOn
            }.count
        }
    }

    /// Where each waiver stands on the evaluation date, in file order.
    public var waiverStatuses: [(waiver: Waiver, status: WaiverStatus)] {
        let matched = Set(evaluations.flatMap(\.matchedWaivers))
        return waivers.waivers.enumerated().map { position, waiver in
            let status: WaiverStatus = if !waiver.isActive(on: asOf) {
                .expired
            } else if !matched.contains(position) {
                .unused
            } else if waiver.expiresSoon(after: asOf, within: waiverWarningDays) {
                .expiring
            } else {
                .active
            }
            return (waiver, status)
        }
    }

    /// Whether the run fails the threshold.
    public var failsThreshold: Bool { blockingFindings > 0 }
}

/// Where a waiver stands on the evaluation date.
public enum WaiverStatus: String, Sendable {
    /// It applies.
    case active
    /// It applies, but ends within the warning period.
    case expiring
    /// Its date has passed: it no longer applies, and is itself a finding.
    case expired
    /// It matches no subject of any inventory checked.
    case unused
}

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
    /// An earlier run to compare with (`--baseline`).
    public let baseline: Baseline?
    /// The summary counts: gathered while streaming, or computed from `evaluations`.
    public let totals: RunTotals
    /// The inventories the run could not report on (a cost budget overrun), in input order.
    public let inventoryFailures: [InventoryFailure]

    /// Creates a report.
    public init(
        pack: CompiledPack, asOf: Day, evaluations: [InventoryEvaluation], failOn: RuleSeverity?,
        language: String = "id", toolVersion: String, waivers: WaiverSet = .none, waiverWarningDays: Int = 30,
        regencies: [RegencyEvaluation] = [], baseline: Baseline? = nil, totals: RunTotals? = nil,
        inventoryFailures: [InventoryFailure] = []
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
        self.baseline = baseline
        self.totals = totals ?? RunTotals(evaluations, pack: pack, failOn: failOn)
        self.inventoryFailures = inventoryFailures
    }

    /// The stable identity of a finding of `evaluation` (fingerprint version 2: pemda, OPD, rule, subject).
    public func fingerprint(_ finding: SubjectResult, in evaluation: InventoryEvaluation) -> String {
        FindingFingerprint.hex(fingerprintValue(finding, in: evaluation))
    }

    /// The hash `fingerprint` writes in hexadecimal.
    func fingerprintValue(_ finding: SubjectResult, in evaluation: InventoryEvaluation) -> UInt64 {
        FindingFingerprint.value(
            pemda: evaluation.pemda, rule: pack.rules[finding.ruleIndex].spec.identity, opd: evaluation.opdID,
            subject: finding.subject)
    }

    /// The baseline's inventory of the same OPD.
    private func baselineInventory(of evaluation: InventoryEvaluation) -> Baseline.Inventory? {
        guard let baseline else { return nil }
        return baseline.position(opdID: evaluation.opdID, pemda: evaluation.pemda, source: evaluation.source).map {
            baseline.inventories[$0]
        }
    }

    /// A finding's fingerprint as the baseline inventory `before` would have written it.
    private func fingerprint(
        _ finding: SubjectResult, in evaluation: InventoryEvaluation, against before: Baseline.Inventory
    ) -> String {
        baseline?.fingerprint(
            rule: pack.rules[finding.ruleIndex].spec.identity, opd: evaluation.opdID, subject: finding.subject,
            against: before
        ) ?? fingerprint(finding, in: evaluation)
    }

    /// Whether a finding is new or was already in the baseline; nil without a baseline.
    public func baselineState(_ finding: SubjectResult, in evaluation: InventoryEvaluation) -> BaselineState? {
        guard let baseline else { return nil }
        guard
            let position = baseline.position(
                opdID: evaluation.opdID, pemda: evaluation.pemda, source: evaluation.source)
        else {
            return .new
        }
        let fingerprint = fingerprint(finding, in: evaluation, against: baseline.inventories[position])
        return baseline.contains(fingerprint, at: position) ? .unchanged : .new
    }

    /// The baseline's findings of the same OPD that are gone now.
    public func fixedFindings(in evaluation: InventoryEvaluation) -> [Baseline.Finding] {
        baselineCounts(of: evaluation)?.fixed ?? []
    }

    /// How many of `evaluation`'s findings are new and how many unchanged against the baseline, and the baseline's
    /// findings of the same OPD that are gone now; nil without a baseline. What `baselineState` gives for each
    /// finding, counted with each finding's fingerprint made once and the OPD looked up once.
    func baselineCounts(of evaluation: InventoryEvaluation) -> (
        new: Int, unchanged: Int, fixed: [Baseline.Finding]
    )? {
        guard let baseline else { return nil }
        guard
            let position = baseline.position(
                opdID: evaluation.opdID, pemda: evaluation.pemda, source: evaluation.source)
        else {
            return (evaluation.findings.count, 0, [])
        }
        let before = baseline.inventories[position]
        var now = Set<String>()
        var unchanged = 0
        for finding in evaluation.findings {
            let fingerprint = fingerprint(finding, in: evaluation, against: before)
            now.insert(fingerprint)
            if baseline.contains(fingerprint, at: position) { unchanged += 1 }
        }
        let fixed = before.findings.filter { !now.contains($0.fingerprint ?? "") }
        return (evaluation.findings.count - unchanged, unchanged, fixed)
    }

    /// How much the index moved since the baseline; nil without one, or without an index on either side.
    public func indexChange(of evaluation: InventoryEvaluation) -> Double? {
        guard let before = baselineInventory(of: evaluation)?.score.index, let now = evaluation.score.index else {
            return nil
        }
        return now - before
    }

    /// Failing subjects whose rule is at or above the threshold and that no active waiver accepts, over all
    /// inventories.
    public var blockingFindings: Int { totals.blocking }

    /// Where each waiver stands on the evaluation date, in file order.
    public var waiverStatuses: [(waiver: Waiver, status: WaiverStatus)] {
        let matched = totals.matchedWaivers
        return waivers.waivers.enumerated().map { position, waiver in
            let status: WaiverStatus =
                if !waiver.isActive(on: asOf) {
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

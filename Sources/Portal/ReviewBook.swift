import PortalStore

/// Where one item stands in the internal review.
enum ReviewStatus: Sendable, Equatable {
    /// No verdict on its current version yet.
    case pending
    /// Its current version is accepted.
    case accepted
    /// Returned: the OPD owes a revision.
    case toRevise
    /// Returned, and the OPD has sent a new version since: waiting for the assessor again.
    case revised
}

/// A period's verdicts, read to tell each item's status: the latest verdict on an item counts, judged against the
/// item's current version (an evidence version, or a claim row id).
struct ReviewBook: Sendable {
    /// Every verdict of the period, oldest first.
    let verdicts: [Verdict]

    /// The latest verdict on an item of an OPD, nil when it has none.
    func latest(_ subject: ReviewSubject, opdID: Int64, item: String) -> Verdict? {
        verdicts.last { $0.subject == subject && $0.opdID == opdID && $0.item == item }
    }

    /// The verdicts on an item of an OPD, oldest first.
    func history(_ subject: ReviewSubject, opdID: Int64, item: String) -> [Verdict] {
        verdicts.filter { $0.subject == subject && $0.opdID == opdID && $0.item == item }
    }

    /// The status of an item whose current version is `current`: a verdict on an older version leaves a returned
    /// item revised (waiting) and an accepted one pending again.
    func status(_ subject: ReviewSubject, opdID: Int64, item: String, current: Int64) -> ReviewStatus {
        guard let verdict = latest(subject, opdID: opdID, item: item) else { return .pending }
        if verdict.version == current { return verdict.verdict == .accepted ? .accepted : .toRevise }
        return verdict.verdict == .revise ? .revised : .pending
    }

    /// The status of an OPD's evidence item from its versions (any order).
    func status(of versions: [Evidence]) -> ReviewStatus {
        guard let last = versions.max(by: { $0.version < $1.version }) else { return .pending }
        return status(.evidence, opdID: last.opdID, item: last.code, current: Int64(last.version))
    }

    /// The status of an indicator's current claim.
    func status(of claim: Claim) -> ReviewStatus {
        status(.claim, opdID: claim.opdID, item: claim.indicator, current: claim.id)
    }
}

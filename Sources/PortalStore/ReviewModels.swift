import Foundation

/// What the Tim Asesor Internal reviews: one evidence item (by its display code) or one indicator's claim.
public enum ReviewSubject: String, Sendable, Codable, CaseIterable {
    /// An evidence item; the verdict's version is the evidence version it judged.
    case evidence
    /// An indicator's self-assessment claim; the verdict's version is the claim row it judged.
    case claim
}

/// An assessor's verdict on one version of an item.
public enum VerdictKind: String, Sendable, Codable, CaseIterable {
    /// Accepted as it is.
    case accepted
    /// Returned to the OPD to revise, with a reason.
    case revise
}

/// The fixed list of reasons to return an item, as the external document review words them.
public enum RevisionReason: String, Sendable, Codable, CaseIterable {
    /// Bukti tidak sesuai: the evidence does not show what the item claims.
    case wrongEvidence = "bukti-tidak-sesuai"
    /// Bukti belum diunggah: the evidence is announced but not uploaded.
    case notUploaded = "bukti-belum-diunggah"
    /// Bukti kedaluwarsa: the evidence is out of date.
    case outOfDate = "bukti-kedaluwarsa"
    /// Penjelasan kurang: the explanation is incomplete.
    case explanationIncomplete = "penjelasan-kurang"
    /// Lainnya: another reason, given in the note (required).
    case other = "lainnya"
}

/// A verdict as stored: never changed; a later verdict on the same item supersedes it.
public struct Verdict: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period.
    public var periodID: Int64
    /// The OPD that owns the item.
    public var opdID: Int64
    /// Evidence or claim.
    public var subject: ReviewSubject
    /// The evidence display code (`I05-L3-01`) or the indicator id (`I10`).
    public var item: String
    /// The evidence version, or the claim row id, judged.
    public var version: Int64
    /// Accepted or to revise.
    public var verdict: VerdictKind
    /// Why it is returned; nil when accepted.
    public var reason: RevisionReason?
    /// The assessor's note (may be empty, except for `lainnya`).
    public var note: String
    /// The assessor.
    public var accountID: Int64
    /// When, in seconds since 1970.
    public var createdAt: Int64

    /// A verdict as stored.
    public init(
        id: Int64, periodID: Int64, opdID: Int64, subject: ReviewSubject, item: String, version: Int64,
        verdict: VerdictKind, reason: RevisionReason?, note: String, accountID: Int64, createdAt: Int64
    ) {
        self.id = id
        self.periodID = periodID
        self.opdID = opdID
        self.subject = subject
        self.item = item
        self.version = version
        self.verdict = verdict
        self.reason = reason
        self.note = note
        self.accountID = accountID
        self.createdAt = createdAt
    }
}

/// The storage of the internal review: immutable verdicts, and the claim rows they judge.
public protocol ReviewStore: Sendable {
    /// Stores a verdict (its id and time are given by the store).
    func addVerdict(
        periodID: Int64, opdID: Int64, subject: ReviewSubject, item: String, version: Int64, verdict: VerdictKind,
        reason: RevisionReason?, note: String, accountID: Int64
    ) throws -> Verdict
    /// Every verdict of a period, oldest first.
    func verdicts(periodID: Int64) throws -> [Verdict]
    /// The claim row with this id.
    func claim(id: Int64) throws -> Claim?
    /// Every claim row of an indicator in a period, newest first.
    func claimHistory(periodID: Int64, indicator: String) throws -> [Claim]
}

import Foundation

/// The external assessors' official result of one indicator in a period (issue 24): the level, their notes and
/// their recommendation, and the OPD the result names when it names one.
public struct OfficialResult: Sendable, Equatable, Codable {
    /// The indicator's id in the period's pack (`I10`).
    public var indicator: String
    /// The OPD the result names, nil when it is the pemda's as a whole.
    public var opdID: Int64?
    /// The official level (1 to 5).
    public var level: Int
    /// The assessors' notes.
    public var notes: String
    /// The assessors' recommendation; empty when they gave none.
    public var recommendation: String

    /// A result as entered or imported.
    public init(indicator: String, opdID: Int64?, level: Int, notes: String, recommendation: String) {
        self.indicator = indicator
        self.opdID = opdID
        self.level = level
        self.notes = notes
        self.recommendation = recommendation
    }
}

/// What the external document review decided about one evidence item.
public enum EvidenceOutcome: String, Sendable, Codable, CaseIterable {
    /// Accepted as evidence.
    case accepted
    /// To revise (wrong evidence, not uploaded, incomplete …): it becomes a follow-up.
    case revise
}

/// The official outcome of one evidence item (by its display code within its OPD).
public struct OfficialEvidenceResult: Sendable, Equatable, Codable {
    /// The OPD whose item it is.
    public var opdID: Int64
    /// The item's display code (`I10-L3-01`).
    public var code: String
    /// Accepted or to revise.
    public var outcome: EvidenceOutcome
    /// The assessors' note.
    public var note: String

    /// An item's outcome as entered or imported.
    public init(opdID: Int64, code: String, outcome: EvidenceOutcome, note: String) {
        self.opdID = opdID
        self.code = code
        self.outcome = outcome
        self.note = note
    }
}

/// Official results to store in one transaction: either replacing every result (or every evidence outcome) of the
/// period, as an import does, or setting the ones given, as a form does; with the follow-ups they give rise to
/// (a follow-up already stored for the same source is kept as it is).
public struct ResultBatch: Sendable {
    /// The period.
    public var periodID: Int64
    /// Indicator results.
    public var results: [OfficialResult]
    /// Evidence outcomes.
    public var evidence: [OfficialEvidenceResult]
    /// Whether `results` replace every stored result of the period (else they are set one by one).
    public var replacesResults: Bool
    /// Whether `evidence` replaces every stored evidence outcome of the period.
    public var replacesEvidence: Bool
    /// The follow-ups the results give rise to.
    public var followUps: [NewFollowUp]
    /// Who stored them.
    public var accountID: Int64

    /// A batch of results.
    public init(
        periodID: Int64, results: [OfficialResult], evidence: [OfficialEvidenceResult], replacesResults: Bool,
        replacesEvidence: Bool, followUps: [NewFollowUp], accountID: Int64
    ) {
        self.periodID = periodID
        self.results = results
        self.evidence = evidence
        self.replacesResults = replacesResults
        self.replacesEvidence = replacesEvidence
        self.followUps = followUps
        self.accountID = accountID
    }
}

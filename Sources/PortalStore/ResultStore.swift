import Foundation

/// The storage of official results and the follow-up tracker (issue 24). Every method is one transaction.
public protocol ResultStore: Sendable {
    /// Stores a batch of official results and the follow-ups they give rise to, all or nothing.
    func saveResults(_ batch: ResultBatch) throws
    /// A period's official results, by indicator id.
    func officialResults(periodID: Int64) throws -> [OfficialResult]
    /// A period's official evidence outcomes, by OPD and code.
    func officialEvidenceResults(periodID: Int64) throws -> [OfficialEvidenceResult]

    /// The follow-up with this id.
    func followUp(id: Int64) throws -> FollowUp?
    /// The follow-ups a period's results gave rise to, by id.
    func followUps(periodID: Int64) throws -> [FollowUp]
    /// Changes a follow-up; returns it as stored, nil when there is none with this id.
    func updateFollowUp(id: Int64, _ change: FollowUpChange) throws -> FollowUp?
    /// Every follow-up of every period still open after its target day: those whose target is before `today`
    /// (`YYYY-MM-DD`) and whose status is not done, by target day then id. A notification can be wired to it.
    func overdueFollowUps(asOf today: String) throws -> [FollowUp]
}

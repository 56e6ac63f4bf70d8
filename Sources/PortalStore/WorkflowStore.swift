import Foundation

/// The storage of the evaluation workflow (issue 23): stage dates, reopenings, and the accounts that must change
/// their password. Every method is one transaction.
public protocol WorkflowStore: Sendable {
    /// Replaces a period's stage dates with `stages` (a stage not listed is unscheduled).
    func setStages(periodID: Int64, _ stages: [StageDates]) throws
    /// A period's scheduled stages, in the evaluation's order.
    func stages(periodID: Int64) throws -> [StageDates]

    /// Records a reopening of the submission stage for one OPD.
    func addReopening(periodID: Int64, opdID: Int64, untilOn: String, reason: String, accountID: Int64) throws
        -> Reopening
    /// A period's reopenings for one OPD, newest first.
    func reopenings(periodID: Int64, opdID: Int64) throws -> [Reopening]
    /// Every reopening of a period, newest first.
    func reopenings(periodID: Int64) throws -> [Reopening]

    /// Replaces a period's responsibility matrix with `rows` (one per indicator), in one transaction.
    func setResponsibilities(periodID: Int64, _ rows: [Responsibility]) throws
    /// A period's stored responsibility matrix, by indicator id.
    func responsibilities(periodID: Int64) throws -> [Responsibility]

    /// Stores an evidence file's row: a new item (`revises` nil) gets the next display code of its indicator and
    /// level in the OPD, version 1; a revision keeps its item's code and takes the next version.
    func addEvidence(_ evidence: NewEvidence, revises: String?) throws -> Evidence
    /// The evidence row with this id.
    func evidence(id: Int64) throws -> Evidence?
    /// Every version of an OPD's evidence in a period, by code, newest version first.
    func evidence(periodID: Int64, opdID: Int64) throws -> [Evidence]

    /// Stores a self-assessment answer; it becomes the indicator's current claim.
    func addClaim(_ claim: NewClaim) throws -> Claim
    /// The current claim of each indicator of a period, by indicator id.
    func claims(periodID: Int64) throws -> [Claim]

    /// Marks or clears an account's duty to choose its own password at its next sign-in.
    func setPasswordChangeRequired(accountID: Int64, _ required: Bool) throws
    /// Whether the account must choose its own password before anything else.
    func passwordChangeRequired(accountID: Int64) throws -> Bool
    /// Replaces an account's password hash and clears its duty to change it, in one transaction.
    func changePassword(accountID: Int64, passwordHash: String) throws
}

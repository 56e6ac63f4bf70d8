import Foundation

/// A submission about to be stored: everything but its id and time.
public struct NewSubmission: Sendable {
    /// The period.
    public var periodID: Int64
    /// The OPD.
    public var opdID: Int64
    /// The uploader.
    public var accountID: Int64
    /// The uploaded file's name (display only).
    public var fileName: String
    /// The hash of the uploaded bytes' blob.
    public var contentHash: String
    /// The uploaded size in bytes.
    public var size: Int64
    /// The JSON report's blob.
    public var reportJSONHash: String
    /// The HTML report's blob.
    public var reportHTMLHash: String
    /// The SARIF log's blob.
    public var reportSARIFHash: String
    /// The evidence checklist's blob.
    public var evidenceHTMLHash: String
    /// The estimated index.
    public var index: Double?
    /// Its predicate.
    public var predicate: String?
    /// Failing findings.
    public var failingFindings: Int

    /// A submission to store.
    public init(
        periodID: Int64, opdID: Int64, accountID: Int64, fileName: String, contentHash: String, size: Int64,
        reportJSONHash: String, reportHTMLHash: String, reportSARIFHash: String, evidenceHTMLHash: String,
        index: Double?,
        predicate: String?, failingFindings: Int
    ) {
        self.periodID = periodID
        self.opdID = opdID
        self.accountID = accountID
        self.fileName = fileName
        self.contentHash = contentHash
        self.size = size
        self.reportJSONHash = reportJSONHash
        self.reportHTMLHash = reportHTMLHash
        self.reportSARIFHash = reportSARIFHash
        self.evidenceHTMLHash = evidenceHTMLHash
        self.index = index
        self.predicate = predicate
        self.failingFindings = failingFindings
    }
}

/// Why a store operation was refused.
public enum PortalStoreError: Error, Equatable, Sendable {
    /// A unique name (user name, OPD code) is taken.
    case duplicate(String)
    /// A referenced row does not exist.
    case missing(String)
}

/// The portal's storage: the narrow interface the web layer uses, so that a PostgreSQL backend can follow the
/// SQLite one. Every method is one transaction; uploaded files and reports live in a `BlobStore` beside it.
public protocol PortalStore: WorkflowStore, ReviewStore, ResultStore, InterviewStore, NotificationStore {
    /// Whether the database answers (for `/healthz`).
    func isReachable() -> Bool
    /// A number that grows with every committed write that may change what a page shows, whichever method made
    /// it (sign-ins and the audit log excepted): pages kept for many readers are valid while it stays the same.
    var generation: UInt64 { get }

    /// Creates an account; throws `duplicate` when the user name is taken.
    func createAccount(username: String, displayName: String, passwordHash: String, role: Role, opdID: Int64?) throws
        -> Account
    /// The account with this id.
    func account(id: Int64) throws -> Account?
    /// The account with this user name.
    func account(username: String) throws -> Account?
    /// Every account, by user name.
    func accounts() throws -> [Account]
    /// How many admin accounts there are.
    func adminCount() throws -> Int

    /// Creates an OPD; throws `duplicate` when the code is taken.
    func createOPD(code: String, name: String) throws -> OPD
    /// The OPD with this id.
    func opd(id: Int64) throws -> OPD?
    /// Every OPD, by code.
    func opds() throws -> [OPD]

    /// Opens a period.
    func createPeriod(name: String, evaluationDate: String, pack: String) throws -> Period
    /// The period with this id.
    func period(id: Int64) throws -> Period?
    /// Every period, newest first.
    func periods() throws -> [Period]

    /// Stores a submission and makes it its OPD's current one for the period, in one transaction: interrupted, the
    /// previous submission stays current.
    func addSubmission(_ submission: NewSubmission) throws -> Submission
    /// The submission with this id.
    func submission(id: Int64) throws -> Submission?
    /// An OPD's submissions in a period, newest first.
    func submissions(periodID: Int64, opdID: Int64) throws -> [Submission]
    /// The current submission of each OPD that has one in the period, by OPD id.
    func currentSubmissions(periodID: Int64) throws -> [Submission]
    /// The OPD's current submission in the period, nil when it has none.
    func currentSubmission(periodID: Int64, opdID: Int64) throws -> Submission?

    /// Stores a session.
    func createSession(_ session: Session) throws
    /// The unexpired session with this id hash at `now`.
    func session(idHash: String, now: Int64) throws -> Session?
    /// Ends a session.
    func deleteSession(idHash: String) throws
    /// Ends every session of an account.
    func deleteSessions(accountID: Int64) throws

    /// Stores an API token's hash for an account.
    func createToken(accountID: Int64, name: String, tokenHash: String) throws -> APIToken
    /// The account a token hash belongs to.
    func account(tokenHash: String) throws -> Account?
    /// An account's tokens.
    func tokens(accountID: Int64) throws -> [APIToken]
    /// Revokes one of an account's tokens; false when it has none with this id.
    func deleteToken(id: Int64, accountID: Int64) throws -> Bool

    /// Appends to the audit log.
    func audit(accountID: Int64?, action: String, submissionID: Int64?, detail: String) throws
    /// The newest entries of the audit log, newest first.
    func auditLog(limit: Int) throws -> [AuditEntry]

    /// Writes a consistent copy of the database to `path` (a file that must not exist), while others keep writing.
    func backup(to path: String) throws
}

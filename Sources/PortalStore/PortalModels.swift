import Foundation

/// What an account may do.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Diskominfo: manages OPDs, accounts and evaluation periods; reads everything.
    case admin
    /// One OPD's operator: uploads and reads its own OPD's submissions only.
    case `operator`
    /// A leader or an outside reader: reads everything, changes nothing.
    case viewer
    /// The Tim Asesor Internal (appointed by SK): reads every OPD and the dashboard to check what the OPDs send
    /// before it goes to the national application; never submits or edits an OPD's inventory.
    case assessor
}

/// A person who signs in, or whose API token is used.
public struct Account: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The sign-in name (unique, compared as given).
    public var username: String
    /// The name shown in pages and the audit log.
    public var displayName: String
    /// The password's bcrypt hash (never the password).
    public var passwordHash: String
    /// What the account may do.
    public var role: Role
    /// For an operator, the OPD it works for; nil for the other roles.
    public var opdID: Int64?
    /// When it was created, in seconds since 1970.
    public var createdAt: Int64

    /// An account as stored.
    public init(
        id: Int64, username: String, displayName: String, passwordHash: String, role: Role, opdID: Int64?,
        createdAt: Int64
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.opdID = opdID
        self.createdAt = createdAt
    }
}

/// An OPD (perangkat daerah) of the pemda, or the pemda's own entry (`kind: pemda` inventories).
public struct OPD: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// A short stable code chosen by the admin (for example `dinkes`), unique.
    public var code: String
    /// The OPD's full name.
    public var name: String
    /// When it was created, in seconds since 1970.
    public var createdAt: Int64

    /// An OPD as stored.
    public init(id: Int64, code: String, name: String, createdAt: Int64) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}

/// An evaluation period ("Evaluasi SPBE 2026"): its evaluation date and the pack its submissions are checked with.
public struct Period: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period's name.
    public var name: String
    /// The evaluation date rules are evaluated at, `YYYY-MM-DD`.
    public var evaluationDate: String
    /// The pack: empty for the bundled SPBE pack, else a pack folder on the server.
    public var pack: String
    /// When it was opened, in seconds since 1970.
    public var createdAt: Int64

    /// A period as stored.
    public init(id: Int64, name: String, evaluationDate: String, pack: String, createdAt: Int64) {
        self.id = id
        self.name = name
        self.evaluationDate = evaluationDate
        self.pack = pack
        self.createdAt = createdAt
    }
}

/// An inventory that loaded, as uploaded, with what its evaluation gave. Never changed once stored.
public struct Submission: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period it belongs to.
    public var periodID: Int64
    /// The OPD it is the inventory of.
    public var opdID: Int64
    /// Who uploaded it.
    public var accountID: Int64
    /// The uploaded file's name, as the browser gave it (display only; never used as a path).
    public var fileName: String
    /// The SHA-256 of the uploaded bytes, hex: the blob holding them.
    public var contentHash: String
    /// The uploaded size in bytes.
    public var size: Int64
    /// When it was stored, in seconds since 1970.
    public var createdAt: Int64
    /// The blob of the JSON report of its evaluation.
    public var reportJSONHash: String
    /// The blob of the HTML report.
    public var reportHTMLHash: String
    /// The blob of the SARIF log.
    public var reportSARIFHash: String
    /// The blob of the evidence checklist (HTML).
    public var evidenceHTMLHash: String
    /// The estimated Indeks SPBE, when the evaluation gave one.
    public var index: Double?
    /// The predicate of the index, when there is one.
    public var predicate: String?
    /// Failing findings.
    public var failingFindings: Int

    /// A submission as stored.
    public init(
        id: Int64, periodID: Int64, opdID: Int64, accountID: Int64, fileName: String, contentHash: String, size: Int64,
        createdAt: Int64, reportJSONHash: String, reportHTMLHash: String, reportSARIFHash: String,
        evidenceHTMLHash: String,
        index: Double?,
        predicate: String?, failingFindings: Int
    ) {
        self.id = id
        self.periodID = periodID
        self.opdID = opdID
        self.accountID = accountID
        self.fileName = fileName
        self.contentHash = contentHash
        self.size = size
        self.createdAt = createdAt
        self.reportJSONHash = reportJSONHash
        self.reportHTMLHash = reportHTMLHash
        self.reportSARIFHash = reportSARIFHash
        self.evidenceHTMLHash = evidenceHTMLHash
        self.index = index
        self.predicate = predicate
        self.failingFindings = failingFindings
    }
}

/// A signed-in browser session. Only the SHA-256 of its id is stored, so a copy of the database opens no session.
public struct Session: Sendable, Equatable {
    /// The session id's hash.
    public var idHash: String
    /// The signed-in account.
    public var accountID: Int64
    /// The token every state-changing form and cookie-authenticated API call carries.
    public var csrfToken: String
    /// When it ends, in seconds since 1970.
    public var expiresAt: Int64

    /// A session as stored.
    public init(idHash: String, accountID: Int64, csrfToken: String, expiresAt: Int64) {
        self.idHash = idHash
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// An API token's listing (its secret is shown once, at creation, and stored only hashed).
public struct APIToken: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The account whose role the token acts with.
    public var accountID: Int64
    /// The owner's label for it.
    public var name: String
    /// When it was created, in seconds since 1970.
    public var createdAt: Int64

    /// A token's listing.
    public init(id: Int64, accountID: Int64, name: String, createdAt: Int64) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.createdAt = createdAt
    }
}

/// One line of the audit log: who did what, when, to which submission.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// The row id (increasing).
    public var id: Int64
    /// When, in seconds since 1970.
    public var at: Int64
    /// Who (nil for the server itself or a failed sign-in).
    public var accountID: Int64?
    /// What, as a stable word (`login`, `upload.accepted`, `opd.create`, ...).
    public var action: String
    /// The submission concerned, if any.
    public var submissionID: Int64?
    /// Details in words (names, file names, reasons).
    public var detail: String

    /// An audit entry as stored.
    public init(id: Int64, at: Int64, accountID: Int64?, action: String, submissionID: Int64?, detail: String) {
        self.id = id
        self.at = at
        self.accountID = accountID
        self.action = action
        self.submissionID = submissionID
        self.detail = detail
    }
}

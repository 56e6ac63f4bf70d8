import Foundation
import PortalStore

/// How the portal is set up: where its data is, how it is reached, its bounds.
public struct PortalSettings: Sendable {
    /// The data folder: `portal.sqlite` and its WAL files, `blobs/`, `tmp/`.
    public var dataFolder: String
    /// Whether cookies get the Secure attribute: on unless the portal is served over plain HTTP on loopback
    /// (`spbe-serve` sets it from `--host` and `--insecure-cookies`).
    public var secureCookies: Bool
    /// Largest upload accepted, in bytes.
    public var maxUploadBytes: Int
    /// Evaluations running at once.
    public var evaluationSlots: Int
    /// Evaluations waiting their turn before uploads are refused with 503.
    public var evaluationQueue: Int
    /// Session lifetime in seconds.
    public var sessionSeconds: Int64
    /// Requests a minute per account (anonymous callers: per address); 0 turns the limit off.
    public var requestsPerMinute: Int = 600
    /// Requests a caller may make at once before the per-minute rate applies.
    public var requestBurst: Int = 120
    /// Where e-mail notifications go; nil: notifications stay in the portal.
    public var smtp: SMTPSettings?
    /// What delivers e-mail: the SMTP client of `smtp` when nil (tests record messages here instead).
    var mailTransport: (any MailTransport)?

    /// Settings with the default bounds: 16 MiB uploads, 2 evaluations at once and 32 waiting, 8-hour sessions.
    public init(
        dataFolder: String, secureCookies: Bool, maxUploadBytes: Int = 16 * 1024 * 1024, evaluationSlots: Int = 2,
        evaluationQueue: Int = 32, sessionSeconds: Int64 = 8 * 3600
    ) {
        self.dataFolder = dataFolder
        self.secureCookies = secureCookies
        self.maxUploadBytes = maxUploadBytes
        self.evaluationSlots = evaluationSlots
        self.evaluationQueue = evaluationQueue
        self.sessionSeconds = sessionSeconds
    }

    /// The database file.
    public var databasePath: String { "\(dataFolder)/portal.sqlite" }
}

/// What every route shares: the store, the blobs, the engine adapter and the bounds.
public final class PortalServices: Sendable {
    let settings: PortalSettings
    let store: any PortalStore
    let blobs: BlobStore
    let engine = CheckAdapter()
    let queue: EvaluationQueue
    let logins = LoginLimiter()
    let dashboards = DashboardCache()
    let pages = PageCache()
    let requests: RateLimiter
    let tickets = UploadTickets()
    let findings = FindingsCache()

    /// Opens the data folder (creating it, the database and the blob folder when missing).
    public convenience init(settings: PortalSettings) throws {
        try FileManager.default.createDirectory(atPath: settings.dataFolder, withIntermediateDirectories: true)
        let store = try SQLitePortalStore(path: settings.databasePath)
        try self.init(settings: settings, store: store)
    }

    /// Services over a given store (tests use it to inject a clock).
    public init(settings: PortalSettings, store: any PortalStore) throws {
        self.settings = settings
        self.store = store
        blobs = try BlobStore(folder: "\(settings.dataFolder)/blobs")
        requests = RateLimiter(perMinute: settings.requestsPerMinute, burst: settings.requestBurst)
        queue = EvaluationQueue(slots: settings.evaluationSlots, waiting: settings.evaluationQueue)
        try? FileManager.default.removeItem(atPath: tmpFolder)  // what a crash left staged
        try FileManager.default.createDirectory(atPath: tmpFolder, withIntermediateDirectories: true)
    }

    /// Where uploads are staged while they load.
    var tmpFolder: String { "\(settings.dataFolder)/tmp" }

    /// Whether the portal has an admin yet (`spbe-serve` prints how to create one when not).
    public func hasAdmin() throws -> Bool { try store.adminCount() > 0 }

    /// Creates an account from the command line or the admin pages, with the password hashed.
    public func createAccount(username: String, displayName: String, password: String, role: Role, opdID: Int64?) throws
        -> Account
    {
        try store.createAccount(
            username: username, displayName: displayName, passwordHash: Secrets.hashPassword(password), role: role,
            opdID: opdID
        )
    }

    /// Why a new password is refused, or nil.
    public static func passwordProblem(_ password: String) -> String? { Secrets.passwordProblem(password) }
}

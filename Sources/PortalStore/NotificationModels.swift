import Foundation

/// A message in one account's notification list. The text is final when stored: it was written for that account,
/// from its own OPD's data only.
public struct PortalNotification: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The account it is for.
    public var accountID: Int64
    /// The event's kind (`revision-requested`, `stage-closing`, …).
    public var kind: String
    /// One line.
    public var subject: String
    /// A few lines of plain text.
    public var body: String
    /// The portal path it is about (`/evidence/12`).
    public var link: String
    /// When, in seconds since 1970.
    public var createdAt: Int64
    /// Whether the account has read it.
    public var read: Bool

    /// A notification as stored.
    public init(
        id: Int64, accountID: Int64, kind: String, subject: String, body: String, link: String, createdAt: Int64,
        read: Bool
    ) {
        self.id = id
        self.accountID = accountID
        self.kind = kind
        self.subject = subject
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.read = read
    }
}

/// The storage of notifications: each account's list, the e-mail address it chose, and the keys of the reminders
/// already sent (so a periodic check sends each once). Every method is one transaction.
public protocol NotificationStore: Sendable {
    /// Stores a notification for each of `accountIDs` and marks `key` sent, in one transaction; returns false (and
    /// stores nothing) when `key` was already sent. A nil key is never deduplicated.
    func addNotifications(
        key: String?, accountIDs: [Int64], kind: String, subject: String, body: String, link: String
    ) throws -> Bool
    /// An account's notifications, newest first (at most `limit`).
    func notifications(accountID: Int64, limit: Int) throws -> [PortalNotification]
    /// How many of an account's notifications are unread.
    func unreadNotifications(accountID: Int64) throws -> Int
    /// Marks every notification of an account read.
    func markNotificationsRead(accountID: Int64) throws
    /// Sets (or, with nil, clears) the e-mail address an account receives its notifications at.
    func setEmail(accountID: Int64, _ email: String?) throws
    /// The e-mail address of each account that has one, by account id.
    func emails() throws -> [Int64: String]
}

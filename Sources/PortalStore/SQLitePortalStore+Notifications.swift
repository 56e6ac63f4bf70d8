import Foundation
import GRDB

extension SQLitePortalStore {
    public func addNotifications(
        key: String?, accountIDs: [Int64], kind: String, subject: String, body: String, link: String
    ) throws -> Bool {
        let now = clock()
        return try pool.write { db in
            if let key {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO notification_sent (key, created_at) VALUES (?, ?)",
                    arguments: [key, now])
                guard db.changesCount == 1 else { return false }
            }
            for account in accountIDs {
                try db.execute(
                    sql: """
                        INSERT INTO notification (account_id, kind, subject, body, link, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [account, kind, subject, body, link, now])
            }
            return true
        }
    }

    public func notifications(accountID: Int64, limit: Int) throws -> [PortalNotification] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM notification WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                arguments: [accountID, limit]
            ).map {
                PortalNotification(
                    id: $0["id"], accountID: $0["account_id"], kind: $0["kind"], subject: $0["subject"],
                    body: $0["body"], link: $0["link"], createdAt: $0["created_at"], read: $0["read"])
            }
        }
    }

    public func unreadNotifications(accountID: Int64) throws -> Int {
        try pool.read {
            try Int.fetchOne(
                $0, sql: "SELECT COUNT(*) FROM notification WHERE account_id = ? AND read = 0", arguments: [accountID])
                ?? 0
        }
    }

    public func markNotificationsRead(accountID: Int64) throws {
        try pool.write {
            try $0.execute(sql: "UPDATE notification SET read = 1 WHERE account_id = ?", arguments: [accountID])
        }
    }

    public func setEmail(accountID: Int64, _ email: String?) throws {
        try pool.write { db in
            if let email {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO account_email (account_id, email) VALUES (?, ?)",
                    arguments: [accountID, email])
            } else {
                try db.execute(sql: "DELETE FROM account_email WHERE account_id = ?", arguments: [accountID])
            }
        }
    }

    public func emails() throws -> [Int64: String] {
        try pool.read {
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll($0, sql: "SELECT * FROM account_email").map {
                    (($0["account_id"] as Int64), ($0["email"] as String))
                })
        }
    }
}

import Foundation
import GRDB

extension SQLitePortalStore {
    public func addEvidence(_ new: NewEvidence, revises: String?) throws -> Evidence {
        let now = clock()
        return try pool.write { db in
            let code: String
            let version: Int
            if let revises {
                // A revision: the item must exist in the same OPD and period, for the same indicator and level.
                guard
                    let last = try Int.fetchOne(
                        db,
                        sql: """
                            SELECT MAX(version) FROM evidence
                            WHERE period_id = ? AND opd_id = ? AND code = ? AND indicator = ? AND level = ?
                            """,
                        arguments: [new.periodID, new.opdID, revises, new.indicator, new.level])
                else { throw PortalStoreError.missing("evidence \(revises)") }
                (code, version) = (revises, last + 1)
            } else {
                let prefix = "\(new.indicator)-L\(new.level)-"
                let items =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT COUNT(DISTINCT code) FROM evidence WHERE period_id = ? AND opd_id = ? AND code LIKE ?",
                        arguments: [new.periodID, new.opdID, prefix + "%"]) ?? 0
                let number = items + 1
                (code, version) = (prefix + (number < 10 ? "0\(number)" : String(number)), 1)
            }
            try db.execute(
                sql: """
                    INSERT INTO evidence (period_id, opd_id, indicator, level, code, version, title, record, file_name,
                        content_hash, size, kind, account_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.periodID, new.opdID, new.indicator, new.level, code, version, new.title, new.record,
                    new.fileName, new.contentHash, new.size, new.kind, new.accountID, now,
                ]
            )
            return Evidence(
                id: db.lastInsertedRowID, periodID: new.periodID, opdID: new.opdID, indicator: new.indicator,
                level: new.level, code: code, version: version, title: new.title, record: new.record,
                fileName: new.fileName, contentHash: new.contentHash, size: new.size, kind: new.kind,
                accountID: new.accountID, createdAt: now)
        }
    }

    public func evidence(id: Int64) throws -> Evidence? {
        try pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM evidence WHERE id = ?", arguments: [id]).map(Self.evidence)
        }
    }

    public func evidence(periodID: Int64, opdID: Int64) throws -> [Evidence] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM evidence WHERE period_id = ? AND opd_id = ? ORDER BY code, version DESC",
                arguments: [periodID, opdID]
            ).map(Self.evidence)
        }
    }

    private static func evidence(_ row: Row) -> Evidence {
        Evidence(
            id: row["id"], periodID: row["period_id"], opdID: row["opd_id"], indicator: row["indicator"],
            level: row["level"], code: row["code"], version: row["version"], title: row["title"],
            record: row["record"], fileName: row["file_name"], contentHash: row["content_hash"], size: row["size"],
            kind: row["kind"], accountID: row["account_id"], createdAt: row["created_at"])
    }
}

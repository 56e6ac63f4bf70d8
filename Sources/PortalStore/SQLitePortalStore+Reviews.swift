import Foundation
import GRDB

extension SQLitePortalStore {
    public func addVerdict(
        periodID: Int64, opdID: Int64, subject: ReviewSubject, item: String, version: Int64, verdict: VerdictKind,
        reason: RevisionReason?, note: String, accountID: Int64
    ) throws -> Verdict {
        let now = clock()
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO verdict (period_id, opd_id, subject, item, version, verdict, reason, note, account_id,
                        created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    periodID, opdID, subject.rawValue, item, version, verdict.rawValue, reason?.rawValue, note,
                    accountID, now,
                ])
            return Verdict(
                id: db.lastInsertedRowID, periodID: periodID, opdID: opdID, subject: subject, item: item,
                version: version, verdict: verdict, reason: reason, note: note, accountID: accountID, createdAt: now)
        }
    }

    public func verdicts(periodID: Int64) throws -> [Verdict] {
        try pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM verdict WHERE period_id = ? ORDER BY id", arguments: [periodID])
                .map {
                    Verdict(
                        id: $0["id"], periodID: $0["period_id"], opdID: $0["opd_id"],
                        subject: ReviewSubject(rawValue: $0["subject"]) ?? .evidence, item: $0["item"],
                        version: $0["version"], verdict: VerdictKind(rawValue: $0["verdict"]) ?? .revise,
                        reason: ($0["reason"] as String?).flatMap(RevisionReason.init(rawValue:)), note: $0["note"],
                        accountID: $0["account_id"], createdAt: $0["created_at"])
                }
        }
    }

    public func claim(id: Int64) throws -> Claim? {
        try pool.read { try Row.fetchOne($0, sql: "SELECT * FROM claim WHERE id = ?", arguments: [id]).map(Self.claim) }
    }

    public func claimHistory(periodID: Int64, indicator: String) throws -> [Claim] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM claim WHERE period_id = ? AND indicator = ? ORDER BY id DESC",
                arguments: [periodID, indicator]
            ).map(Self.claim)
        }
    }

    /// A claim row as a value.
    static func claim(_ row: Row) -> Claim {
        Claim(
            id: row["id"], periodID: row["period_id"], indicator: row["indicator"], opdID: row["opd_id"],
            level: row["level"], fact: row["fact"], analysis: row["analysis"],
            evidenceCodes: (row["evidence"] as String).split(separator: " ").map(String.init),
            accountID: row["account_id"], createdAt: row["created_at"])
    }
}

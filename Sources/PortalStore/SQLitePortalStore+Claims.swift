import Foundation
import GRDB

extension SQLitePortalStore {
    public func addClaim(_ new: NewClaim) throws -> Claim {
        let now = clock()
        let evidence = new.evidenceCodes.joined(separator: " ")
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO claim (period_id, indicator, opd_id, level, fact, analysis, evidence, account_id,
                        created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.periodID, new.indicator, new.opdID, new.level, new.fact, new.analysis, evidence, new.accountID,
                    now,
                ]
            )
            return Claim(
                id: db.lastInsertedRowID, periodID: new.periodID, indicator: new.indicator, opdID: new.opdID,
                level: new.level, fact: new.fact, analysis: new.analysis, evidenceCodes: new.evidenceCodes,
                accountID: new.accountID, createdAt: now)
        }
    }

    public func claims(periodID: Int64) throws -> [Claim] {
        try pool.read {
            try Row.fetchAll(
                $0,
                sql: """
                    SELECT * FROM claim WHERE id IN (SELECT MAX(id) FROM claim WHERE period_id = ? GROUP BY indicator)
                    ORDER BY indicator
                    """,
                arguments: [periodID]
            ).map(Self.claim)
        }
    }
}

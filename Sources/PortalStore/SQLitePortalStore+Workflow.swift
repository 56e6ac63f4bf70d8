import Foundation
import GRDB

extension SQLitePortalStore {
    public func setStages(periodID: Int64, _ stages: [StageDates]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM period_stage WHERE period_id = ?", arguments: [periodID])
            for dates in stages {
                try db.execute(
                    sql: "INSERT INTO period_stage (period_id, stage, starts_on, ends_on) VALUES (?, ?, ?, ?)",
                    arguments: [periodID, dates.stage.rawValue, dates.startsOn, dates.endsOn]
                )
            }
        }
    }

    public func stages(periodID: Int64) throws -> [StageDates] {
        let rows = try readRows("SELECT * FROM period_stage WHERE period_id = ?", [periodID])
        let stored = rows.compactMap { row -> StageDates? in
            guard let stage = Stage(rawValue: row["stage"]) else { return nil }
            return StageDates(stage: stage, startsOn: row["starts_on"], endsOn: row["ends_on"])
        }
        return Stage.allCases.compactMap { stage in stored.first { $0.stage == stage } }
    }

    public func addReopening(periodID: Int64, opdID: Int64, untilOn: String, reason: String, accountID: Int64) throws
        -> Reopening
    {
        let now = clock()
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO stage_reopening (period_id, opd_id, until_on, reason, account_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [periodID, opdID, untilOn, reason, accountID, now]
            )
            return Reopening(
                id: db.lastInsertedRowID, periodID: periodID, opdID: opdID, untilOn: untilOn, reason: reason,
                accountID: accountID, createdAt: now)
        }
    }

    public func reopenings(periodID: Int64, opdID: Int64) throws -> [Reopening] {
        try readRows(
            "SELECT * FROM stage_reopening WHERE period_id = ? AND opd_id = ? ORDER BY id DESC", [periodID, opdID]
        ).map(Self.reopening)
    }

    public func reopenings(periodID: Int64) throws -> [Reopening] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM stage_reopening WHERE period_id = ? ORDER BY id DESC", arguments: [periodID]
            ).map(Self.reopening)
        }
    }

    public func setResponsibilities(periodID: Int64, _ rows: [Responsibility]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM responsibility WHERE period_id = ?", arguments: [periodID])
            for row in rows {
                try db.execute(
                    sql: "INSERT INTO responsibility (period_id, indicator, lead_opd_id, pj) VALUES (?, ?, ?, ?)",
                    arguments: [periodID, row.indicator, row.leadOPDID, row.pj]
                )
                for opd in Set(row.contributorIDs) where opd != row.leadOPDID {
                    try db.execute(
                        sql: "INSERT INTO responsibility_contributor (period_id, indicator, opd_id) VALUES (?, ?, ?)",
                        arguments: [periodID, row.indicator, opd]
                    )
                }
            }
        }
    }

    public func responsibilities(periodID: Int64) throws -> [Responsibility] {
        try pool.read { db in
            var contributors: [String: [Int64]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM responsibility_contributor WHERE period_id = ? ORDER BY opd_id",
                arguments: [periodID])
            {
                contributors[row["indicator"], default: []].append(row["opd_id"])
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM responsibility WHERE period_id = ? ORDER BY indicator", arguments: [periodID]
            ).map {
                Responsibility(
                    indicator: $0["indicator"], leadOPDID: $0["lead_opd_id"],
                    contributorIDs: contributors[$0["indicator"]] ?? [], pj: $0["pj"])
            }
        }
    }

    public func setPasswordChangeRequired(accountID: Int64, _ required: Bool) throws {
        try pool.write { db in
            try db.execute(
                sql: required
                    ? "INSERT OR IGNORE INTO password_change_required (account_id) VALUES (?)"
                    : "DELETE FROM password_change_required WHERE account_id = ?",
                arguments: [accountID]
            )
        }
    }

    public func passwordChangeRequired(accountID: Int64) throws -> Bool {
        try readRow("SELECT COUNT(*) > 0 FROM password_change_required WHERE account_id = ?", [accountID])?[0] ?? false
    }

    public func changePassword(accountID: Int64, passwordHash: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [passwordHash, accountID])
            guard db.changesCount == 1 else { throw PortalStoreError.missing("account") }
            try db.execute(sql: "DELETE FROM password_change_required WHERE account_id = ?", arguments: [accountID])
        }
    }

    private static func reopening(_ row: Row) -> Reopening {
        Reopening(
            id: row["id"], periodID: row["period_id"], opdID: row["opd_id"], untilOn: row["until_on"],
            reason: row["reason"], accountID: row["account_id"], createdAt: row["created_at"])
    }
}

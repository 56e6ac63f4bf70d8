import Foundation
import GRDB

extension SQLitePortalStore {
    public func saveResults(_ batch: ResultBatch) throws {
        let now = clock()
        try pool.write { db in
            if batch.replacesResults {
                try db.execute(sql: "DELETE FROM official_result WHERE period_id = ?", arguments: [batch.periodID])
            }
            if batch.replacesEvidence {
                try db.execute(
                    sql: "DELETE FROM official_evidence_result WHERE period_id = ?", arguments: [batch.periodID])
            }
            for result in batch.results {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO official_result
                        (period_id, indicator, opd_id, level, notes, recommendation, account_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        batch.periodID, result.indicator, result.opdID, result.level, result.notes,
                        result.recommendation, batch.accountID, now,
                    ])
            }
            for item in batch.evidence {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO official_evidence_result
                        (period_id, opd_id, code, outcome, note, account_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        batch.periodID, item.opdID, item.code, item.outcome.rawValue, item.note, batch.accountID, now,
                    ]
                )
            }
            for followUp in batch.followUps {
                let sourceOPD = followUp.source == .evidence ? followUp.opdID ?? 0 : 0
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO follow_up
                        (period_id, source, indicator, item, source_opd_id, opd_id, pj, target_on, priority, status,
                         description, note, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, '', ?, ?)
                        """,
                    arguments: [
                        followUp.periodID, followUp.source.rawValue, followUp.indicator, followUp.item, sourceOPD,
                        followUp.opdID, followUp.pj, followUp.targetOn, followUp.priority.rawValue,
                        followUp.description, now, now,
                    ])
            }
        }
    }

    public func officialResults(periodID: Int64) throws -> [OfficialResult] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM official_result WHERE period_id = ? ORDER BY indicator", arguments: [periodID]
            ).map {
                OfficialResult(
                    indicator: $0["indicator"], opdID: $0["opd_id"], level: $0["level"], notes: $0["notes"],
                    recommendation: $0["recommendation"])
            }
        }
    }

    public func officialEvidenceResults(periodID: Int64) throws -> [OfficialEvidenceResult] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM official_evidence_result WHERE period_id = ? ORDER BY opd_id, code",
                arguments: [periodID]
            ).compactMap { row in
                guard let outcome = EvidenceOutcome(rawValue: row["outcome"]) else { return nil }
                return OfficialEvidenceResult(
                    opdID: row["opd_id"], code: row["code"], outcome: outcome, note: row["note"])
            }
        }
    }

    public func followUp(id: Int64) throws -> FollowUp? {
        try pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM follow_up WHERE id = ?", arguments: [id]).flatMap(Self.followUp)
        }
    }

    public func followUps(periodID: Int64) throws -> [FollowUp] {
        try pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM follow_up WHERE period_id = ? ORDER BY id", arguments: [periodID])
                .compactMap(Self.followUp)
        }
    }

    public func updateFollowUp(id: Int64, _ change: FollowUpChange) throws -> FollowUp? {
        let now = clock()
        return try pool.write { db in
            guard
                var followUp = try Row.fetchOne(db, sql: "SELECT * FROM follow_up WHERE id = ?", arguments: [id])
                    .flatMap(Self.followUp)
            else { return nil }
            followUp.status = change.status
            followUp.note = change.note
            if let opdID = change.opdID { followUp.opdID = opdID }
            if let pj = change.pj { followUp.pj = pj }
            if let targetOn = change.targetOn { followUp.targetOn = targetOn }
            if let priority = change.priority { followUp.priority = priority }
            followUp.updatedAt = now
            try db.execute(
                sql: """
                    UPDATE follow_up SET status = ?, note = ?, opd_id = ?, pj = ?, target_on = ?, priority = ?,
                    updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    followUp.status.rawValue, followUp.note, followUp.opdID, followUp.pj, followUp.targetOn,
                    followUp.priority.rawValue, now, id,
                ])
            return followUp
        }
    }

    public func overdueFollowUps(asOf today: String) throws -> [FollowUp] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM follow_up WHERE status != 'done' AND target_on < ? ORDER BY target_on, id",
                arguments: [today]
            ).compactMap(Self.followUp)
        }
    }

    private static func followUp(_ row: Row) -> FollowUp? {
        guard let source = FollowUpSource(rawValue: row["source"]),
            let priority = FollowUpPriority(rawValue: row["priority"]),
            let status = FollowUpStatus(rawValue: row["status"])
        else { return nil }
        return FollowUp(
            id: row["id"], periodID: row["period_id"], source: source, indicator: row["indicator"], item: row["item"],
            opdID: row["opd_id"], pj: row["pj"], targetOn: row["target_on"], priority: priority, status: status,
            description: row["description"], note: row["note"], createdAt: row["created_at"],
            updatedAt: row["updated_at"])
    }
}

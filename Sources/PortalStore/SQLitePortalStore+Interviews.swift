import Foundation
import GRDB

extension SQLitePortalStore {
    public func addInterview(_ new: NewInterview) throws -> Interview {
        let now = clock()
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO interview (period_id, opd_id, indicator, starts_at, place, attendees, account_id,
                        created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.periodID, new.opdID, new.indicator, new.startsAt, new.place, new.attendees, new.accountID, now,
                ])
            return Interview(
                id: db.lastInsertedRowID, periodID: new.periodID, opdID: new.opdID, indicator: new.indicator,
                startsAt: new.startsAt, place: new.place, attendees: new.attendees, notes: "",
                accountID: new.accountID, createdAt: now)
        }
    }

    public func interview(id: Int64) throws -> Interview? {
        try pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM interview WHERE id = ?", arguments: [id]).map(Self.interview)
        }
    }

    public func interviews(periodID: Int64) throws -> [Interview] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM interview WHERE period_id = ? ORDER BY starts_at, opd_id, indicator, id",
                arguments: [periodID]
            ).map(Self.interview)
        }
    }

    public func setInterviewNotes(id: Int64, notes: String) throws {
        try pool.write { try $0.execute(sql: "UPDATE interview SET notes = ? WHERE id = ?", arguments: [notes, id]) }
    }

    public func addCommitment(interviewID: Int64, text: String, dueOn: String, accountID: Int64) throws -> Commitment {
        let now = clock()
        return try pool.write { db in
            guard
                let interview = try Row.fetchOne(
                    db, sql: "SELECT * FROM interview WHERE id = ?", arguments: [interviewID]
                ).map(Self.interview)
            else { throw PortalStoreError.missing("interview \(interviewID)") }
            try db.execute(
                sql:
                    "INSERT INTO commitment (interview_id, text, due_on, account_id, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [interviewID, text, dueOn, accountID, now])
            return Commitment(
                id: db.lastInsertedRowID, interviewID: interviewID, periodID: interview.periodID,
                opdID: interview.opdID, indicator: interview.indicator, text: text, dueOn: dueOn,
                accountID: accountID, createdAt: now)
        }
    }

    public func commitments(periodID: Int64) throws -> [Commitment] {
        try pool.read {
            try Row.fetchAll(
                $0,
                sql: """
                    SELECT commitment.*, interview.period_id, interview.opd_id, interview.indicator
                    FROM commitment JOIN interview ON interview.id = commitment.interview_id
                    WHERE interview.period_id = ? ORDER BY commitment.due_on, commitment.id
                    """,
                arguments: [periodID]
            ).map {
                Commitment(
                    id: $0["id"], interviewID: $0["interview_id"], periodID: $0["period_id"], opdID: $0["opd_id"],
                    indicator: $0["indicator"], text: $0["text"], dueOn: $0["due_on"], accountID: $0["account_id"],
                    createdAt: $0["created_at"])
            }
        }
    }

    private static func interview(_ row: Row) -> Interview {
        Interview(
            id: row["id"], periodID: row["period_id"], opdID: row["opd_id"], indicator: row["indicator"],
            startsAt: row["starts_at"], place: row["place"], attendees: row["attendees"], notes: row["notes"],
            accountID: row["account_id"], createdAt: row["created_at"])
    }
}

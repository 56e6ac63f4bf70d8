import Foundation
import GRDB

/// The portal's storage in one SQLite database (WAL mode, through GRDB), migrated to the last schema version when
/// opened.
public final class SQLitePortalStore: PortalStore {
    /// The database (tests reach it to simulate interruptions).
    let pool: DatabasePool
    /// The time stored with rows, in seconds since 1970.
    let clock: @Sendable () -> Int64
    /// Counts the committed writes that may change a page (see `StoreGeneration`).
    private let changes = StoreGeneration()

    /// Opens (creating when missing) the database at `path` and migrates it. `clock` gives the time stored with
    /// rows, in seconds since 1970.
    public init(path: String, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        self.clock = clock
        pool.add(transactionObserver: changes, extent: .databaseLifetime)
        try PortalMigrations.migrator.migrate(pool)
    }

    public var generation: UInt64 { changes.value }

    /// The schema versions applied to the database, oldest first.
    public func appliedVersions() throws -> [String] {
        try pool.read { try PortalMigrations.migrator.appliedMigrations($0) }
    }

    public func isReachable() -> Bool {
        (try? pool.read { try Int.fetchOne($0, sql: "SELECT 1") }) == 1
    }

    // MARK: Accounts

    public func createAccount(username: String, displayName: String, passwordHash: String, role: Role, opdID: Int64?)
        throws -> Account
    {
        let now = clock()
        return try unique("username") {
            try pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO account (username, display_name, password_hash, role, opd_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [username, displayName, passwordHash, role.rawValue, opdID, now]
                )
                return Account(
                    id: db.lastInsertedRowID, username: username, displayName: displayName, passwordHash: passwordHash,
                    role: role, opdID: opdID, createdAt: now
                )
            }
        }
    }

    public func account(id: Int64) throws -> Account? {
        try readRow("SELECT * FROM account WHERE id = ?", [id]).flatMap(Self.account)
    }

    public func account(username: String) throws -> Account? {
        try readRow("SELECT * FROM account WHERE username = ?", [username]).flatMap(Self.account)
    }

    public func accounts() throws -> [Account] {
        try pool.read { try Row.fetchAll($0, sql: "SELECT * FROM account ORDER BY username").compactMap(Self.account) }
    }

    public func adminCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM account WHERE role = 'admin'") ?? 0 }
    }

    // MARK: OPDs and periods

    public func createOPD(code: String, name: String) throws -> OPD {
        let now = clock()
        return try unique("code") {
            try pool.write { db in
                try db.execute(
                    sql: "INSERT INTO opd (code, name, created_at) VALUES (?, ?, ?)", arguments: [code, name, now])
                return OPD(id: db.lastInsertedRowID, code: code, name: name, createdAt: now)
            }
        }
    }

    public func opd(id: Int64) throws -> OPD? {
        try readRow("SELECT * FROM opd WHERE id = ?", [id]).map(Self.opd)
    }

    public func opds() throws -> [OPD] {
        try pool.read { try Row.fetchAll($0, sql: "SELECT * FROM opd ORDER BY code").map(Self.opd) }
    }

    public func createPeriod(name: String, evaluationDate: String, pack: String) throws -> Period {
        let now = clock()
        return try pool.write { db in
            try db.execute(
                sql: "INSERT INTO period (name, evaluation_date, pack, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, evaluationDate, pack, now]
            )
            return Period(
                id: db.lastInsertedRowID, name: name, evaluationDate: evaluationDate, pack: pack, createdAt: now)
        }
    }

    public func period(id: Int64) throws -> Period? {
        try readRow("SELECT * FROM period WHERE id = ?", [id]).map(Self.period)
    }

    public func periods() throws -> [Period] {
        try pool.read { try Row.fetchAll($0, sql: "SELECT * FROM period ORDER BY id DESC").map(Self.period) }
    }

    // MARK: Submissions

    public func addSubmission(_ new: NewSubmission) throws -> Submission {
        let now = clock()
        return try pool.write { db in
            // Perf: statements prepared once (GRDB's cache), as for the reads of every request.
            try db.cachedStatement(
                sql: """
                    INSERT INTO submission (period_id, opd_id, account_id, file_name, content_hash, size, created_at,
                        report_json_hash, report_html_hash, report_sarif_hash, evidence_html_hash, score_index, predicate,
                        failing_findings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    new.periodID, new.opdID, new.accountID, new.fileName, new.contentHash, new.size, now,
                    new.reportJSONHash,
                    new.reportHTMLHash, new.reportSARIFHash, new.evidenceHTMLHash, new.index, new.predicate,
                    new.failingFindings,
                ]
            )
            let id = db.lastInsertedRowID
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO current_submission (period_id, opd_id, submission_id) VALUES (?, ?, ?)"
            ).execute(arguments: [new.periodID, new.opdID, id])
            return Submission(
                id: id, periodID: new.periodID, opdID: new.opdID, accountID: new.accountID, fileName: new.fileName,
                contentHash: new.contentHash, size: new.size, createdAt: now, reportJSONHash: new.reportJSONHash,
                reportHTMLHash: new.reportHTMLHash, reportSARIFHash: new.reportSARIFHash,
                evidenceHTMLHash: new.evidenceHTMLHash, index: new.index,
                predicate: new.predicate, failingFindings: new.failingFindings
            )
        }
    }

    public func submission(id: Int64) throws -> Submission? {
        try pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM submission WHERE id = ?", arguments: [id]).map(Self.submission)
        }
    }

    public func submissions(periodID: Int64, opdID: Int64) throws -> [Submission] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM submission WHERE period_id = ? AND opd_id = ? ORDER BY id DESC",
                arguments: [periodID, opdID]
            ).map(Self.submission)
        }
    }

    public func currentSubmissions(periodID: Int64) throws -> [Submission] {
        try pool.read {
            try Row.fetchAll(
                $0,
                sql: """
                    SELECT submission.* FROM current_submission JOIN submission ON submission.id = current_submission.submission_id
                    WHERE current_submission.period_id = ? ORDER BY submission.opd_id
                    """,
                arguments: [periodID]
            ).map(Self.submission)
        }
    }

    public func currentSubmission(periodID: Int64, opdID: Int64) throws -> Submission? {
        try readRow(
            """
            SELECT submission.* FROM current_submission JOIN submission ON submission.id = current_submission.submission_id
            WHERE current_submission.period_id = ? AND current_submission.opd_id = ?
            """,
            [periodID, opdID]
        ).map(Self.submission)
    }

    // MARK: Sessions and tokens

    public func createSession(_ session: Session) throws {
        try pool.write {
            try $0.execute(
                sql: "INSERT INTO session (id_hash, account_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [session.idHash, session.accountID, session.csrfToken, session.expiresAt]
            )
        }
    }

    public func session(idHash: String, now: Int64) throws -> Session? {
        try readRow("SELECT * FROM session WHERE id_hash = ? AND expires_at > ?", [idHash, now]).map {
            Session(
                idHash: $0["id_hash"], accountID: $0["account_id"], csrfToken: $0["csrf_token"],
                expiresAt: $0["expires_at"])
        }
    }

    public func deleteSession(idHash: String) throws {
        try pool.write { try $0.execute(sql: "DELETE FROM session WHERE id_hash = ?", arguments: [idHash]) }
    }

    public func deleteSessions(accountID: Int64) throws {
        try pool.write { try $0.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [accountID]) }
    }

    public func createToken(accountID: Int64, name: String, tokenHash: String) throws -> APIToken {
        let now = clock()
        return try pool.write { db in
            try db.execute(
                sql: "INSERT INTO api_token (account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [accountID, name, tokenHash, now]
            )
            return APIToken(id: db.lastInsertedRowID, accountID: accountID, name: name, createdAt: now)
        }
    }

    public func account(tokenHash: String) throws -> Account? {
        try readRow(
            "SELECT account.* FROM api_token JOIN account ON account.id = api_token.account_id WHERE token_hash = ?",
            [tokenHash]
        ).flatMap(Self.account)
    }

    public func tokens(accountID: Int64) throws -> [APIToken] {
        try pool.read {
            try Row.fetchAll(
                $0, sql: "SELECT * FROM api_token WHERE account_id = ? ORDER BY id", arguments: [accountID]
            ).map {
                APIToken(id: $0["id"], accountID: $0["account_id"], name: $0["name"], createdAt: $0["created_at"])
            }
        }
    }

    public func deleteToken(id: Int64, accountID: Int64) throws -> Bool {
        try pool.write {
            try $0.execute(sql: "DELETE FROM api_token WHERE id = ? AND account_id = ?", arguments: [id, accountID])
            return $0.changesCount > 0
        }
    }

    // MARK: Audit and backup

    public func audit(accountID: Int64?, action: String, submissionID: Int64?, detail: String) throws {
        let now = clock()
        try pool.write {
            try $0.cachedStatement(
                sql: "INSERT INTO audit (at, account_id, action, submission_id, detail) VALUES (?, ?, ?, ?, ?)"
            ).execute(arguments: [now, accountID, action, submissionID, detail])
        }
    }

    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(
                    id: $0["id"], at: $0["at"], accountID: $0["account_id"], action: $0["action"],
                    submissionID: $0["submission_id"], detail: $0["detail"]
                )
            }
        }
    }

    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw PortalStoreError.duplicate(path) }
        let copy = try DatabaseQueue(path: path)
        try pool.backup(to: copy)
        try copy.close()
    }

    // MARK: Rows

    /// Runs `body`, turning a broken UNIQUE constraint into `duplicate(field)`.
    private func unique<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw PortalStoreError.duplicate(field)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw PortalStoreError.missing(error.message ?? field)
        }
    }

    private static func account(_ row: Row) -> Account? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return Account(
            id: row["id"], username: row["username"], displayName: row["display_name"],
            passwordHash: row["password_hash"],
            role: role, opdID: row["opd_id"], createdAt: row["created_at"]
        )
    }

    private static func opd(_ row: Row) -> OPD {
        OPD(id: row["id"], code: row["code"], name: row["name"], createdAt: row["created_at"])
    }

    private static func period(_ row: Row) -> Period {
        Period(
            id: row["id"], name: row["name"], evaluationDate: row["evaluation_date"], pack: row["pack"],
            createdAt: row["created_at"])
    }

    private static func submission(_ row: Row) -> Submission {
        Submission(
            id: row["id"], periodID: row["period_id"], opdID: row["opd_id"], accountID: row["account_id"],
            fileName: row["file_name"], contentHash: row["content_hash"], size: row["size"],
            createdAt: row["created_at"],
            reportJSONHash: row["report_json_hash"], reportHTMLHash: row["report_html_hash"],
            reportSARIFHash: row["report_sarif_hash"], evidenceHTMLHash: row["evidence_html_hash"],
            index: row["score_index"], predicate: row["predicate"],
            failingFindings: row["failing_findings"]
        )
    }
}

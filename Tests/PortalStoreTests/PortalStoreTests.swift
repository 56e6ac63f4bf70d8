import Foundation
import GRDB
import Testing

@testable import PortalStore

/// A fresh folder under the system's temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private let hashA = String(repeating: "a", count: 64)
private let hashB = String(repeating: "b", count: 64)

private func newSubmission(period: Int64, opd: Int64, account: Int64, hash: String = hashA, index: Double? = 2.5)
    -> NewSubmission
{
    NewSubmission(
        periodID: period, opdID: opd, accountID: account, fileName: "dinkes.yaml", contentHash: hash, size: 10,
        reportJSONHash: hash, reportHTMLHash: hash, reportSARIFHash: hash, evidenceHTMLHash: hash, index: index,
        predicate: "Baik", failingFindings: 3
    )
}

/// A store with one OPD, one operator, one period.
private func seeded(_ folder: String) throws -> (SQLitePortalStore, OPD, Account, Period) {
    let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite", clock: { 1_800_000_000 })
    let opd = try store.createOPD(code: "dinkes", name: "Dinas Kesehatan")
    let account = try store.createAccount(
        username: "op", displayName: "Op", passwordHash: "!", role: .operator, opdID: opd.id)
    let period = try store.createPeriod(name: "Evaluasi SPBE 2026", evaluationDate: "2026-06-30", pack: "")
    return (store, opd, account, period)
}

@Suite("Portal store")
struct PortalStoreTests {
    @Test("a new database has every schema version, in WAL mode")
    func freshDatabase() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite")
        #expect(try store.appliedVersions() == PortalMigrations.versions)
        let mode = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(store.isReachable())
    }

    @Test(
        "a database of every earlier schema version migrates to the last, keeping its rows",
        arguments: 1..<PortalMigrations.versions.count)
    func migratesFromEarlierVersion(applied: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/portal.sqlite"
        let old = try DatabaseQueue(path: path)
        try PortalMigrations.migrator.migrate(old, upTo: PortalMigrations.versions[applied - 1])
        // Rows every version since the first can hold.
        try old.write { db in
            try db.execute(sql: "INSERT INTO opd (code, name, created_at) VALUES ('dinkes', 'Dinas Kesehatan', 1)")
            try db.execute(
                sql: """
                    INSERT INTO account (username, display_name, password_hash, role, opd_id, created_at)
                    VALUES ('op', 'Op', '!', 'operator', 1, 1)
                    """)
            try db.execute(
                sql: "INSERT INTO period (name, evaluation_date, pack, created_at) VALUES ('2025', '2025-06-30', '', 1)"
            )
        }
        try old.close()
        let store = try SQLitePortalStore(path: path)
        #expect(try store.appliedVersions() == PortalMigrations.versions)
        #expect(try store.opds().map(\.code) == ["dinkes"])
        #expect(try store.account(username: "op")?.opdID == 1)
        #expect(try store.periods().map(\.name) == ["2025"])
        // The migrated database takes the later versions' rows.
        let submission = try store.addSubmission(newSubmission(period: 1, opd: 1, account: 1))
        #expect(try store.currentSubmissions(periodID: 1).map(\.id) == [submission.id])
        #expect(try store.createToken(accountID: 1, name: "ci", tokenHash: hashB).id == 1)
        // Accounts from before the workflow versions are not asked to change their password; periods are unscheduled.
        #expect(try store.passwordChangeRequired(accountID: 1) == false)
        #expect(try store.stages(periodID: 1).isEmpty)
    }

    @Test("a new submission becomes current, and the history keeps the earlier one")
    func submissionBecomesCurrent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, opd, account, period) = try seeded(folder)
        let first = try store.addSubmission(newSubmission(period: period.id, opd: opd.id, account: account.id))
        let second = try store.addSubmission(
            newSubmission(period: period.id, opd: opd.id, account: account.id, hash: hashB, index: 3.1))
        #expect(try store.currentSubmissions(periodID: period.id).map(\.id) == [second.id])
        #expect(try store.currentSubmission(periodID: period.id, opdID: opd.id)?.id == second.id)
        #expect(try store.currentSubmission(periodID: period.id, opdID: opd.id + 1) == nil)
        #expect(try store.submissions(periodID: period.id, opdID: opd.id).map(\.id) == [second.id, first.id])
        #expect(try store.submission(id: first.id) == first)
    }

    @Test("submissions cannot be changed once stored")
    func submissionsAreImmutable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, opd, account, period) = try seeded(folder)
        let submission = try store.addSubmission(newSubmission(period: period.id, opd: opd.id, account: account.id))
        #expect(throws: DatabaseError.self) {
            try store.pool.write {
                try $0.execute(sql: "UPDATE submission SET file_name = 'x' WHERE id = ?", arguments: [submission.id])
            }
        }
        #expect(try store.submission(id: submission.id)?.fileName == "dinkes.yaml")
    }

    @Test("a submission interrupted between its two writes leaves the previous submission current and stores nothing")
    func interruptedSubmissionKeepsPrevious() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, opd, account, period) = try seeded(folder)
        let first = try store.addSubmission(newSubmission(period: period.id, opd: opd.id, account: account.id))
        // The interruption: the step that makes the new row current fails after the row is inserted.
        try store.pool.write {
            try $0.execute(
                sql: """
                    CREATE TEMP TRIGGER interrupt BEFORE INSERT ON current_submission
                    BEGIN SELECT RAISE(ABORT, 'interrupted'); END
                    """)
        }
        #expect(throws: DatabaseError.self) {
            try store.addSubmission(newSubmission(period: period.id, opd: opd.id, account: account.id, hash: hashB))
        }
        #expect(try store.currentSubmissions(periodID: period.id).map(\.id) == [first.id])
        #expect(try store.submissions(periodID: period.id, opdID: opd.id).map(\.id) == [first.id])
    }

    @Test("unique names are refused as duplicates, an operator needs an OPD")
    func constraints() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, _, _, _) = try seeded(folder)
        #expect(throws: PortalStoreError.duplicate("code")) { try store.createOPD(code: "dinkes", name: "Other") }
        #expect(throws: PortalStoreError.duplicate("username")) {
            try store.createAccount(username: "op", displayName: "X", passwordHash: "!", role: .viewer, opdID: nil)
        }
        #expect(throws: PortalStoreError.self) {
            try store.createAccount(
                username: "lonely", displayName: "X", passwordHash: "!", role: .operator, opdID: nil)
        }
    }

    @Test("sessions expire, tokens find their account and are revoked by their owner only")
    func sessionsAndTokens() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, _, account, _) = try seeded(folder)
        try store.createSession(Session(idHash: hashA, accountID: account.id, csrfToken: "t", expiresAt: 100))
        #expect(try store.session(idHash: hashA, now: 99)?.csrfToken == "t")
        #expect(try store.session(idHash: hashA, now: 100) == nil)
        let token = try store.createToken(accountID: account.id, name: "ci", tokenHash: hashB)
        #expect(try store.account(tokenHash: hashB)?.id == account.id)
        #expect(try store.deleteToken(id: token.id, accountID: account.id + 1) == false)
        #expect(try store.deleteToken(id: token.id, accountID: account.id))
        #expect(try store.account(tokenHash: hashB) == nil)
    }

    @Test("a backup taken while the store is open holds every row")
    func backup() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, opd, account, period) = try seeded(folder)
        _ = try store.addSubmission(newSubmission(period: period.id, opd: opd.id, account: account.id))
        try store.audit(accountID: account.id, action: "upload.accepted", submissionID: 1, detail: "dinkes.yaml")
        try store.backup(to: "\(folder)/copy.sqlite")
        let copy = try SQLitePortalStore(path: "\(folder)/copy.sqlite")
        #expect(try copy.currentSubmissions(periodID: period.id).count == 1)
        #expect(try copy.auditLog(limit: 10).map(\.action) == ["upload.accepted"])
        #expect(throws: PortalStoreError.self) { try store.backup(to: "\(folder)/copy.sqlite") }
    }

    @Test("blobs are named by their SHA-256, written once, and never read from a path")
    func blobs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let blobs = try BlobStore(folder: "\(folder)/blobs")
        let hash = try blobs.put(Data("abc".utf8))
        #expect(hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try blobs.put(Data("abc".utf8)) == hash)
        #expect(blobs.data(hash) == Data("abc".utf8))
        #expect(blobs.data("../portal.sqlite") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/blobs") == [hash])
    }
}

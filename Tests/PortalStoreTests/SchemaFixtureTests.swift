import Foundation
import GRDB
import Testing

@testable import PortalStore

/// A database written by an earlier release, not rebuilt by today's migrator: `Fixtures/portal-schema-3.sqlite`
/// was made by `spbe-serve --demo` when `3-api-tokens` was the last version (11 OPDs, 12 accounts, 11 submissions,
/// each current in the demo period).
@Suite("Portal store: a database of an earlier release")
struct SchemaFixtureTests {
    private static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/portal-schema-3.sqlite").path

    @Test("a database of schema version 3 made by the released portal migrates to the last version, losing no row")
    func releasedDatabaseMigrates() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/portal.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        let before = try DatabaseQueue(path: path).read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"),
                try Row.fetchAll(db, sql: "SELECT * FROM submission ORDER BY id"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            )
        }
        #expect(before.0 == ["1-accounts", "2-submissions", "3-api-tokens"])

        let store = try SQLitePortalStore(path: path)
        #expect(try store.appliedVersions() == PortalMigrations.versions)
        #expect(try store.opds().count == 11)
        #expect(try store.accounts().count == 12)
        let period = try #require(try store.periods().first)
        let current = try store.currentSubmissions(periodID: period.id)
        #expect(current.count == 11)
        let after = try store.pool.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT * FROM submission ORDER BY id"),
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        // Every stored submission is still there, column for column (later versions may only add columns).
        #expect(after.0.count == before.1.count)
        for (old, new) in zip(before.1, after.0) {
            for column in old.columnNames { #expect(new[column] as DatabaseValue == old[column] as DatabaseValue) }
        }
        #expect(after.1 == "ok")
        #expect(try store.auditLog(limit: 1_000).count == before.2)
    }
}

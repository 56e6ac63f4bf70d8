import GRDB

/// The SQLite schema's versions, in order. A version once released is never edited: a change is a new version,
/// and `PortalStoreTests` migrates a database of every earlier version to the last.
enum PortalMigrations {
    /// The versions' names, oldest first.
    static var versions: [String] {
        ["1-accounts", "2-submissions", "3-api-tokens"] + workflowVersions + resultVersions + interviewVersions
    }

    /// The migrator of every version.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-accounts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE opd (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        code TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        username TEXT NOT NULL UNIQUE,
                        display_name TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        role TEXT NOT NULL,
                        opd_id INTEGER REFERENCES opd(id),
                        created_at INTEGER NOT NULL,
                        CHECK (role IN ('admin', 'operator', 'viewer', 'assessor')),
                        CHECK ((role = 'operator') = (opd_id IS NOT NULL))
                    );
                    CREATE TABLE period (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        evaluation_date TEXT NOT NULL,
                        pack TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE session (
                        id_hash TEXT PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL,
                        expires_at INTEGER NOT NULL
                    );
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at INTEGER NOT NULL,
                        account_id INTEGER REFERENCES account(id),
                        action TEXT NOT NULL,
                        submission_id INTEGER,
                        detail TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("2-submissions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE submission (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        file_name TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        report_json_hash TEXT NOT NULL,
                        report_html_hash TEXT NOT NULL,
                        report_sarif_hash TEXT NOT NULL,
                        evidence_html_hash TEXT NOT NULL,
                        score_index REAL,
                        predicate TEXT,
                        failing_findings INTEGER NOT NULL
                    );
                    CREATE INDEX submission_by_opd ON submission(period_id, opd_id, id);
                    CREATE TABLE current_submission (
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        submission_id INTEGER NOT NULL REFERENCES submission(id),
                        PRIMARY KEY (period_id, opd_id)
                    );
                    CREATE TRIGGER submission_immutable BEFORE UPDATE ON submission
                    BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
                    """)
        }
        migrator.registerMigration("3-api-tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE api_token (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        token_hash TEXT NOT NULL UNIQUE,
                        created_at INTEGER NOT NULL
                    );
                    """)
        }
        registerWorkflow(&migrator)
        registerResults(&migrator)
        registerInterviews(&migrator)
        return migrator
    }
}

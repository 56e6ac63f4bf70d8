import GRDB

/// The schema versions of the evaluation workflow (issue 23), appended after the portal's first three.
extension PortalMigrations {
    /// The workflow versions' names, oldest first.
    static var workflowVersions: [String] {
        [
            "v-workflow-1-stages", "v-workflow-2-first-login", "v-workflow-3-responsibilities", "v-workflow-4-evidence",
            "v-workflow-5-claims", "v-workflow-6-reviews",
        ]
    }

    /// Registers the workflow versions, in order, after the earlier ones.
    static func registerWorkflow(_ migrator: inout DatabaseMigrator) {
        // A period's stages with their dates (inclusive, `YYYY-MM-DD` in the pemda's time zone), and the admin's
        // reopenings of a closed submission stage for one OPD, each with its reason.
        migrator.registerMigration("v-workflow-1-stages") { db in
            let stages = Stage.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(
                sql: """
                    CREATE TABLE period_stage (
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        stage TEXT NOT NULL,
                        starts_on TEXT NOT NULL,
                        ends_on TEXT NOT NULL,
                        PRIMARY KEY (period_id, stage),
                        CHECK (stage IN (\(stages))),
                        CHECK (starts_on <= ends_on)
                    );
                    CREATE TABLE stage_reopening (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        until_on TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX stage_reopening_by_opd ON stage_reopening(period_id, opd_id);
                    CREATE TRIGGER stage_reopening_immutable BEFORE UPDATE ON stage_reopening
                    BEGIN SELECT RAISE(ABORT, 'reopenings are immutable'); END;
                    """)
        }
        // Accounts whose password someone else chose: they must set their own at their next sign-in.
        migrator.registerMigration("v-workflow-2-first-login") { db in
            try db.execute(
                sql: """
                    CREATE TABLE password_change_required (
                        account_id INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE
                    );
                    """)
        }
        // Who answers for each indicator in a period: one lead OPD, contributing OPDs, a named person in charge.
        migrator.registerMigration("v-workflow-3-responsibilities") { db in
            try db.execute(
                sql: """
                    CREATE TABLE responsibility (
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        indicator TEXT NOT NULL,
                        lead_opd_id INTEGER REFERENCES opd(id),
                        pj TEXT NOT NULL,
                        PRIMARY KEY (period_id, indicator)
                    );
                    CREATE TABLE responsibility_contributor (
                        period_id INTEGER NOT NULL,
                        indicator TEXT NOT NULL,
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        PRIMARY KEY (period_id, indicator, opd_id),
                        FOREIGN KEY (period_id, indicator) REFERENCES responsibility(period_id, indicator)
                            ON DELETE CASCADE
                    );
                    """)
        }
        // Evidence files (data dukung): each version an immutable row; the bytes are a blob named by their hash.
        migrator.registerMigration("v-workflow-4-evidence") { db in
            try db.execute(
                sql: """
                    CREATE TABLE evidence (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        indicator TEXT NOT NULL,
                        level INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        record TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL,
                        UNIQUE (period_id, opd_id, code, version),
                        CHECK (level BETWEEN 1 AND 5),
                        CHECK (version >= 1)
                    );
                    CREATE TRIGGER evidence_immutable BEFORE UPDATE ON evidence
                    BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
                    """)
        }
        // Self-assessment answers per indicator: the latest is current, the earlier ones are its history.
        migrator.registerMigration("v-workflow-5-claims") { db in
            try db.execute(
                sql: """
                    CREATE TABLE claim (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        indicator TEXT NOT NULL,
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        level INTEGER NOT NULL,
                        fact TEXT NOT NULL,
                        analysis TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL,
                        CHECK (level BETWEEN 1 AND 5)
                    );
                    CREATE INDEX claim_by_indicator ON claim(period_id, indicator, id);
                    CREATE TRIGGER claim_immutable BEFORE UPDATE ON claim
                    BEGIN SELECT RAISE(ABORT, 'claims are immutable'); END;
                    """)
        }
        // The Tim Asesor Internal's verdicts on evidence versions and claims: immutable, the latest per item counts.
        migrator.registerMigration("v-workflow-6-reviews") { db in
            let subjects = ReviewSubject.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let reasons = RevisionReason.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(
                sql: """
                    CREATE TABLE verdict (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        subject TEXT NOT NULL,
                        item TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        verdict TEXT NOT NULL,
                        reason TEXT,
                        note TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL,
                        CHECK (subject IN (\(subjects))),
                        CHECK ((verdict = 'accepted' AND reason IS NULL)
                            OR (verdict = 'revise' AND reason IS NOT NULL AND reason IN (\(reasons)))),
                        CHECK (reason IS NOT 'lainnya' OR length(trim(note)) > 0)
                    );
                    CREATE INDEX verdict_by_item ON verdict(period_id, opd_id, subject, item, id);
                    CREATE TRIGGER verdict_immutable BEFORE UPDATE ON verdict
                    BEGIN SELECT RAISE(ABORT, 'verdicts are immutable'); END;
                    CREATE TRIGGER verdict_kept BEFORE DELETE ON verdict
                    BEGIN SELECT RAISE(ABORT, 'verdicts are kept'); END;
                    """)
        }
    }
}

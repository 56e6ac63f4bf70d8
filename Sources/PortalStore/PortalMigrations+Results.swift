import GRDB

/// The schema versions of official results and follow-ups (issue 24), appended after the workflow's.
extension PortalMigrations {
    /// The results versions' names, oldest first.
    static var resultVersions: [String] { ["v-after-1-results", "v-after-2-followups"] }

    /// Registers the results versions, in order, after the earlier ones.
    static func registerResults(_ migrator: inout DatabaseMigrator) {
        // The external assessors' results per indicator, and their outcome per evidence item. An import replaces
        // them; the audit log keeps who stored what.
        migrator.registerMigration("v-after-1-results") { db in
            let outcomes = EvidenceOutcome.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(
                sql: """
                    CREATE TABLE official_result (
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        indicator TEXT NOT NULL,
                        opd_id INTEGER REFERENCES opd(id),
                        level INTEGER NOT NULL,
                        notes TEXT NOT NULL,
                        recommendation TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (period_id, indicator),
                        CHECK (level BETWEEN 1 AND 5)
                    );
                    CREATE TABLE official_evidence_result (
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        code TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        note TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (period_id, opd_id, code),
                        CHECK (outcome IN (\(outcomes)))
                    );
                    """)
        }
        // Follow-ups: one per recommendation and per returned item, never deleted; the source key keeps an import
        // run twice from adding the same follow-up twice.
        migrator.registerMigration("v-after-2-followups") { db in
            let sources = FollowUpSource.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let priorities = FollowUpPriority.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let statuses = FollowUpStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(
                sql: """
                    CREATE TABLE follow_up (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        source TEXT NOT NULL,
                        indicator TEXT NOT NULL,
                        item TEXT NOT NULL,
                        source_opd_id INTEGER NOT NULL,
                        opd_id INTEGER REFERENCES opd(id),
                        pj TEXT NOT NULL,
                        target_on TEXT NOT NULL,
                        priority TEXT NOT NULL,
                        status TEXT NOT NULL,
                        description TEXT NOT NULL,
                        note TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        UNIQUE (period_id, source, indicator, item, source_opd_id),
                        CHECK (source IN (\(sources))),
                        CHECK (priority IN (\(priorities))),
                        CHECK (status IN (\(statuses)))
                    );
                    CREATE INDEX follow_up_by_opd ON follow_up(opd_id, status);
                    CREATE INDEX follow_up_by_target ON follow_up(status, target_on);
                    CREATE TRIGGER follow_up_kept BEFORE DELETE ON follow_up
                    BEGIN SELECT RAISE(ABORT, 'follow-ups are kept'); END;
                    """)
        }
    }
}

import GRDB

/// The schema versions of interview preparation and notifications (issue 24), appended after the workflow's.
extension PortalMigrations {
    /// These versions' names, oldest first.
    static var interviewVersions: [String] { ["v-after-3-interviews", "v-after-4-notifications"] }

    /// Registers the interview and notification versions, in order, after the earlier ones.
    static func registerInterviews(_ migrator: inout DatabaseMigrator) {
        // Interviews per OPD and indicator, and the evidence promised in them, each with a due day.
        migrator.registerMigration("v-after-3-interviews") { db in
            try db.execute(
                sql: """
                    CREATE TABLE interview (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period_id INTEGER NOT NULL REFERENCES period(id),
                        opd_id INTEGER NOT NULL REFERENCES opd(id),
                        indicator TEXT NOT NULL,
                        starts_at TEXT NOT NULL,
                        place TEXT NOT NULL,
                        attendees TEXT NOT NULL,
                        notes TEXT NOT NULL DEFAULT '',
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX interview_by_period ON interview(period_id, starts_at);
                    CREATE TABLE commitment (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        interview_id INTEGER NOT NULL REFERENCES interview(id),
                        text TEXT NOT NULL,
                        due_on TEXT NOT NULL,
                        account_id INTEGER NOT NULL REFERENCES account(id),
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX commitment_by_interview ON commitment(interview_id);
                    """)
        }
        // Each account's notifications, its e-mail address, and the reminders already sent (by key).
        migrator.registerMigration("v-after-4-notifications") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notification (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        body TEXT NOT NULL,
                        link TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        read INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX notification_by_account ON notification(account_id, id);
                    CREATE TABLE notification_sent (
                        key TEXT PRIMARY KEY,
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE account_email (
                        account_id INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
                        email TEXT NOT NULL
                    );
                    """)
        }
    }
}

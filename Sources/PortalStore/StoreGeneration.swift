import Foundation
import GRDB

/// Counts the committed write transactions of a database that may change what the portal's pages show: every
/// transaction that inserts, updates or deletes a row of any table but those no shared page reads (`session`,
/// `audit`), whichever method of the store ran it, including methods added later. Pages rendered for many
/// readers are kept for one generation and rendered again once it moves.
///
/// GRDB calls the observer on the database's writer, one transaction at a time; readers take the generation on any
/// thread.
final class StoreGeneration: TransactionObserver, @unchecked Sendable {
    /// Tables whose rows no shared page shows: signing in and out, and the audit log every action writes.
    static let unshared: Set<String> = ["session", "audit"]

    private let lock = NSLock()
    private var committed: UInt64 = 0
    /// Whether the transaction under way changed a shared table (writer only).
    private var changed = false

    /// The number of committed transactions that changed a shared table since the store was opened.
    var value: UInt64 { lock.withLock { committed } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        !Self.unshared.contains(eventKind.tableName)
    }

    func databaseDidChange(with event: DatabaseEvent) {
        changed = true
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    /// Changes GRDB could not see row by row (`Database.notifyChanges`).
    func databaseDidChange() {
        changed = true
    }

    func databaseDidCommit(_ db: Database) {
        guard changed else { return }
        changed = false
        lock.withLock { committed &+= 1 }
    }

    func databaseDidRollback(_ db: Database) {
        changed = false
    }
}

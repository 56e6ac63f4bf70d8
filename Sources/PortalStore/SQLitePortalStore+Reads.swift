import GRDB

/// Perf: the reads every request makes (its account, session, period, OPD, current submission) are single SELECTs:
/// each is read without a transaction around it (one statement always reads one consistent snapshot of a WAL
/// database), from a statement prepared once per connection. Opening and closing a transaction and preparing the
/// statement again were most of a read's cost (perf, uploads under load).
extension SQLitePortalStore {
    /// The first row of the SELECT `sql`.
    func readRow(_ sql: String, _ arguments: StatementArguments) throws -> Row? {
        try pool.unsafeRead { try Row.fetchOne($0.cachedStatement(sql: sql), arguments: arguments) }
    }

    /// Every row of the SELECT `sql`.
    func readRows(_ sql: String, _ arguments: StatementArguments) throws -> [Row] {
        try pool.unsafeRead { try Row.fetchAll($0.cachedStatement(sql: sql), arguments: arguments) }
    }
}

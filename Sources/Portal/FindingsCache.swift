import Foundation
import PortalStore

/// The findings table of each submission, read once from its JSON report: submissions never change, so an entry
/// stays true; at most `limit` are kept (all forgotten when full).
final class FindingsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [Int64: FindingsTable] = [:]
    private let limit: Int

    init(limit: Int = 1_024) { self.limit = limit }

    /// The table of `submission`, read with `read` (its JSON report's bytes) when not yet kept.
    func table(_ submission: Submission, read: () -> Data?) -> FindingsTable? {
        if let table = lock.withLock({ tables[submission.id] }) { return table }
        guard let data = read(), let table = FindingsTable(jsonReport: data) else { return nil }
        lock.withLock {
            if tables.count >= limit { tables.removeAll() }
            tables[submission.id] = table
        }
        return table
    }
}

extension PortalServices {
    /// The findings table of `submission`.
    func findingsTable(_ submission: Submission) -> FindingsTable? {
        findings.table(submission) { blobs.data(submission.reportJSONHash) }
    }
}

import Foundation
import Reporting

/// The baselines of the JSON reports the portal has just stored, by the report's blob path: an upload is compared
/// with its OPD's previous submission, which this server most likely made, so the report is not decoded again.
/// Blobs are addressed by their content, so an entry stays true; at most `limit` are kept (all forgotten when
/// full), and a report not kept is read from its file.
final class BaselineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var baselines: [String: Baseline] = [:]
    private let limit: Int

    init(limit: Int = 128) { self.limit = limit }

    /// The baseline of the JSON report stored at `path`, when kept.
    func baseline(at path: String) -> Baseline? {
        lock.withLock { baselines[path] }
    }

    /// Keeps `baseline` (its `path` the stored report's).
    func keep(_ baseline: Baseline) {
        lock.withLock {
            if baselines.count >= limit { baselines.removeAll() }
            baselines[baseline.path] = baseline
        }
    }
}

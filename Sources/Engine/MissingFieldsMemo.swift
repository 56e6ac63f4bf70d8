import DataModel
import Foundation

/// The missing data of each not-evidenced result of one inventory, worked out once: finding it explains the
/// undecided expression again, and a report asks for it once per format that words the finding (the message and
/// the missing-data list of JSON, SARIF and HTML alike), so an upload rendered in several formats explained each
/// result several times. Shared by the results of one inventory, whose records it keys by identity (they live as
/// long as the inventory, which `FindingWording` holds).
final class MissingFieldsMemo: @unchecked Sendable {
    private struct Key: Hashable {
        let rule: Int
        let record: ObjectIdentifier
        let undecidedFilter: Bool
    }

    private let lock = NSLock()
    private var fields: [Key: [String]] = [:]

    /// The missing fields of `result`: kept ones, or those `find` gives (then kept).
    func fields(of result: SubjectResult, find: () -> [String]) -> [String] {
        let key = Key(
            rule: result.ruleIndex, record: ObjectIdentifier(result.record), undecidedFilter: result.undecidedFilter)
        if let kept = lock.withLock({ fields[key] }) { return kept }
        let found = find()
        lock.withLock { fields[key] = found }
        return found
    }
}

import Foundation

/// The run's account of cost units, shared by every worker's `Evaluator`; thread-safe.
///
/// Workers settle with the meter once per rule or indicator, so it is cheap to share; a run can overshoot its
/// budget by at most one rule budget per worker.
public final class CostMeter: @unchecked Sendable {
    /// The run budget, in units.
    public let limit: Int
    private var spentUnits = 0
    private let lock = NSLock()

    /// Creates a meter holding `limit` units.
    public init(limit: Int) { self.limit = limit }

    /// Units left (0 once the budget is spent).
    public var remaining: Int {
        lock.lock()
        defer { lock.unlock() }
        return max(0, limit - spentUnits)
    }

    /// Records `units` spent.
    public func charge(_ units: Int) {
        lock.lock()
        spentUnits = spentUnits > Int.max - units ? Int.max : spentUnits + units
        lock.unlock()
    }
}

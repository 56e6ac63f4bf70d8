import DataModel

/// The mutable state of evaluation: which inventory and subject are being checked, the evaluation date, the
/// verdicts of rules already run, and the slots of quantifier elements.
///
/// One context per worker, reused across inventories and subjects; it is not shared between threads.
public final class EvaluationContext {
    /// The inventory being checked; set once per OPD.
    public var inventory: InventoryData?
    /// The record the rule is about; set once per subject (nil at OPD scope).
    public var subject: Record?
    /// The evaluation date: `as_of`, and the end point of `days_since` and friends.
    public let asOf: Day
    /// Per rule index: `.bool(true)` when every subject passed, `.bool(false)` when some failed, `.null` when
    /// unknown. Filled by the engine in dependency order; read by `passes()`.
    public var ruleVerdicts: [Value]

    /// Cost units left before evaluation gives up (see `spend`); `Int.max` when unbounded.
    public private(set) var costRemaining = Int.max
    /// Cost units spent since the last `resetCost`.
    public private(set) var costSpent = 0
    /// Whether evaluation ran out of cost units since the last `resetCost`; every result since then is unreliable.
    public private(set) var costExceeded = false

    /// Quantifier elements that are values, by slot (the quantifier's nesting depth).
    var values: [Value] = []
    /// Quantifier elements that are records, by slot.
    var records: [Record?] = []

    /// Creates a context for evaluations on `asOf`, with `ruleCount` unknown rule verdicts.
    public init(asOf: Day, ruleCount: Int = 0) {
        self.asOf = asOf
        ruleVerdicts = [Value](repeating: .null, count: ruleCount)
    }

    /// Starts a new cost account of `limit` units (`Int.max`: unbounded).
    public func resetCost(limit: Int) {
        costRemaining = max(0, limit)
        costSpent = 0
        costExceeded = false
    }

    /// Spends `units` of the cost account; false once it is overdrawn, after which evaluation unwinds with `null`.
    ///
    /// Units are charged where work grows with the data: each element a quantifier visits, each record a
    /// projection reads, each list element `in` compares, each character `matches` searches, and one per
    /// evaluation of an expression. Everything else an expression does is bounded by its (bounded) size.
    @inline(__always)
    func spend(_ units: Int) -> Bool {
        guard !costExceeded else { return false }
        costSpent &+= units
        if units > costRemaining {
            costRemaining = 0
            costExceeded = true
            return false
        }
        costRemaining -= units
        return true
    }

    /// Makes sure `count` quantifier slots exist; a no-op once the context has served a deeper expression.
    @inline(__always)
    func reserveSlots(_ count: Int) {
        if values.count < count {
            values += [Value](repeating: .null, count: count - values.count)
            records += [Record?](repeating: nil, count: count - records.count)
        }
    }
}

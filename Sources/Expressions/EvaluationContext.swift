import DataModel

/// The mutable state of evaluation: which inventory and subject are being checked, the evaluation date, the
/// verdicts of rules already run, and the slots of quantifier elements.
///
/// One context per worker, reused across inventories and subjects; it is not shared between threads.
public final class EvaluationContext {
    /// The inventory being checked; set once per OPD. A subject bound by `forEachSubject` is unbound with it.
    public var inventory: InventoryData? {
        get { state.pointee.inventory }
        set {
            state.pointee.inventory = newValue
            state.pointee.subject = state.pointee.keptSubject.map(Unmanaged.passUnretained)
            // Emptied in place: the array of tables is the context's, reused from one inventory to the next.
            for lookup in state.pointee.lookupTables.indices where state.pointee.lookupTables[lookup] != nil {
                state.pointee.lookupTables[lookup] = nil
            }
        }
    }
    /// The record the rule is about; set once per subject (nil at OPD scope). The context keeps it alive.
    public var subject: Record? {
        get { state.pointee.subject?.takeUnretainedValue() }
        set {
            state.pointee.keptSubject = newValue
            state.pointee.subject = newValue.map(Unmanaged.passUnretained)
        }
    }

    /// Calls `body` with the index of each record of `records`, records of the current inventory, with that
    /// record bound as the subject; the subject is unbound when the inventory changes.
    ///
    /// Perf: the subjects are bound unretained: the inventory, which the context holds, keeps them alive. An
    /// atomic retain and release for every rule and record cost about as much as a filter does; and the loop is
    /// inlined into the evaluator's, as a call of `body` per subject cost 6 M instructions on 100 OPDs
    /// (spbe-bench: evaluate).
    @inlinable
    package func forEachSubject(of records: [Record], _ body: (Int) throws -> Void) rethrows {
        releaseKeptSubject()
        try records.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: Unmanaged<Record>.self) { subjects in
                for index in subjects.indices {
                    bindUnretained(subjects[index])
                    try body(index)
                }
            }
        }
    }

    /// Makes `record` the subject without retaining it (see `forEachSubject`); for no other use.
    @usableFromInline
    func bindUnretained(_ record: Unmanaged<Record>) {
        state.pointee.subject = record
    }

    /// Forgets a subject set through `subject`, which the context kept alive, before subjects are bound unretained.
    @usableFromInline
    func releaseKeptSubject() {
        if state.pointee.keptSubject != nil { state.pointee.keptSubject = nil }
    }

    /// The subject, unretained, for reading its fields.
    var subjectReference: Unmanaged<Record>? { state.pointee.subject }
    /// The evaluation date: `as_of`, and the end point of `days_since` and friends.
    public let asOf: Day
    /// `asOf`'s year, month and day, worked out once: `year(as_of)` and every `years_since` read them.
    let asOfComponents: (year: Int, month: Int, day: Int)
    /// Per rule index: `.bool(true)` when every subject passed, `.bool(false)` when some failed, `.null` when
    /// unknown. Filled by the engine in dependency order; read by `passes()`.
    public var ruleVerdicts: [Value]

    /// Cost units spent since the last `resetCost`.
    public var costSpent: Int { account.pointee.spent }
    /// Whether evaluation ran out of cost units since the last `resetCost`; every result since then is unreliable.
    public var costExceeded: Bool { account.pointee.exceeded }

    /// Quantifier elements that are values, by slot (the quantifier's nesting depth).
    let values: UnsafeMutablePointer<Value>
    /// Quantifier elements that are records, by slot. Unretained: the collection a quantifier loops over keeps
    /// its records alive while they are bound, so binding one costs no reference counting.
    let records: UnsafeMutablePointer<Unmanaged<Record>?>
    /// The cost account.
    private let account: UnsafeMutablePointer<CostAccount>
    /// The inventory, the subject and the lookup tables.
    private let state: UnsafeMutablePointer<CurrentState>
    /// The pack's lookups; their tables are in `state`.
    private let lookupPlan: LookupPlan

    /// Slots for every quantifier an expression can nest (its nesting is bounded by `ExpressionLimits.maxDepth`).
    /// The slots, the account and the current inventory and subject are stored behind pointers this context owns:
    /// the evaluator's innermost loops read and write them, and reading a class's stored `var` costs a run-time
    /// exclusivity check each time, a plain pointer access none (one thread uses a context at a time).
    static let slotCapacity = ExpressionLimits.maxDepth + 1

    /// Creates a context for evaluations on `asOf`, with `ruleCount` unknown rule verdicts. A context that runs
    /// a pack's expressions takes the pack's `lookups`; without them, quantifiers test every record.
    public init(asOf: Day, ruleCount: Int = 0, lookups: LookupPlan = LookupPlan()) {
        self.asOf = asOf
        asOfComponents = asOf.components
        lookupPlan = lookups
        state = .allocate(capacity: 1)
        state.initialize(to: CurrentState(lookupTables: Array(repeating: nil, count: lookups.keys.count)))
        ruleVerdicts = [Value](repeating: .null, count: ruleCount)
        values = .allocate(capacity: Self.slotCapacity)
        values.initialize(repeating: .null, count: Self.slotCapacity)
        records = .allocate(capacity: Self.slotCapacity)
        records.initialize(repeating: nil, count: Self.slotCapacity)
        account = .allocate(capacity: 1)
        account.initialize(to: CostAccount())
    }

    deinit {
        values.deinitialize(count: Self.slotCapacity)
        values.deallocate()
        records.deinitialize(count: Self.slotCapacity)
        records.deallocate()
        account.deinitialize(count: 1)
        account.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The records of the current inventory in a planned lookup's bucket, in collection order; nil without an
    /// inventory, or when this context was not made with the plan the lookup belongs to.
    func records(_ planned: PlannedLookup) -> [Record]? {
        guard lookupPlan.owns(planned) else { return nil }
        // A table is only ever of the current inventory: changing the inventory empties them all.
        if let table = state.pointee.lookupTables[planned.lookup] { return table[planned.bucket] }
        guard let inventory else { return nil }
        let table = lookupPlan.table(planned.lookup, of: inventory)
        state.pointee.lookupTables[planned.lookup] = table
        return table[planned.bucket]
    }

    /// Starts a new cost account of `limit` units (`Int.max`: unbounded).
    public func resetCost(limit: Int) {
        account.pointee = CostAccount(remaining: max(0, limit))
    }

    /// Spends `units` of the cost account; false once it is overdrawn, after which evaluation unwinds with `null`.
    ///
    /// Units are charged where work grows with the data: each element a quantifier visits, each record a
    /// projection reads, each list element `in` compares, each character `matches` searches, and one per
    /// evaluation of an expression. Everything else an expression does is bounded by its (bounded) size.
    @inline(__always)
    func spend(_ units: Int) -> Bool {
        guard !account.pointee.exceeded else { return false }
        account.pointee.spent &+= units
        if units > account.pointee.remaining {
            account.pointee.remaining = 0
            account.pointee.exceeded = true
            return false
        }
        account.pointee.remaining -= units
        return true
    }
}

/// Cost units left and spent since the account was opened, and whether it ran out.
private struct CostAccount {
    var remaining = Int.max
    var spent = 0
    var exceeded = false
}

/// What a context is evaluating: the inventory, the subject, and the inventory's lookup tables (built on first
/// use, by lookup).
private struct CurrentState {
    var inventory: InventoryData?
    /// The subject, as field reads find it.
    var subject: Unmanaged<Record>?
    /// The subject when it was set through `EvaluationContext.subject`, which keeps it alive.
    var keptSubject: Record?
    var lookupTables: [[[Record]]?]
}

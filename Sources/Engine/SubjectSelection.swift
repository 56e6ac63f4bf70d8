import DataModel
import Expressions

/// Which subjects of a rule its filter holds for, found one of three ways behind one seam: the plain way runs
/// the filter on every subject; the scoped way knows, from the pack's lookup tables, that the filter is false
/// outside some buckets, and runs it only inside them; the shared way reads the results an earlier rule with
/// the same filter recorded. Whichever way, `holds` answers as the filter would (RuleFilterTests and
/// LookupTests hold this against the plain way).
struct SubjectSelection {
    /// The filter's results recorded by an earlier rule of the same group; nil when the filter runs.
    private let known: [Bool?]?
    /// Per subject, whether the filter can be other than false for it; nil when every subject is a candidate.
    private let inScope: [Bool]?
    /// The results, recorded for the next rules of the group while the filter runs; nil when not recorded.
    private(set) var recorded: [Bool?]?

    /// The selection of `records`, a rule's subjects: from `known`, the results of an earlier rule of its group
    /// of alike filters, else by running its filter, only inside `scope` when it has one. `recording` keeps the
    /// results for the later rules of its group.
    ///
    /// Perf: each way spares running filters (spbe-bench: evaluate): a scope makes the subjects outside it false
    /// for the cost of one pass over the buckets; a group runs its filter once for all its rules.
    init(of records: [Record], known: [Bool?]?, scope: FilterScope?, recording: Bool, context: EvaluationContext) {
        self.known = known
        inScope = known == nil ? scope?.candidates(in: context).map { Self.marks(of: records, in: $0) } : nil
        if recording, known == nil {
            recorded = []
            recorded?.reserveCapacity(records.count)
        }
    }

    /// Whether the filter holds for the subject at `index` (nil when unknown); `filter` runs it on the bound
    /// subject when the selection does not know.
    mutating func holds(_ index: Int, filter: () -> Bool?) -> Bool? {
        if let known { return known[index] }
        let held = inScope?[index] == false ? false : filter()
        recorded?.append(held)
        return held
    }

    /// Per record of `records`, whether it is in one of the lists of `candidates`, which hold records of `records`
    /// in the same order.
    ///
    /// Perf: records are told apart by identity, their references read unretained: retaining and releasing each
    /// would cost more than the filters this spares (spbe-bench: evaluate).
    private static func marks(of records: [Record], in candidates: [[Record]]) -> [Bool] {
        // Perf: specialized allocation, once per scoped rule and inventory (spbe-bench: evaluate).
        var marks = [Bool](filledWith: false, count: records.count)
        records.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<Record>.self) { all in
                for list in candidates {
                    list.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: Unmanaged<Record>.self) { list in
                            var position = 0
                            for candidate in list {
                                while position < all.count, all[position].toOpaque() != candidate.toOpaque() {
                                    position += 1
                                }
                                guard position < all.count else { return }
                                marks[position] = true
                                position += 1
                            }
                        }
                    }
                }
            }
        }
        return marks
    }
}

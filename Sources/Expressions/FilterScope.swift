import DataModel

/// The subjects a rule's filter can hold, or be unknown, for: the records in some buckets of the pack's lookup
/// tables (see `LookupPlanner.subjectScope`). Every other subject of the rule's collection makes the filter
/// false, so it is out of the rule's scope without the filter being run for it.
public struct FilterScope: Sendable {
    let lookups: [PlannedLookup]

    /// The buckets' records, each in collection order, from the context's tables for its inventory; nil without an
    /// inventory, or when the context was not made with the plan the lookups belong to.
    public func candidates(in context: EvaluationContext) -> [[Record]]? {
        var buckets: [[Record]] = []
        buckets.reserveCapacity(lookups.count)
        for lookup in lookups {
            guard let records = context.records(lookup) else { return nil }
            buckets.append(records)
        }
        return buckets
    }
}

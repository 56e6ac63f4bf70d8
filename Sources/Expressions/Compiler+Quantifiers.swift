import DataModel

extension ClosureBuilder {
    /// A quantifier loops over its source, binding each element in the context slot the checker assigned.
    func buildQuantifier(_ node: SyntaxNode, _ quantifier: Quantifier) -> Evaluable {
        guard case .quantifier(let slot)? = checked.resolution(of: node) else { return .constant(.null) }
        let kind = quantifier.kind
        let judge = Self.judge(
            filter: quantifier.filter.map { build($0).function },
            predicate: quantifier.predicate.map { build($0).function }
        )
        switch build(quantifier.source) {
        case .records(let source):
            return .value { context in
                guard let records = source(context) else { return .null }
                var tally = Tally(kind: kind)
                defer { context.records[slot] = nil }
                for record in records {
                    guard context.spend(1) else { return .null }
                    context.records[slot] = record
                    if let verdict = judge(context), let decided = tally.add(verdict) { return decided }
                }
                return tally.result
            }
        case let source:
            let values = source.function
            return .value { context in
                guard case .list(let elements) = values(context) else { return .null }
                var tally = Tally(kind: kind)
                for element in elements {
                    guard context.spend(1) else { return .null }
                    context.values[slot] = element
                    if let verdict = judge(context), let decided = tally.add(verdict) { return decided }
                }
                return tally.result
            }
        }
    }

    /// The verdict on the bound element: nil to skip it (its filter is not true), else its predicate's value
    /// (`true` when there is no predicate).
    private static func judge(
        filter: ValueFunction?, predicate: ValueFunction?
    ) -> @Sendable (EvaluationContext) -> Value? {
        switch (filter, predicate) {
        case let (filter?, predicate?):
            { context in filter(context) == .bool(true) ? predicate(context) : nil }
        case let (filter?, nil):
            { context in filter(context) == .bool(true) ? .bool(true) : nil }
        case let (nil, predicate?):
            { context in predicate(context) }
        case (nil, nil):
            { _ in .bool(true) }
        }
    }
}

/// Accumulates the verdicts of a quantifier's elements, deciding early when it can.
struct Tally {
    let kind: QuantifierKind
    var unknown = false
    var count = 0

    /// Adds one element's verdict; returns the quantifier's result when it is already decided.
    mutating func add(_ verdict: Value) -> Value? {
        switch (kind, verdict) {
        case (.all, .bool(false)): return .bool(false)
        case (.any, .bool(true)): return .bool(true)
        case (.none, .bool(true)): return .bool(false)
        case (.count, .bool(true)): count += 1
        case (_, .bool): break
        default: unknown = true
        }
        return nil
    }

    /// The result after every element: `all` and `none` true, `any` false, unless an unknown verdict makes
    /// it null; `count` counts the true verdicts.
    var result: Value {
        switch kind {
        case .count: .int(count)
        case .all, .none: unknown ? .null : .bool(true)
        case .any: unknown ? .null : .bool(false)
        }
    }
}

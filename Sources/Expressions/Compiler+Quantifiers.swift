import DataModel

extension ClosureBuilder {
    /// A quantifier loops over its source, binding each element in the context slot the checker assigned.
    func buildQuantifier(_ node: SyntaxNode, _ quantifier: Quantifier) -> Evaluable {
        guard case .quantifier(let slot)? = checked.resolution(of: node) else { return .constant(.null) }
        let kind = quantifier.kind
        let judge = Self.judge(
            filter: quantifier.filter.map { build($0).truth },
            predicate: quantifier.predicate.map { build($0).truth }
        )
        let loop: ValueFunction
        switch build(quantifier.source) {
        case .records(let collection):
            // With a lookup, only the records whose text field matches the filter's first conjunct are visited;
            // the filter still decides, so the others, skipped here, would have been skipped anyway.
            let source: RecordsFunction = if let planned = lookups[node.id] {
                { context in context.records(planned) ?? collection(context) }
            } else {
                collection
            }
            loop = { context in
                guard let records = source(context) else { return .null }
                var tally = Tally(kind: kind)
                defer { context.records[slot] = nil }
                // The records are read as unretained references (the array keeps them alive while they are bound):
                // looping over the array itself would retain and release each, two atomic operations per record.
                return records.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: Unmanaged<Record>.self) { references in
                        for record in references {
                            guard context.spend(1) else { return .null }
                            context.records[slot] = record
                            if let verdict = judge(context), let decided = tally.add(verdict) { return decided }
                        }
                        return tally.result
                    }
                }
            }
        case let source:
            let values = source.function
            loop = { context in
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
        return kind == .count ? .value(loop) : .truth { loop($0).truth }
    }

    /// The verdict on the bound element: nil to skip it (its filter is not true), else its predicate's truth
    /// (`true` when there is no predicate).
    private static func judge(
        filter: TruthFunction?, predicate: TruthFunction?
    ) -> @Sendable (EvaluationContext) -> Bool?? {
        switch (filter, predicate) {
        case let (filter?, predicate?):
            { context in filter(context) == true ? .some(predicate(context)) : nil }
        case let (filter?, nil):
            { context in filter(context) == true ? .some(true) : nil }
        case let (nil, predicate?):
            { context in .some(predicate(context)) }
        case (nil, nil):
            { _ in .some(true) }
        }
    }
}

/// Accumulates the verdicts of a quantifier's elements, deciding early when it can.
struct Tally {
    let kind: QuantifierKind
    var unknown = false
    var count = 0

    /// Adds one element's verdict; returns the quantifier's result when it is already decided.
    mutating func add(_ verdict: Bool?) -> Value? {
        switch (kind, verdict) {
        case (.all, false?): return .bool(false)
        case (.any, true?): return .bool(true)
        case (.none, true?): return .bool(false)
        case (.count, true?): count += 1
        case (_, _?): break
        case (_, nil): unknown = true
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

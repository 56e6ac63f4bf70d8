import DataModel

extension ClosureBuilder {
    /// A quantifier loops over its source, binding each element in the context slot the checker assigned.
    func buildQuantifier(_ node: SyntaxNode, _ quantifier: Quantifier) -> Evaluable {
        guard case .quantifier(let slot)? = checked.resolution(of: node) else { return .constant(.null) }
        let kind = quantifier.kind
        let predicate = quantifier.predicate.map { build($0).truth }
        let judge = Self.judge(filter: quantifier.filter.map { build($0).truth }, predicate: predicate)
        let loop: ValueFunction
        switch build(quantifier.source) {
        case .records(let collection):
            guard let planned = lookups[node.id], let filter = quantifier.filter else {
                loop = { context in
                    collection(context).map { Self.visit($0, slot: slot, kind: kind, judge: judge, context) } ?? .null
                }
                break
            }
            // With a lookup, only the records whose field matches the filter's first conjunct are visited, and for
            // them that conjunct is true: the rest of the filter decides (`true and rest` is `rest`). Without the
            // plan's tables (a context made without it), every record is tested against the whole filter.
            let judgeFound = Self.judge(
                filter: conjunction(Array(conjuncts(of: filter).dropFirst())), predicate: predicate)
            loop = { context in
                if let records = context.records(planned) {
                    return Self.visit(records, slot: slot, kind: kind, judge: judgeFound, context)
                }
                return collection(context).map { Self.visit($0, slot: slot, kind: kind, judge: judge, context) }
                    ?? .null
            }
        case let source:
            let values = source.function
            loop = { context in
                guard case .list(let elements) = values(context) else { return .null }
                return Self.visit(elements, slot: slot, kind: kind, judge: judge, context)
            }
        }
        return kind == .count ? .value(loop) : .truth { loop($0).truth }
    }

    /// Binds each of `elements` in the value `slot` in turn and tallies `judge`'s verdicts, deciding early when it
    /// can. The elements are bound as records are, without a retain and a release each: their bits are copied
    /// into the slot, the array keeping them alive while they are bound, and the slot is emptied by overwriting
    /// them, not released, before the array can go.
    private static func visit(
        _ elements: [Value], slot: Int, kind: QuantifierKind, judge: @Sendable (EvaluationContext) -> Bool??,
        _ context: EvaluationContext
    ) -> Value {
        var tally = Tally(kind: kind)
        let bound = context.values + slot
        bound.pointee = .null
        defer { bound.initialize(to: .null) }
        return elements.withUnsafeBufferPointer { buffer in
            for element in buffer.indices {
                guard context.spend(1) else { return .null }
                UnsafeMutableRawPointer(bound).copyMemory(
                    from: buffer.baseAddress! + element, byteCount: MemoryLayout<Value>.size)
                if let verdict = judge(context), let decided = tally.add(verdict) { return decided }
            }
            return tally.result
        }
    }

    /// Binds each of `records` in `slot` in turn and tallies `judge`'s verdicts, deciding early when it can.
    private static func visit(
        _ records: [Record], slot: Int, kind: QuantifierKind, judge: @Sendable (EvaluationContext) -> Bool??,
        _ context: EvaluationContext
    ) -> Value {
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

    /// The conjuncts of `filter` along its left spine, in evaluation order: `a and b and c` (read `(a and b) and c`)
    /// gives `a`, `b`, `c`; `a and (b and c)` gives `a` and `b and c`.
    private func conjuncts(of filter: SyntaxNode) -> [SyntaxNode] {
        guard case .binary(.and, let left, let right, _) = filter.kind else { return [filter] }
        return conjuncts(of: left) + [right]
    }

    /// `conjuncts` joined with Kleene `and`, left to right as the parser nests them; nil (no filter) for none.
    private func conjunction(_ conjuncts: [SyntaxNode]) -> TruthFunction? {
        guard var joined = conjuncts.first.map(build) else { return nil }
        for conjunct in conjuncts.dropFirst() { joined = Self.and(joined, build(conjunct)) }
        return joined.truth
    }

    /// The verdict on the bound element: nil to skip it (its filter is not true), else its predicate's truth
    /// (`true` when there is no predicate).
    private static func judge(
        filter: TruthFunction?, predicate: TruthFunction?
    ) -> @Sendable (EvaluationContext) -> Bool?? {
        switch (filter, predicate) {
        case (let filter?, let predicate?):
            { context in filter(context) == true ? .some(predicate(context)) : nil }
        case (let filter?, nil):
            { context in filter(context) == true ? .some(true) : nil }
        case (nil, let predicate?):
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

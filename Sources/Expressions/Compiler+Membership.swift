import DataModel

extension ClosureBuilder {
    /// `in` (`wanted` true) or `not in`: Kleene membership, charging one unit per element of the list. In a
    /// constant list of scalars, the usual shape of a filter, the elements are taken apart now, and a field is
    /// compared where its record stores it. A list in a field (`"implementasi" in dev_cycle_docs`) is searched
    /// where its record stores it, for an element that is a constant (taken apart now), a field (also read in
    /// place) or anything else.
    static func membership(_ element: Evaluable, in list: Evaluable, wanted: Bool) -> Evaluable {
        if case .constant(.list(let elements)) = list {
            let comparands = elements.compactMap(Comparand.init)
            if comparands.count == elements.count {
                return membership(element, inConstants: comparands, wanted: wanted)
            }
        }
        if let constant = element.constant, let comparand = Comparand(constant) {
            return membership(ConstantSearch(comparand: comparand), in: list, wanted: wanted)
        }
        if case .field(let access) = element {
            return membership(FieldSearch(access: access), in: list, wanted: wanted)
        }
        if case .variable(let slot) = element {
            return membership(VariableSearch(slot: slot), in: list, wanted: wanted)
        }
        return membership(ComputedSearch(read: element.function), in: list, wanted: wanted)
    }

    /// Membership in a constant list of scalars, taken apart beforehand: the element compared with each.
    private static func membership(
        _ element: Evaluable, inConstants comparands: [Comparand], wanted: Bool
    ) -> Evaluable {
        if case .field(let access) = element {
            return .fieldTests(FieldTests(tests: [FieldTests.Test(access, .among(comparands), wanted: wanted)]))
        }
        let read = element.function
        return .truth { context in
            guard context.spend(comparands.count) else { return nil }
            return Runtime.membership(read(context), in: comparands).map { $0 == wanted }
        }
    }

    /// A search of `list`, specialized for each kind of element so that the search is compiled into the closure
    /// that reads the list, not called as a closure of its own: a list handed to a call is copied out of its
    /// record first (a retain and a release), and for a constant element no longer is. A list field is searched
    /// where its record stores it, or its `fallback` is (the search reads the context, so is not worked out
    /// beforehand); both calls of the search are written out, since a closure applied twice is called, not inlined.
    private static func membership<Search: ListSearch>(
        _ search: Search, in list: Evaluable, wanted: Bool
    ) -> Evaluable {
        if case .field(let access) = list {
            return .truth { context in
                let found = access.withValue(context, else: Bool??.none) { search.search($0, context) }
                return (found ?? search.search(access.fallback, context)).map { $0 == wanted }
            }
        }
        let values = list.function
        return .truth { context in search.search(values(context), context).map { $0 == wanted } }
    }
}

/// How `in` looks for its element in the elements of a list, by the kind of the element.
private protocol ListSearch: Sendable {
    /// Kleene membership of the element in `elements` (`Runtime.membership`), the element evaluated now.
    func search(_ elements: [Value], _ context: EvaluationContext) -> Bool?
}

extension ListSearch {
    /// The search of `list`, in this order: nil when it is not a list; one unit charged per element (nil when
    /// the account runs out); then the element evaluated and looked for.
    @inline(__always)
    func search(_ list: Value, _ context: EvaluationContext) -> Bool? {
        guard case .list(let elements) = list, context.spend(elements.count) else { return nil }
        return search(elements, context)
    }
}

/// A constant scalar element. Known not to be a list, it is compared by a search that makes no call which could
/// release the list, so the list is searched where its record stores it, not copied out.
private struct ConstantSearch: ListSearch {
    let comparand: Comparand

    @inline(__always)
    func search(_ elements: [Value], _ context: EvaluationContext) -> Bool? {
        Runtime.membership(scalar: comparand.scalar, in: elements)
    }
}

/// A field element, read through its `FieldAccess` (or its fallback), not through a closure.
private struct FieldSearch: ListSearch {
    let access: FieldAccess

    @inline(__always)
    func search(_ elements: [Value], _ context: EvaluationContext) -> Bool? {
        access.withValue(context, else: Bool??.none) { Runtime.membership($0, in: elements) }
            ?? Runtime.membership(access.fallback, in: elements)
    }
}

/// A quantifier's value element, read where its slot holds it.
private struct VariableSearch: ListSearch {
    let slot: Int

    @inline(__always)
    func search(_ elements: [Value], _ context: EvaluationContext) -> Bool? {
        Runtime.membership(context.values[slot], in: elements)
    }
}

/// Any other element, evaluated.
private struct ComputedSearch: ListSearch {
    let read: ValueFunction

    @inline(__always)
    func search(_ elements: [Value], _ context: EvaluationContext) -> Bool? {
        Runtime.membership(read(context), in: elements)
    }
}

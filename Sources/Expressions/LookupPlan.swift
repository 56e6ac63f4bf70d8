import DataModel

/// Record lookups by a field's value, planned while a pack's expressions are compiled.
///
/// A quantifier over a collection whose filter starts with `field == constant` or `field in [constants]` on its
/// own element (a text, or an integer of an integer field), as in `any(documents where kind == "renja", …)` or
/// `any(services where indicator in [45, 46, 47])`, visits only the records whose field holds one of those values.
/// They come from a table the evaluation context builds once per inventory (`EvaluationContext.records(_:)`), so
/// the values are matched once per record, not once per record and quantifier.
public struct LookupPlan: Sendable {
    /// A collection and a field of its records.
    struct Key: Hashable, Sendable {
        let collection: Int
        let field: Int
    }

    /// Tells this plan's lookups from another's, so a context never reads a table of a different pack.
    private final class Identity: Sendable {}
    private let identity = Identity()
    /// The looked-up fields, by lookup number.
    private(set) var keys: [Key] = []
    /// Per lookup, the bucket number of each list of values looked up (one value for `==`).
    private(set) var buckets: [[[Value]: Int]] = []
    /// Per lookup, the buckets each value belongs to.
    private var bucketsOfValue: [[Value: [Int]]] = []
    /// Per lookup, `bucketsOfValue` in the form records are sorted with.
    private var indexes: [BucketIndex] = []
    private var lookupNumbers: [Key: Int] = [:]

    /// An empty plan.
    public init() {}

    /// The lookup and bucket of the records of `collection` whose `field` holds one of `values`, added to the plan
    /// if new. The values must be texts, or integers of an integer field: their equality is then `Value`'s.
    mutating func register(collection: Int, field: Int, values: [Value]) -> PlannedLookup {
        let key = Key(collection: collection, field: field)
        let lookup =
            lookupNumbers[key]
            ?? {
                keys.append(key)
                buckets.append([:])
                bucketsOfValue.append([:])
                indexes.append(BucketIndex([:]))
                lookupNumbers[key] = keys.count - 1
                return keys.count - 1
            }()
        let bucket =
            buckets[lookup][values]
            ?? {
                let bucket = buckets[lookup].count
                buckets[lookup][values] = bucket
                for value in Set(values) { bucketsOfValue[lookup][value, default: []].append(bucket) }
                indexes[lookup] = BucketIndex(bucketsOfValue[lookup])
                return bucket
            }()
        return PlannedLookup(plan: ObjectIdentifier(identity), lookup: lookup, bucket: bucket)
    }

    /// Whether `planned` was registered in this plan.
    func owns(_ planned: PlannedLookup) -> Bool {
        planned.plan == ObjectIdentifier(identity) && planned.lookup < buckets.count
            && planned.bucket < buckets[planned.lookup].count
    }

    /// The records of `inventory` sorted into the buckets of `lookup`, each in collection order.
    func table(_ lookup: Int, of inventory: InventoryData) -> [[Record]] {
        let key = keys[lookup]
        // Perf: specialized allocation, once per lookup and inventory (spbe-bench: evaluate).
        var table = [[Record]](filledWith: [], count: buckets[lookup].count)
        guard key.collection < inventory.collections.count else { return table }
        let index = indexes[lookup]
        for record in inventory.collections[key.collection] {
            for bucket in index.buckets(of: record.value(at: key.field)) { table[bucket].append(record) }
        }
        return table
    }
}

/// Where a quantifier finds its candidate records in the context's lookup tables.
struct PlannedLookup: Hashable, Sendable {
    let plan: ObjectIdentifier
    let lookup: Int
    let bucket: Int
}

/// Finds the quantifiers of a checked expression that can use a lookup, and registers them in a plan.
struct LookupPlanner {
    let checked: CheckedExpression

    /// Every eligible quantifier of the expression, by node id, registered in `plan`.
    func plan(into plan: inout LookupPlan) -> [NodeID: PlannedLookup] {
        var found: [NodeID: PlannedLookup] = [:]
        visit(checked.tree.root, plan: &plan, found: &found)
        return found
    }

    private func visit(_ node: SyntaxNode, plan: inout LookupPlan, found: inout [NodeID: PlannedLookup]) {
        switch node.kind {
        case .integer, .decimal, .string, .boolean, .null, .identifier:
            break
        case .member(let base, _):
            visit(base, plan: &plan, found: &found)
        case .unary(_, let operand):
            visit(operand, plan: &plan, found: &found)
        case .binary(_, let left, let right, _):
            visit(left, plan: &plan, found: &found)
            visit(right, plan: &plan, found: &found)
        case .list(let elements), .call(_, let elements):
            for element in elements { visit(element, plan: &plan, found: &found) }
        case .quantifier(let quantifier):
            if let lookup = lookup(node, quantifier, plan: &plan) { found[node.id] = lookup }
            for part in [quantifier.source, quantifier.filter, quantifier.predicate].compactMap({ $0 }) {
                visit(part, plan: &plan, found: &found)
            }
        }
    }

    /// The subjects a rule filter (the expression) can be other than false for, as lookups whose buckets together
    /// hold them, registered in `plan`; nil when the filter does not say. Its first conjunct must be
    /// `coalesce(a or b or …, false)` where each of `a`, `b`, … compares a field of the subject with constants
    /// (`coalesce(area == "keuangan" or indicator in [34, 35], false)`): a subject none of whose fields holds its
    /// constants makes each comparison false or (for a null field) unknown, so the conjunct, and the filter, false.
    /// A single comparison as the first conjunct gets no scope: it is already cheaper to run than to look up.
    func subjectScope(into plan: inout LookupPlan) -> [PlannedLookup]? {
        guard let subject = checked.environment.subject,
            let collection = checked.environment.schema.collectionSlot(of: subject.name)
        else { return nil }
        var first = checked.tree.root
        while case .binary(.and, let left, _, _) = first.kind { first = left }
        guard case .call(_, let arguments) = first.kind, case .builtin(.coalesce)? = checked.resolution(of: first),
            arguments.count == 2, case .boolean(false) = arguments[1].kind
        else { return nil }
        var disjuncts: [SyntaxNode] = []
        var pending = [arguments[0]]
        while let node = pending.popLast() {
            if case .binary(.or, let left, let right, _) = node.kind {
                pending += [right, left]
            } else {
                disjuncts.append(node)
            }
        }
        var lookups: [PlannedLookup] = []
        for disjunct in disjuncts {
            guard let (field, values) = comparison(disjunct, reading: .subject) else { return nil }
            lookups.append(plan.register(collection: collection, field: field, values: values))
        }
        return lookups
    }

    /// A lookup for `quantifier` when it runs over a whole collection and its filter's first conjunct compares a
    /// field of its own element with constants.
    private func lookup(_ node: SyntaxNode, _ quantifier: Quantifier, plan: inout LookupPlan) -> PlannedLookup? {
        guard case .quantifier(let slot)? = checked.resolution(of: node),
            case .collection(let collection)? = checked.resolution(of: quantifier.source),
            var first = quantifier.filter
        else { return nil }
        while case .binary(.and, let left, _, _) = first.kind { first = left }
        guard let (field, values) = comparison(first, reading: .element(slot)) else { return nil }
        return plan.register(collection: collection, field: field, values: values)
    }

    /// Whose field a comparison reads: the element in a quantifier slot, or the rule's subject.
    private enum Reader {
        case element(Int)
        case subject
    }

    /// `field == constant` (either way round) or `field in [constants]`, with the field of `reader`'s record.
    private func comparison(_ node: SyntaxNode, reading reader: Reader) -> (field: Int, values: [Value])? {
        switch node.kind {
        case .binary(.equal, let left, let right, _):
            return lookedUp(left, among: [right], reading: reader) ?? lookedUp(right, among: [left], reading: reader)
        case .binary(.in, let left, let right, _):
            guard case .list(let elements) = right.kind, !elements.isEmpty else { return nil }
            return lookedUp(left, among: elements, reading: reader)
        default:
            return nil
        }
    }

    /// The field of `node` and the values of `constants`, when the node reads a field of `reader`'s record and the
    /// constants are all texts, or all integers and the field holds integers: kinds whose `Value` equality is the
    /// language's, so a table keyed by them finds exactly the records the comparison accepts.
    private func lookedUp(_ node: SyntaxNode, among constants: [SyntaxNode], reading reader: Reader) -> (
        field: Int, values: [Value]
    )? {
        guard let field = ownField(node, reading: reader) else { return nil }
        let texts = constants.compactMap { constant -> Value? in
            if case .string(let text) = constant.kind { return .string(text) }
            return nil
        }
        if texts.count == constants.count { return (field, texts) }
        guard checked.type(of: node.id) == .int else { return nil }
        let integers = constants.compactMap { constant -> Value? in
            if case .integer(let integer) = constant.kind { return .int(integer) }
            return nil
        }
        return integers.count == constants.count ? (field, integers) : nil
    }

    /// The field slot when `node` reads a field of `reader`'s record: `kind`, or `r.kind` with `as r`, of the element
    /// bound in a slot; `kind` of the subject.
    private func ownField(_ node: SyntaxNode, reading reader: Reader) -> Int? {
        switch (checked.resolution(of: node), reader) {
        case (.elementField(let elementSlot, let field)?, .element(let slot)) where elementSlot == slot:
            return field
        case (.field(let field)?, .element(let slot)):
            guard case .member(let base, _) = node.kind,
                case .variable(let variableSlot)? = checked.resolution(of: base),
                variableSlot == slot
            else { return nil }
            return field
        case (.subjectField(let field)?, .subject):
            return field
        default:
            return nil
        }
    }
}

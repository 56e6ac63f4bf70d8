import DataModel

/// Record lookups by a text field, planned while a pack's expressions are compiled.
///
/// A quantifier over a collection whose filter starts with `field == "text"` on its own element, as in
/// `any(documents where kind == "renja", …)`, visits only the records whose field holds that text. They come from
/// a table the evaluation context builds once per inventory (`EvaluationContext.records(lookup:bucket:)`), so
/// the texts are matched once per record, not once per record and quantifier.
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
    /// Per lookup, the bucket number of each text looked up.
    private(set) var buckets: [[String: Int]] = []
    private var lookupNumbers: [Key: Int] = [:]

    /// An empty plan.
    public init() {}

    /// The lookup and bucket of the records of `collection` whose `field` is `text`, added to the plan if new.
    mutating func register(collection: Int, field: Int, text: String) -> PlannedLookup {
        let key = Key(collection: collection, field: field)
        let lookup = lookupNumbers[key] ?? {
            keys.append(key)
            buckets.append([:])
            lookupNumbers[key] = keys.count - 1
            return keys.count - 1
        }()
        let bucket = buckets[lookup][text] ?? {
            buckets[lookup][text] = buckets[lookup].count
            return buckets[lookup].count - 1
        }()
        return PlannedLookup(plan: ObjectIdentifier(identity), lookup: lookup, bucket: bucket)
    }

    /// Whether `planned` was registered in this plan.
    func owns(_ planned: PlannedLookup) -> Bool {
        planned.plan == ObjectIdentifier(identity) && planned.lookup < keys.count && planned.bucket < buckets[planned.lookup].count
    }

    /// The records of `inventory` sorted into the buckets of `lookup`, in collection order.
    func table(_ lookup: Int, of inventory: InventoryData) -> [[Record]] {
        let key = keys[lookup]
        var table = [[Record]](repeating: [], count: buckets[lookup].count)
        guard key.collection < inventory.collections.count else { return table }
        let bucketOfText = buckets[lookup]
        for record in inventory.collections[key.collection] {
            if case .string(let text) = record.value(at: key.field), let bucket = bucketOfText[text] {
                table[bucket].append(record)
            }
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

    /// A lookup for `quantifier` when it runs over a whole collection and its filter's first conjunct compares a
    /// field of its own element with a text.
    private func lookup(_ node: SyntaxNode, _ quantifier: Quantifier, plan: inout LookupPlan) -> PlannedLookup? {
        guard case .quantifier(let slot)? = checked.resolution(of: node),
              case .collection(let collection)? = checked.resolution(of: quantifier.source),
              let filter = quantifier.filter, let (field, text) = equality(in: filter, slot: slot) else { return nil }
        return plan.register(collection: collection, field: field, text: text)
    }

    /// `field == "text"` (either way round) as the first conjunct of `filter`.
    private func equality(in filter: SyntaxNode, slot: Int) -> (field: Int, text: String)? {
        switch filter.kind {
        case .binary(.and, let left, _, _):
            return equality(in: left, slot: slot)
        case .binary(.equal, let left, let right, _):
            if case .string(let text) = right.kind, let field = ownField(left, slot: slot) { return (field, text) }
            if case .string(let text) = left.kind, let field = ownField(right, slot: slot) { return (field, text) }
            return nil
        default:
            return nil
        }
    }

    /// The field slot when `node` reads a field of the element bound in `slot` (`kind`, or `r.kind` with `as r`).
    private func ownField(_ node: SyntaxNode, slot: Int) -> Int? {
        switch checked.resolution(of: node) {
        case .elementField(let elementSlot, let field)? where elementSlot == slot:
            return field
        case .field(let field)?:
            guard case .member(let base, _) = node.kind, case .variable(let variableSlot)? = checked.resolution(of: base),
                  variableSlot == slot else { return nil }
            return field
        default:
            return nil
        }
    }
}

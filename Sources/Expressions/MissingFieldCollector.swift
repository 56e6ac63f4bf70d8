import DataModel
import Diagnostics

/// Finds the fields whose emptiness leaves an expression unknown: exactly the `missingFields` of its
/// `ExpressionExplainer` explanation, without the explanation.
///
/// Perf: explaining parses and checks the expression again, builds each node's closure from its subtree, prints
/// every sub-expression and labels every record a quantifier visits, for a list of a few fields. A collector is
/// prepared once per expression (parsed, checked, every node's closure built once), and then only evaluates the
/// unknown nodes, which are the only ones whose fields an explanation's `missingFields` reads.
public struct MissingFieldCollector: Sendable {
    private let root: CollectorNode

    /// Prepares `source`, or gives nil with diagnostics when it does not compile.
    public init?(
        _ source: String, map: SourceMap, environment: ExpressionEnvironment, diagnostics: inout DiagnosticBag
    ) {
        let errors = diagnostics.errors.count
        guard let tree = Parser.parse(source, map: map, diagnostics: &diagnostics) else { return nil }
        let checked = Checker.check(tree, environment: environment, expecting: nil, diagnostics: &diagnostics)
        guard diagnostics.errors.count == errors else { return nil }
        var preparer = CollectorPreparer(checked: checked, builder: ClosureBuilder(checked: checked, lookups: [:]))
        root = preparer.prepare(tree.root)
    }

    /// The empty fields that leave the expression unknown in `context` (its inventory, subject and rule verdicts
    /// set), each once, in the order an explanation meets them.
    public func missingFields(in context: EvaluationContext) -> [MissingField] {
        var found: [MissingField] = []
        root.collect(context, into: &found)
        return found
    }
}

/// One prepared node: its closure, how an unknown value of it is explained, and its explained children.
private final class CollectorNode: @unchecked Sendable {
    // @unchecked: every property is set once, by `CollectorPreparer`, before the node is shared; the closures are
    // the engine's own `@Sendable` ones.

    /// How the node is explained.
    enum Shape {
        /// A record or a collection of records: shown, never unknown.
        case records
        /// A quantifier: its source, then the first elements in scope.
        case quantifier(Quantified)
        /// Anything else: the node's own missing field when it is an empty field read, else its children.
        case plain(field: FieldRead?, children: [CollectorNode])
    }

    /// A quantifier's parts.
    struct Quantified {
        let slot: Int
        let source: CollectorNode
        /// The records of the source, with their type, when it is a collection.
        let records: (function: RecordsFunction, type: RecordSchema)?
        let filter: CollectorNode?
        let predicate: CollectorNode?
    }

    /// A field read, by what it reads from.
    enum FieldRead {
        case subject(type: RecordSchema, field: Int)
        case element(slot: Int, type: RecordSchema, field: Int)
        case member(base: RecordFunction, type: RecordSchema, field: Int)
    }

    let function: ValueFunction
    let shape: Shape

    init(function: @escaping ValueFunction, shape: Shape) {
        self.function = function
        self.shape = shape
    }

    func collect(_ context: EvaluationContext, into found: inout [MissingField]) {
        switch shape {
        case .records:
            return
        case .quantifier(let quantified):
            guard function(context).isNull else { return }
            collect(quantified, context, into: &found)
        case .plain(let field, let children):
            guard function(context).isNull else { return }
            if let field, let missing = Self.missing(field, context) {
                if !found.contains(missing) { found.append(missing) }
                return
            }
            for child in children { child.collect(context, into: &found) }
        }
    }

    /// The source, then each of the first `ExpressionExplainer.elementsShown` elements in scope (an unknown filter
    /// keeps an element in scope): those that are unknown are the ones an explanation lists first, in order.
    private func collect(_ quantified: Quantified, _ context: EvaluationContext, into found: inout [MissingField]) {
        quantified.source.collect(context, into: &found)
        var inScope = 0
        if let records = quantified.records?.function, let list = records(context) {
            defer { context.records[quantified.slot] = nil }
            for record in list where inScope < ExpressionExplainer.elementsShown {
                context.records[quantified.slot] = Unmanaged.passUnretained(record)
                if element(quantified, context, into: &found) { inScope += 1 }
            }
        } else if case .list(let items) = quantified.source.function(context) {
            let bound = context.values + quantified.slot
            defer { bound.pointee = .null }
            for item in items where inScope < ExpressionExplainer.elementsShown {
                bound.pointee = item
                if element(quantified, context, into: &found) { inScope += 1 }
            }
        }
    }

    /// Collects from the element bound in `context`; false when its filter leaves it out.
    private func element(_ quantified: Quantified, _ context: EvaluationContext, into found: inout [MissingField])
        -> Bool
    {
        if let filter = quantified.filter {
            let scope = filter.function(context)
            if scope == .bool(false) { return false }
            if scope.isNull {
                filter.collect(context, into: &found)
                return true
            }
        }
        quantified.predicate?.collect(context, into: &found)
        return true
    }

    private static func missing(_ read: FieldRead, _ context: EvaluationContext) -> MissingField? {
        switch read {
        case .subject(let type, let field):
            return context.subject.map { describe($0, type, field: field) }
        case .element(let slot, let type, let field):
            return context.records[slot].map { describe($0.takeUnretainedValue(), type, field: field) }
        case .member(let base, let type, let field):
            return base(context).map { describe($0, type, field: field) }
        }
    }

    private static func describe(_ record: Record, _ type: RecordSchema, field: Int) -> MissingField {
        let name = field < type.fields.count ? type.fields[field].name : "?"
        return MissingField(record: type.name, key: record.key, field: name, location: record.location)
    }
}

/// Builds the collector's nodes as `ExpressionExplainer` walks the syntax tree.
private struct CollectorPreparer {
    let checked: CheckedExpression
    let builder: ClosureBuilder
    /// The record type bound in each quantifier slot, inside the quantifier over a collection.
    var slotRecords: [Int: RecordSchema] = [:]

    mutating func prepare(_ node: SyntaxNode) -> CollectorNode {
        let built = builder.build(node)
        switch built {
        case .records, .record:
            return CollectorNode(function: built.function, shape: .records)
        default:
            break
        }
        if case .quantifier(let quantifier) = node.kind, case .quantifier(let slot)? = checked.resolution(of: node) {
            return CollectorNode(function: built.function, shape: .quantifier(prepare(quantifier, slot: slot)))
        }
        let children = isLeaf(node, built) ? [] : node.children.filter { !isLiteral($0) }.map { prepare($0) }
        return CollectorNode(function: built.function, shape: .plain(field: fieldRead(node), children: children))
    }

    private mutating func prepare(_ quantifier: Quantifier, slot: Int) -> CollectorNode.Quantified {
        let source = prepare(quantifier.source)
        var records: (function: RecordsFunction, type: RecordSchema)?
        if case .record(let name) = checked.type(of: quantifier.source.id).elementType,
            let type = checked.environment.schema.collections.first(where: { $0.name == name }),
            case .records(let function) = builder.build(quantifier.source)
        {
            records = (function: function, type: type)
        }
        slotRecords[slot] = records?.type
        defer { slotRecords[slot] = nil }
        return CollectorNode.Quantified(
            slot: slot, source: source, records: records, filter: quantifier.filter.map { prepare($0) },
            predicate: quantifier.predicate.map { prepare($0) })
    }

    private func isLiteral(_ node: SyntaxNode) -> Bool {
        switch node.kind {
        case .integer, .decimal, .string, .boolean, .null: true
        case .list: builder.build(node).constant != nil
        default: false
        }
    }

    private func isLeaf(_ node: SyntaxNode, _ built: Evaluable) -> Bool {
        if case .list = node.kind { return built.constant != nil }
        return node.children.isEmpty
    }

    /// The field `node` reads, when an explanation names it as missing once it is unknown.
    private func fieldRead(_ node: SyntaxNode) -> CollectorNode.FieldRead? {
        let schema = checked.environment.schema
        switch checked.resolution(of: node) {
        case .subjectField(let field)?:
            return checked.environment.subject.map { .subject(type: $0, field: field) }
        case .elementField(let slot, let field)?:
            return slotRecords[slot].map { .element(slot: slot, type: $0, field: field) }
        case .field(let field)?:
            guard case .member(let base, _) = node.kind, case .record(let name) = checked.type(of: base.id),
                let type = name == schema.header.name
                    ? schema.header : schema.collections.first(where: { $0.name == name }),
                case .record(let function) = builder.build(base)
            else { return nil }
            return .member(base: function, type: type, field: field)
        default:
            return nil
        }
    }
}

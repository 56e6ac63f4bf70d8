import DataModel
import Diagnostics

/// One sub-expression of an explained evaluation: what it is, the value it had, why it is unknown when it is, and
/// the sub-expressions (or, for a quantifier, the elements) that gave that value.
public struct Explanation: Sendable {
    /// The sub-expression, written as in the language (`hosting in ["pdn"]`), or an element of a quantifier.
    public let text: String
    /// Its value; `null` is *unknown*.
    public let value: Value
    /// For an unknown field read, which record and field made it unknown; for a quantifier, what it visited.
    public let note: String?
    /// Where the sub-expression is written.
    public let location: SourceLocation
    /// What decided the value.
    public let children: [Explanation]
    /// How a value that is not a `Value` shows: a record or a collection.
    var display: String? = nil
    /// For an unknown field read, the record and field it read.
    public internal(set) var missing: MissingField? = nil

    /// The value as an explanation shows it: `true`, `false`, `unknown`, or the value itself.
    public var shownValue: String {
        if let display { return display }
        return switch value {
        case .null: "unknown"
        case .bool(let truth): truth ? "true" : "false"
        case .string(let text): "\"\(text)\""
        case .list(let items): "[" + items.map { Explanation.show($0) }.joined(separator: ", ") + "]"
        default: value.description
        }
    }

    static func show(_ value: Value) -> String {
        Explanation(
            text: "", value: value, note: nil, location: SourceLocation(file: "", line: 1, column: 1), children: []
        ).shownValue
    }

    /// Every record and field that made this value unknown, in the order met (for "not evidenced" findings).
    public var unknownCauses: [String] {
        var causes: [String] = []
        func walk(_ node: Explanation) {
            if case .null = node.value, node.display == nil, let note = node.note, node.children.isEmpty,
                !causes.contains(note)
            {
                causes.append(note)
            }
            if case .null = node.value { node.children.forEach(walk) }
        }
        walk(self)
        return causes
    }
}

/// Evaluates an expression sub-expression by sub-expression, like `opa eval --explain`: each node's value, and for
/// a quantifier each element it visited (those that decided it first), with the record and field that made a value
/// unknown. It evaluates the same closures the engine does, one per node.
public enum ExpressionExplainer {
    /// How many elements of one quantifier an explanation lists.
    public static let elementsShown = 10

    /// The explanation of `source` in `context` (its inventory and subject set), or nil with diagnostics when it
    /// does not compile.
    public static func explain(
        _ source: String, map: SourceMap, environment: ExpressionEnvironment, context: EvaluationContext,
        diagnostics: inout DiagnosticBag
    ) -> Explanation? {
        let errors = diagnostics.errors.count
        guard let tree = Parser.parse(source, map: map, diagnostics: &diagnostics) else { return nil }
        let checked = Checker.check(tree, environment: environment, expecting: nil, diagnostics: &diagnostics)
        guard diagnostics.errors.count == errors else { return nil }
        var walker = ExplainWalker(checked: checked, builder: ClosureBuilder(checked: checked, lookups: [:]))
        return walker.explain(tree.root, context)
    }
}

/// Walks a checked tree, evaluating each node with its own closure.
private struct ExplainWalker {
    let checked: CheckedExpression
    let builder: ClosureBuilder
    /// The record type bound in each quantifier slot, while inside the quantifier.
    var slotRecords: [Int: RecordSchema] = [:]

    mutating func explain(_ node: SyntaxNode, _ context: EvaluationContext) -> Explanation {
        let built = builder.build(node)
        let value = built.function(context)
        let text = SourcePrinter.print(node)
        switch built {
        case .records(let records):
            let count = records(context)?.count ?? 0
            return Explanation(
                text: text, value: .null, note: nil, location: node.location, children: [],
                display: "\(count) record\(count == 1 ? "" : "s")")
        case .record(let record):
            return Explanation(
                text: text, value: .null, note: nil, location: node.location, children: [],
                display: record(context)?.key ?? "no record")
        default:
            break
        }
        if case .quantifier(let quantifier) = node.kind, case .quantifier(let slot)? = checked.resolution(of: node) {
            return explain(quantifier, node: node, slot: slot, value: value, context)
        }
        if case .null = value, let missing = unknownField(node, context) {
            var explanation = Explanation(
                text: text, value: value, note: missing.description, location: node.location, children: [])
            explanation.missing = missing
            return explanation
        }
        // Literals say their value themselves: a line of their own would repeat it.
        let children = isLeaf(node) ? [] : node.children.filter { !isLiteral($0) }.map { explain($0, context) }
        return Explanation(text: text, value: value, note: nil, location: node.location, children: children)
    }

    private func isLiteral(_ node: SyntaxNode) -> Bool {
        switch node.kind {
        case .integer, .decimal, .string, .boolean, .null: true
        case .list: builder.build(node).constant != nil
        default: false
        }
    }

    private func isLeaf(_ node: SyntaxNode) -> Bool {
        if case .list = node.kind { return builder.build(node).constant != nil }
        return node.children.isEmpty
    }

    /// `null: applications APP-02 (file:12) has no 'via_splp'` for a field read that found nothing.
    private func unknownField(_ node: SyntaxNode, _ context: EvaluationContext) -> MissingField? {
        let schema = checked.environment.schema
        switch checked.resolution(of: node) {
        case .subjectField(let field)?:
            guard let record = context.subject, let type = checked.environment.subject else { return nil }
            return describe(record, type, field: field)
        case .elementField(let slot, let field)?:
            guard let record = context.records[slot]?.takeUnretainedValue(), let type = slotRecords[slot] else {
                return nil
            }
            return describe(record, type, field: field)
        case .field(let field)?:
            guard case .member(let base, _) = node.kind, case .record(let name) = checked.type(of: base.id),
                let type = name == schema.header.name
                    ? schema.header : schema.collections.first(where: { $0.name == name }),
                case .record(let function) = builder.build(base), let record = function(context)
            else { return nil }
            return describe(record, type, field: field)
        default:
            return nil
        }
    }

    private func describe(_ record: Record, _ type: RecordSchema, field: Int) -> MissingField {
        let name = field < type.fields.count ? type.fields[field].name : "?"
        return MissingField(record: type.name, key: record.key, field: name, location: record.location)
    }

    private mutating func explain(
        _ quantifier: Quantifier, node: SyntaxNode, slot: Int, value: Value, _ context: EvaluationContext
    ) -> Explanation {
        let source = explain(quantifier.source, context)
        var elements: [Explanation] = []
        var visited = 0
        var matched = 0
        if case .record(let name) = checked.type(of: quantifier.source.id).elementType,
            let type = checked.environment.schema.collections.first(where: { $0.name == name }),
            case .records(let records) = builder.build(quantifier.source), let list = records(context)
        {
            slotRecords[slot] = type
            defer {
                context.records[slot] = nil
                slotRecords[slot] = nil
            }
            for record in list {
                visited += 1
                context.records[slot] = Unmanaged.passUnretained(record)
                if let element = element(
                    quantifier, label: "\(type.name) \(record.key) (\(record.location))", record.location, context)
                {
                    matched += 1
                    if elements.count < ExpressionExplainer.elementsShown { elements.append(element) }
                }
            }
        } else if case .list(let items) = source.value {
            let bound = context.values + slot
            defer { bound.pointee = .null }
            for item in items {
                visited += 1
                bound.pointee = item
                if let element = element(quantifier, label: Explanation.show(item), node.location, context) {
                    matched += 1
                    if elements.count < ExpressionExplainer.elementsShown { elements.append(element) }
                }
            }
        }
        // The elements that decide first: for all() and none() those that break it, for any() those that make it.
        let deciding: (Explanation) -> Bool = { element in
            let verdict = element.children.last?.value ?? element.value
            switch quantifier.kind {
            case .all: return verdict != .bool(true)
            case .none, .any: return verdict != .bool(false)
            case .count: return true
            }
        }
        let ordered = elements.filter(deciding) + elements.filter { !deciding($0) }
        let more = matched > elements.count ? ", \(matched - elements.count) more not shown" : ""
        let note = "\(visited) visited, \(matched) in scope\(more)"
        return Explanation(
            text: SourcePrinter.print(node), value: value, note: note, location: node.location,
            children: [source] + ordered
        )
    }

    /// One element of a quantifier: its filter's and predicate's explanations; nil when the filter excludes it.
    private mutating func element(
        _ quantifier: Quantifier, label: String, _ location: SourceLocation, _ context: EvaluationContext
    ) -> Explanation? {
        var parts: [Explanation] = []
        if let filter = quantifier.filter {
            let explained = explain(filter, context)
            if explained.value == .bool(false) { return nil }
            if explained.value == .null {
                // Left out as a false filter would be; shown, since the unknown field may be the one to fill in.
                return Explanation(
                    text: label, value: .null, note: "left out: its filter is unknown", location: location,
                    children: [explained]
                )
            }
            parts.append(explained)
        }
        if let predicate = quantifier.predicate { parts.append(explain(predicate, context)) }
        let value = parts.last?.value ?? .bool(true)
        return Explanation(text: label, value: value, note: nil, location: location, children: parts)
    }
}

/// Writes a syntax node back in the language's own notation, fully parenthesised only where needed.
enum SourcePrinter {
    static func print(_ node: SyntaxNode) -> String {
        switch node.kind {
        case .integer(let value): String(value)
        case .decimal(let value): Value.format(value)
        case .string(let value):
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        case .identifier(let name): name
        case .member(let base, let field): print(base) + "." + field.text
        case .unary(let op, let operand): (op == .not ? "not " : "-") + wrapped(operand, below: 3)
        case .binary(let op, let left, let right, _):
            wrapped(left, below: op.precedence) + " \(op.rawValue) " + wrapped(right, below: op.precedence + 1)
        case .list(let elements): "[" + elements.map(print).joined(separator: ", ") + "]"
        case .call(let name, let arguments): name.text + "(" + arguments.map(print).joined(separator: ", ") + ")"
        case .quantifier(let quantifier):
            quantifier.kind.rawValue + "(" + print(quantifier.source)
                + (quantifier.binding.map { " as \($0.text)" } ?? "")
                + (quantifier.filter.map { " where " + print($0) } ?? "")
                + (quantifier.predicate.map { ", " + print($0) } ?? "") + ")"
        }
    }

    /// `node`, in parentheses when it binds less tightly than `precedence`.
    private static func wrapped(_ node: SyntaxNode, below precedence: Int) -> String {
        switch node.kind {
        case .binary(let op, _, _, _) where op.precedence < precedence: "(" + print(node) + ")"
        case .unary(.not, _) where precedence > 3: "(" + print(node) + ")"
        default: print(node)
        }
    }
}

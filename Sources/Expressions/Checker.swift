import DataModel
import Diagnostics

/// Type-checks a syntax tree against an environment: resolves every name, infers every node's type, and
/// reports every problem found (it does not stop at the first).
public enum Checker {
    /// Checks `tree`; errors go to `diagnostics`. The result is meaningful for compilation only when no error
    /// was reported. `expected` is the type the whole expression must have (nil: any value).
    public static func check(
        _ tree: SyntaxTree, environment: ExpressionEnvironment, expecting expected: ValueType? = .bool,
        diagnostics: inout DiagnosticBag
    ) -> CheckedExpression {
        var checker = TypeChecker(environment: environment, nodeCount: tree.nodeCount)
        let type = checker.check(tree.root)
        if let expected, !type.fits(expected) {
            checker.diagnostics.report(.resultMismatch(expected: expected, found: type, at: tree.start))
        } else if expected == nil, type.isRecordLike {
            checker.diagnostics.report(.recordResult(found: type, at: tree.start))
        }
        diagnostics.report(contentsOf: checker.diagnostics.diagnostics)
        return CheckedExpression(
            tree: tree, environment: environment, referencedFields: checker.fields, referencedRules: checker.rules,
            slotCount: checker.slotCount, types: checker.types, resolutions: checker.resolutions
        )
    }
}

/// One quantifier's scope: its `as` name, the type of its elements and the context slot holding the element.
struct QuantifierScope {
    let binding: String?
    let element: ValueType
    let slot: Int
}

/// The state of one check: side tables being filled, and the stack of enclosing quantifiers.
struct TypeChecker {
    let environment: ExpressionEnvironment
    var diagnostics = DiagnosticBag()
    var types: [ValueType]
    var resolutions: [NodeID: Resolution] = [:]
    /// For enum-typed nodes that read a field: `applications.type`, to name the enum in messages.
    var enumOrigins: [NodeID: String] = [:]
    var scopes: [QuantifierScope] = []
    var slotCount = 0
    var fields: Set<FieldReference> = []
    var rules: Set<String> = []

    init(environment: ExpressionEnvironment, nodeCount: Int) {
        self.environment = environment
        types = [ValueType](repeating: .unknown, count: nodeCount)
    }

    /// Infers the type of `node` (checking its children first) and records it in the side table.
    @discardableResult
    mutating func check(_ node: SyntaxNode) -> ValueType {
        let type = infer(node)
        types[node.id.rawValue] = type
        return type
    }

    private mutating func infer(_ node: SyntaxNode) -> ValueType {
        switch node.kind {
        case .integer: .int
        case .decimal: .number
        case .string: .string
        case .boolean: .bool
        case .null: .null
        case .identifier(let name): resolve(name, node)
        case .member(let base, let field): checkMember(node, base: base, field: field)
        case .unary(let op, let operand): checkUnary(op, operand)
        case .binary(let op, let left, let right, let location): checkBinary(op, left, right, at: location)
        case .list(let elements): checkList(elements)
        case .call(let name, let arguments): checkCall(node, name: name, arguments: arguments)
        case .quantifier(let quantifier): checkQuantifier(node, quantifier)
        }
    }

    private mutating func checkList(_ elements: [SyntaxNode]) -> ValueType {
        var elementType: ValueType = .unknown
        var first: ValueType?
        for element in elements {
            let type = check(element)
            if type.isRecordLike {
                diagnostics.report(.listOfRecords(at: element.location))
                continue
            }
            guard let known = first else {
                first = type
                elementType = type
                continue
            }
            if let unified = ValueType.unify(elementType, type) {
                elementType = unified
            } else {
                diagnostics.report(.mixedList(known, type, at: element.location))
            }
        }
        return .list(elementType)
    }

    /// Reports a string literal compared with an enum-typed node when the literal is not one of its values.
    mutating func checkEnumLiteral(_ literal: SyntaxNode, against enumNode: SyntaxNode, type: ValueType) {
        guard case .string(let text) = literal.kind else { return }
        var enumType = type
        while case .list(let element) = enumType { enumType = element }
        guard case .enumeration(let values) = enumType, !values.contains(text) else { return }
        diagnostics.report(
            .unknownEnumValue(text, origin: enumOrigins[enumNode.id], values: values, at: literal.location))
    }

    /// `checkEnumLiteral` for every string literal of a list literal.
    mutating func checkEnumLiterals(in list: SyntaxNode, against enumNode: SyntaxNode, type: ValueType) {
        guard case .list(let elements) = list.kind else { return }
        for element in elements { checkEnumLiteral(element, against: enumNode, type: type) }
    }
}

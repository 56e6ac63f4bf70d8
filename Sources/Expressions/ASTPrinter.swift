/// Prints a syntax tree as an s-expression, for table tests and debugging.
///
/// `a.b == "x" and not c` prints as `(and (== (. a b) "x") (not c))`; a quantifier prints its parts tagged:
/// `(all applications (as a) (where f) p)`. Literals print as written, strings with `"` quotes and escapes.
public enum ASTPrinter {
    /// The s-expression of `node`.
    public static func print(_ node: SyntaxNode) -> String {
        switch node.kind {
        case .integer(let value): String(value)
        case .decimal(let value): "\(value)"
        case .string(let value): quote(value)
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        case .identifier(let name): name
        case .member(let base, let field): "(. \(print(base)) \(field.text))"
        case .unary(let op, let operand): "(\(op.rawValue) \(print(operand)))"
        case .binary(let op, let left, let right, _): "(\(spelling(op)) \(print(left)) \(print(right)))"
        case .list(let elements): "[" + elements.map(print).joined(separator: " ") + "]"
        case .call(let name, let arguments): "(" + ([name.text] + arguments.map(print)).joined(separator: " ") + ")"
        case .quantifier(let quantifier): print(quantifier)
        }
    }

    /// The s-expression of a whole tree.
    public static func print(_ tree: SyntaxTree) -> String { print(tree.root) }

    private static func print(_ quantifier: Quantifier) -> String {
        var parts = [quantifier.kind.rawValue, print(quantifier.source)]
        if let binding = quantifier.binding { parts.append("(as \(binding.text))") }
        if let filter = quantifier.filter { parts.append("(where \(print(filter)))") }
        if let predicate = quantifier.predicate { parts.append(print(predicate)) }
        return "(" + parts.joined(separator: " ") + ")"
    }

    private static func spelling(_ op: BinaryOperator) -> String {
        op == .notIn ? "not-in" : op.rawValue
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}

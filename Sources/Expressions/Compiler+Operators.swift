import DataModel

extension ClosureBuilder {
    func buildUnary(_ op: UnaryOperator, _ operand: SyntaxNode) -> Evaluable {
        let input = build(operand)
        let function = input.function
        let evaluable: Evaluable = switch op {
        case .not: .value { Kleene.not(function($0)) }
        case .negate: .value { Runtime.negate(function($0)) }
        }
        return folded(evaluable, inputs: [input])
    }

    func buildBinary(_ op: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode) -> Evaluable {
        if op == .equal || op == .notEqual, left.kind == .null || right.kind == .null {
            return presenceTest(of: left.kind == .null ? right : left, negated: op == .notEqual)
        }
        let inputs = [build(left), build(right)]
        let (lhs, rhs) = (inputs[0].function, inputs[1].function)
        let evaluable: Evaluable
        switch op {
        case .and:
            evaluable = .value { context in
                let first = lhs(context)
                if case .bool(false) = first { return first }
                return Kleene.and(first, rhs(context))
            }
        case .or:
            evaluable = .value { context in
                let first = lhs(context)
                if case .bool(true) = first { return first }
                return Kleene.or(first, rhs(context))
            }
        case .equal, .notEqual:
            let wanted = op == .equal
            evaluable = .value { context in
                Runtime.equals(lhs(context), rhs(context)).map { .bool($0 == wanted) } ?? .null
            }
        case .less, .lessEqual, .greater, .greaterEqual:
            let accepts = Self.ordering(op)
            evaluable = .value { context in
                Runtime.order(lhs(context), rhs(context)).map { .bool(accepts($0)) } ?? .null
            }
        case .in:
            evaluable = .value { context in
                let list = rhs(context)
                guard context.spend(Self.length(list)) else { return .null }
                return Runtime.membership(lhs(context), in: list)
            }
        case .notIn:
            evaluable = .value { context in
                let list = rhs(context)
                guard context.spend(Self.length(list)) else { return .null }
                return Kleene.not(Runtime.membership(lhs(context), in: list))
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            let operation = Runtime.arithmetic(op)
            evaluable = .value { operation(lhs($0), rhs($0)) }
        }
        return folded(evaluable, inputs: inputs)
    }

    /// How many elements `in` may compare: the list's length (0 for anything else).
    private static func length(_ value: Value) -> Int {
        if case .list(let elements) = value { return elements.count }
        return 0
    }

    /// `x == null` / `x != null`: never null itself, and defined for records too.
    private func presenceTest(of node: SyntaxNode, negated: Bool) -> Evaluable {
        let input = build(node)
        if let constant = input.constant { return .constant(.bool(constant.isNull != negated)) }
        let isPresent = input.presence
        return .value { .bool(isPresent($0) == negated) }
    }

    private static func ordering(_ op: BinaryOperator) -> @Sendable (Int) -> Bool {
        switch op {
        case .less: { $0 < 0 }
        case .lessEqual: { $0 <= 0 }
        case .greater: { $0 > 0 }
        default: { $0 >= 0 }
        }
    }
}

import DataModel

extension ClosureBuilder {
    func buildUnary(_ op: UnaryOperator, _ operand: SyntaxNode) -> Evaluable {
        let input = build(operand)
        let evaluable: Evaluable
        switch op {
        case .not:
            let truth = input.truth
            evaluable = .truth { truth($0).map(!) }
        case .negate:
            let function = input.function
            evaluable = .value { Runtime.negate(function($0)) }
        }
        return folded(evaluable, inputs: [input])
    }

    func buildBinary(_ op: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode) -> Evaluable {
        if op == .equal || op == .notEqual, left.kind == .null || right.kind == .null {
            return presenceTest(of: left.kind == .null ? right : left, negated: op == .notEqual)
        }
        let inputs = [build(left), build(right)]
        let evaluable: Evaluable
        switch op {
        case .and:
            evaluable = Self.and(inputs[0], inputs[1])
        case .or:
            let (lhs, rhs) = (inputs[0].truth, inputs[1].truth)
            evaluable = .truth { context in Kleene.or(lhs(context)) { rhs(context) } }
        case .equal, .notEqual:
            evaluable = Self.equality(inputs[0], inputs[1], wanted: op == .equal)
        case .less, .lessEqual, .greater, .greaterEqual:
            evaluable = Self.ordering(op, inputs[0], inputs[1])
        case .in, .notIn:
            evaluable = Self.membership(inputs[0], in: inputs[1], wanted: op == .in)
        case .add, .subtract, .multiply, .divide, .remainder:
            let operation = Runtime.arithmetic(op)
            let (lhs, rhs) = (inputs[0].function, inputs[1].function)
            evaluable = .value { operation(lhs($0), rhs($0)) }
        }
        return folded(evaluable, inputs: inputs)
    }

    /// Kleene `and`: `rhs` is evaluated only when `lhs` is not false. Two conjunctions of field comparisons
    /// make one (`FieldTests`).
    static func and(_ lhs: Evaluable, _ rhs: Evaluable) -> Evaluable {
        if case .fieldTests(let first) = lhs, case .fieldTests(let second) = rhs {
            return .fieldTests(first.and(second))
        }
        let (left, right) = (lhs.truth, rhs.truth)
        return .truth { context in Kleene.and(left(context)) { right(context) } }
    }

    /// `==` (`wanted` true) or `!=`. Against a scalar constant, the usual shape of a filter, the constant is taken
    /// apart now, and a field is compared where its record stores it.
    private static func equality(_ left: Evaluable, _ right: Evaluable, wanted: Bool) -> Evaluable {
        switch (left, right) {
        case (.field(let access), .constant(let constant)), (.constant(let constant), .field(let access)):
            if let comparand = Comparand(constant) {
                return .fieldTests(FieldTests(tests: [FieldTests.Test(access, .equals(comparand), wanted: wanted)]))
            }
        case (let other, .constant(let constant)), (.constant(let constant), let other):
            if let comparand = Comparand(constant) {
                let read = other.function
                return .truth { context in comparand.equals(read(context)).map { $0 == wanted } }
            }
        default:
            break
        }
        let (lhs, rhs) = (left.function, right.function)
        return .truth { context in Runtime.equals(lhs(context), rhs(context)).map { $0 == wanted } }
    }

    /// `<`, `<=`, `>` or `>=`. Against a scalar constant on the right, the usual shape, the constant is taken apart
    /// now, and a field is compared where its record stores it.
    private static func ordering(_ op: BinaryOperator, _ left: Evaluable, _ right: Evaluable) -> Evaluable {
        let accepts = Self.accepts(op)
        if case .constant(let constant) = right, let comparand = Comparand(constant) {
            if case .field(let access) = left {
                let absent = comparand.order(access.fallback)
                return .truth { context in
                    access.withValue(context, else: absent) { comparand.order($0) }.map(accepts)
                }
            }
            let read = left.function
            return .truth { context in comparand.order(read(context)).map(accepts) }
        }
        let (lhs, rhs) = (left.function, right.function)
        return .truth { context in Runtime.order(lhs(context), rhs(context)).map(accepts) }
    }

    /// `x == null` / `x != null`: never null itself, and defined for records too.
    private func presenceTest(of node: SyntaxNode, negated: Bool) -> Evaluable {
        let input = build(node)
        if let constant = input.constant { return .constant(.bool(constant.isNull != negated)) }
        let isPresent = input.presence
        return .truth { isPresent($0) == negated }
    }

    /// Whether an `order` result (`-1`, `0` or `1`) satisfies `op`.
    private static func accepts(_ op: BinaryOperator) -> @Sendable (Int) -> Bool {
        switch op {
        case .less: { $0 < 0 }
        case .lessEqual: { $0 <= 0 }
        case .greater: { $0 > 0 }
        default: { $0 >= 0 }
        }
    }
}

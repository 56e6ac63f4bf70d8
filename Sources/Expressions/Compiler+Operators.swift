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
            let (lhs, rhs) = (inputs[0].truth, inputs[1].truth)
            evaluable = .truth { context in Kleene.and(lhs(context)) { rhs(context) } }
        case .or:
            let (lhs, rhs) = (inputs[0].truth, inputs[1].truth)
            evaluable = .truth { context in Kleene.or(lhs(context)) { rhs(context) } }
        case .equal, .notEqual:
            evaluable = Self.equality(inputs[0], inputs[1], wanted: op == .equal)
        case .less, .lessEqual, .greater, .greaterEqual:
            let accepts = Self.ordering(op)
            let (lhs, rhs) = (inputs[0].function, inputs[1].function)
            evaluable = .truth { context in Runtime.order(lhs(context), rhs(context)).map(accepts) }
        case .in, .notIn:
            evaluable = Self.membership(inputs[0], in: inputs[1], wanted: op == .in)
        case .add, .subtract, .multiply, .divide, .remainder:
            let operation = Runtime.arithmetic(op)
            let (lhs, rhs) = (inputs[0].function, inputs[1].function)
            evaluable = .value { operation(lhs($0), rhs($0)) }
        }
        return folded(evaluable, inputs: inputs)
    }

    /// `==` (`wanted` true) or `!=`. A field compared with a constant, the usual shape of a filter, is read in
    /// place.
    private static func equality(_ left: Evaluable, _ right: Evaluable, wanted: Bool) -> Evaluable {
        switch (left, right) {
        case (.field(let access), .constant(let constant)), (.constant(let constant), .field(let access)):
            return .truth { context in Runtime.equals(access.read(context), constant).map { $0 == wanted } }
        case (let other, .constant(let constant)), (.constant(let constant), let other):
            let read = other.function
            return .truth { context in Runtime.equals(read(context), constant).map { $0 == wanted } }
        default:
            let (lhs, rhs) = (left.function, right.function)
            return .truth { context in Runtime.equals(lhs(context), rhs(context)).map { $0 == wanted } }
        }
    }

    /// `in` (`wanted` true) or `not in`: Kleene membership, charging one unit per element of the list.
    private static func membership(_ element: Evaluable, in list: Evaluable, wanted: Bool) -> Evaluable {
        let read = element.function
        if case .constant(.list(let elements)) = list {
            if case .field(let access) = element {
                // A field in a constant list, the other usual shape of a filter, is read in place.
                return .truth { context in
                    guard context.spend(elements.count) else { return nil }
                    return Runtime.membership(access.read(context), in: elements).map { $0 == wanted }
                }
            }
            return .truth { context in
                guard context.spend(elements.count) else { return nil }
                return Runtime.membership(read(context), in: elements).map { $0 == wanted }
            }
        }
        let values = list.function
        return .truth { context in
            guard case .list(let elements) = values(context) else { return nil }
            guard context.spend(elements.count) else { return nil }
            return Runtime.membership(read(context), in: elements).map { $0 == wanted }
        }
    }

    /// `x == null` / `x != null`: never null itself, and defined for records too.
    private func presenceTest(of node: SyntaxNode, negated: Bool) -> Evaluable {
        let input = build(node)
        if let constant = input.constant { return .constant(.bool(constant.isNull != negated)) }
        let isPresent = input.presence
        return .truth { isPresent($0) == negated }
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

import DataModel
import Diagnostics

extension TypeChecker {
    mutating func checkUnary(_ op: UnaryOperator, _ operand: SyntaxNode) -> ValueType {
        let type = check(operand)
        switch op {
        case .not:
            if !type.fits(.bool) { diagnostics.report(.needsBool("'not'", found: type, at: operand.location)) }
            return .bool
        case .negate:
            if type.isNumeric || type.isPermissive { return type }
            diagnostics.report(.negation(found: type, at: operand.location))
            return .unknown
        }
    }

    mutating func checkBinary(
        _ op: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode, at location: SourceLocation
    ) -> ValueType {
        let leftType = check(left)
        let rightType = check(right)
        switch op {
        case .and, .or:
            for (node, type) in [(left, leftType), (right, rightType)] where !type.fits(.bool) {
                diagnostics.report(.needsBool("'\(op.rawValue)'", found: type, at: node.location))
            }
            return .bool
        case .equal, .notEqual:
            checkEquality(op, left, leftType, right, rightType, at: location)
            return .bool
        case .less, .lessEqual, .greater, .greaterEqual:
            if !Self.orderable(leftType, rightType) {
                diagnostics.report(.notOrderable(op, leftType, rightType, at: location))
            }
            return .bool
        case .in, .notIn:
            checkMembership(op, left, leftType, right, rightType, at: location)
            return .bool
        case .add, .subtract, .multiply, .divide, .remainder:
            guard let type = Self.arithmetic(op, leftType, rightType) else {
                diagnostics.report(.arithmetic(op, leftType, rightType, at: location))
                return .unknown
            }
            return type
        }
    }

    private mutating func checkEquality(
        _ op: BinaryOperator, _ left: SyntaxNode, _ leftType: ValueType, _ right: SyntaxNode, _ rightType: ValueType,
        at location: SourceLocation
    ) {
        // `x == null` tests presence and works on anything, records included.
        if left.kind == .null || right.kind == .null { return }
        guard ValueType.comparable(leftType, rightType), !leftType.isRecordLike, !rightType.isRecordLike else {
            diagnostics.report(
                Self.boolWordMismatch(op, left, leftType, right, rightType, at: location)
                    ?? .incomparable(op, leftType, rightType, at: location))
            return
        }
        checkEnumLiteral(right, against: left, type: leftType)
        checkEnumLiteral(left, against: right, type: rightType)
    }

    private mutating func checkMembership(
        _ op: BinaryOperator, _ left: SyntaxNode, _ leftType: ValueType, _ right: SyntaxNode, _ rightType: ValueType,
        at location: SourceLocation
    ) {
        guard let element = rightType.elementType else {
            diagnostics.report(.inNeedsList(op, found: rightType, at: location))
            return
        }
        guard ValueType.comparable(leftType, element), !leftType.isRecordLike, !element.isRecordLike else {
            diagnostics.report(.inElementMismatch(leftType, list: rightType, at: location))
            return
        }
        checkEnumLiterals(in: right, against: left, type: leftType)
        checkEnumLiteral(left, against: right, type: rightType)
    }

    /// Whether `<` and friends apply: two numbers, two dates or two strings (null and unknown fit any).
    static func orderable(_ left: ValueType, _ right: ValueType) -> Bool {
        func isOrderable(_ type: ValueType) -> Bool {
            type.isNumeric || type.isStringLike || type == .date || type.isPermissive
        }
        return isOrderable(left) && isOrderable(right) && ValueType.comparable(left, right)
    }

    /// The result type of an arithmetic operator, or nil when the operands do not fit it.
    static func arithmetic(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType? {
        if left == .unknown || right == .unknown { return .unknown }
        switch (op, left, right) {
        case (.add, .date, .int), (.add, .date, .null), (.subtract, .date, .int): return .date
        case (.subtract, .date, .date): return .int
        case (.subtract, .date, .null): return .unknown
        default: break
        }
        let isNumber = { (type: ValueType) in type.isNumeric || type == .null }
        guard isNumber(left), isNumber(right) else { return nil }
        if op == .divide { return .number }
        if left == .number || right == .number { return .number }
        return left == .null && right == .null ? .null : .int
    }
}

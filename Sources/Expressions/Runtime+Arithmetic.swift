import DataModel

extension Runtime {
    /// The operation of an arithmetic operator.
    static func arithmetic(_ op: BinaryOperator) -> @Sendable (Value, Value) -> Value {
        switch op {
        case .add: add
        case .subtract: subtract
        case .multiply: multiply
        case .divide: divide
        default: remainder
        }
    }

    static func add(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)): return checked(a.addingReportingOverflow(b))
        case (.date(let day), .int(let days)): return shift(day, by: days)
        default:
            guard let a = double(left), let b = double(right) else { return .null }
            return number(a + b)
        }
    }

    static func subtract(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)): return checked(a.subtractingReportingOverflow(b))
        case (.date(let a), .date(let b)): return checked(a.ordinal.subtractingReportingOverflow(b.ordinal))
        case (.date(let day), .int(let days)):
            return days == .min ? .null : shift(day, by: -days)
        default:
            guard let a = double(left), let b = double(right) else { return .null }
            return number(a - b)
        }
    }

    static func multiply(_ left: Value, _ right: Value) -> Value {
        if case (.int(let a), .int(let b)) = (left, right) { return checked(a.multipliedReportingOverflow(by: b)) }
        guard let a = double(left), let b = double(right) else { return .null }
        return number(a * b)
    }

    /// Always a number: `7 / 2` is `3.5`. Division by zero gives null.
    static func divide(_ left: Value, _ right: Value) -> Value {
        guard let a = double(left), let b = double(right), b != 0 else { return .null }
        return number(a / b)
    }

    /// The remainder with the sign of the dividend (truncating). Modulo zero gives null.
    static func remainder(_ left: Value, _ right: Value) -> Value {
        if case (.int(let a), .int(let b)) = (left, right) {
            guard b != 0 else { return .null }
            return checked(a.remainderReportingOverflow(dividingBy: b))
        }
        guard let a = double(left), let b = double(right), b != 0 else { return .null }
        return number(a.truncatingRemainder(dividingBy: b))
    }

    static func negate(_ value: Value) -> Value {
        switch value {
        case .int(let int): int == .min ? .null : .int(-int)
        case .number(let number): .number(-number)
        default: .null
        }
    }

    @inline(__always)
    private static func checked(_ result: (partialValue: Int, overflow: Bool)) -> Value {
        result.overflow ? .null : .int(result.partialValue)
    }
}

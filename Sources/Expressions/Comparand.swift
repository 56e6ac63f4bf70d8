import DataModel

/// A scalar that values are compared with: the scalar semantics of `==` and of ordering, in one place, by the case
/// of the scalar.
///
/// `Runtime.equals` and `Runtime.order` ask the comparand of their right operand. A compiled comparison with a
/// constant (`type == "khusus"`, `indicator in [45, 46]`, `year >= 2020`) takes the constant's comparand once, at
/// compile time, and a field is compared where its record stores it, without copying it out (a retain and a
/// release for a string). Two values that are both read where they are stored (an element looked for in a list
/// field) are compared with the static forms, as a comparand made of one would be a copy of it.
struct Comparand {
    /// The scalar compared with; never a list.
    let scalar: Value

    /// The comparand of `value`; nil for a list, which compares element by element.
    @inline(__always)
    init?(_ value: Value) {
        if case .list = value { return nil }
        scalar = value
    }

    /// Whether `value` equals this: see `Comparand.equals(_:_:)`.
    @inline(__always)
    func equals(_ value: Value) -> Bool? {
        Self.equals(value, scalar)
    }

    /// How `value` orders with this: see `Comparand.order(_:_:)`.
    @inline(__always)
    func order(_ value: Value) -> Int? {
        Self.order(value, scalar)
    }

    /// Whether `value` equals `scalar` (not a list): nil when either is null; int and number compare as numbers;
    /// strings with `String ==` (Unicode canonical equivalence); anything else of different cases is unequal.
    @inline(__always)
    static func equals(_ value: Value, _ scalar: Value) -> Bool? {
        switch scalar {
        case .null:
            return nil
        case .bool(let b):
            if case .bool(let a) = value { return a == b }
        case .int(let b):
            if case .int(let a) = value { return a == b }
            if case .number(let a) = value { return a == Double(b) }
        case .number(let b):
            if case .number(let a) = value { return a == b }
            if case .int(let a) = value { return Double(a) == b }
        case .string(let b):
            if case .string(let a) = value { return a == b }
        case .date(let b):
            if case .date(let a) = value { return a == b }
        case .list:
            break
        }
        return value.isNull ? nil : false
    }

    /// `-1`, `0` or `1` as `value` orders before, with or after `scalar` (not a list): numbers (int and number
    /// mixed), dates and strings; nil when either is null or the two do not compare.
    @inline(__always)
    static func order(_ value: Value, _ scalar: Value) -> Int? {
        switch scalar {
        case .int(let b):
            if case .int(let a) = value { return sign(a, b) }
            if case .number(let a) = value { return sign(a, Double(b)) }
        case .number(let b):
            if case .number(let a) = value { return sign(a, b) }
            if case .int(let a) = value { return sign(Double(a), b) }
        case .string(let b):
            if case .string(let a) = value { return sign(a, b) }
        case .date(let b):
            if case .date(let a) = value { return sign(a, b) }
        case .null, .bool, .list:
            break
        }
        return nil
    }

    @inline(__always)
    private static func sign<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}

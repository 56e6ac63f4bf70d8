import DataModel

/// A scalar that values are compared with, by case: the scalar semantics of `==` and of ordering, in one place.
///
/// `Runtime.equals` and `Runtime.order` ask the comparand of their right operand. A compiled comparison with a
/// constant (`type == "khusus"`, `indicator in [45, 46]`, `year >= 2020`) takes the constant's comparand apart
/// once, at compile time, so each evaluation switches over the other side only, and a field is compared where
/// its record stores it, without copying it out (a retain and a release for a string).
enum Comparand {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case date(Day)

    /// The comparand of `value`; nil for a list, which compares element by element.
    @inline(__always)
    init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .int(int)
        case .number(let number): self = .number(number)
        case .string(let string): self = .string(string)
        case .date(let day): self = .date(day)
        case .list: return nil
        }
    }

    /// Whether `value` equals this: nil when either is null; int and number compare as numbers; strings with
    /// `String ==` (Unicode canonical equivalence); anything else of different cases is unequal.
    @inline(__always)
    func equals(_ value: Value) -> Bool? {
        switch self {
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
        }
        return value.isNull ? nil : false
    }

    /// `-1`, `0` or `1` as `value` orders before, with or after this: numbers (int and number mixed), dates and
    /// strings; nil when either is null or the two do not compare.
    @inline(__always)
    func order(_ value: Value) -> Int? {
        switch self {
        case .int(let b):
            if case .int(let a) = value { return Self.sign(a, b) }
            if case .number(let a) = value { return Self.sign(a, Double(b)) }
        case .number(let b):
            if case .number(let a) = value { return Self.sign(a, b) }
            if case .int(let a) = value { return Self.sign(Double(a), b) }
        case .string(let b):
            if case .string(let a) = value { return Self.sign(a, b) }
        case .date(let b):
            if case .date(let a) = value { return Self.sign(a, b) }
        case .null, .bool:
            break
        }
        return nil
    }

    @inline(__always)
    private static func sign<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}

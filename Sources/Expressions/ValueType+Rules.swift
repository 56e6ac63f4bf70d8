import DataModel

/// The groups of types whose values can be compared with each other.
indirect enum TypeFamily: Hashable {
    case string, numeric, bool, date
    case list(TypeFamily)
    case record(String)
    /// `null` and `unknown`: compatible with everything.
    case any
}

extension ValueType {
    /// The comparison family of the type.
    var family: TypeFamily {
        switch self {
        case .string, .enumeration: .string
        case .int, .number: .numeric
        case .bool: .bool
        case .date: .date
        case .list(let element): .list(element.family)
        case .record(let name): .record(name)
        case .null, .unknown: .any
        }
    }

    /// `null` (the literal) or `unknown` (after an error): accepted wherever a type is required.
    var isPermissive: Bool { self == .null || self == .unknown }

    /// A record, or a list of records: these exist at run time only as inventory records, never as values.
    var isRecordLike: Bool {
        switch self {
        case .record: true
        case .list(let element): element.isRecordLike
        default: false
        }
    }

    /// Whether this is a list (or permissive).
    var isListLike: Bool {
        if case .list = self { return true }
        return isPermissive
    }

    /// The element type of a list; `unknown` for permissive types.
    var elementType: ValueType? {
        switch self {
        case .list(let element): element
        case .null, .unknown: .unknown
        default: nil
        }
    }

    /// Whether values of the two types can be compared with `==`.
    static func comparable(_ lhs: ValueType, _ rhs: ValueType) -> Bool {
        compatible(lhs.family, rhs.family)
    }

    private static func compatible(_ lhs: TypeFamily, _ rhs: TypeFamily) -> Bool {
        switch (lhs, rhs) {
        case (.any, _), (_, .any): true
        case (.list(let left), .list(let right)): compatible(left, right)
        default: lhs == rhs
        }
    }

    /// The narrowest type holding values of both, or nil when they do not mix (`int` and `number` give `number`,
    /// two different string-likes give `string`).
    static func unify(_ lhs: ValueType, _ rhs: ValueType) -> ValueType? {
        switch (lhs, rhs) {
        case (.unknown, _), (_, .unknown): return .unknown
        case (.null, _): return rhs
        case (_, .null): return lhs
        case (.int, .int): return .int
        case (.int, .number), (.number, .int), (.number, .number): return .number
        case (.enumeration(let left), .enumeration(let right)) where left == right: return lhs
        case _ where lhs.isStringLike && rhs.isStringLike: return .string
        case (.list(let left), .list(let right)): return unify(left, right).map { .list($0) }
        default: return lhs == rhs ? lhs : nil
        }
    }

    /// Whether a value of type `self` is acceptable where `expected` is required.
    func fits(_ expected: ValueType) -> Bool {
        if isPermissive || expected == .unknown { return true }
        switch (self, expected) {
        case (.int, .number): return true
        case (.list(let element), .list(let expectedElement)): return element.fits(expectedElement)
        case _ where isStringLike && expected.isStringLike: return true
        default: return self == expected
        }
    }
}

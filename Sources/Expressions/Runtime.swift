import DataModel

/// The value operations behind the operators: null in, null out; overflow and division by zero give null.
enum Runtime {
    /// Equality across the family (int and number compare as numbers); nil when either side is null.
    /// Lists are equal when every element is; an unknown element makes the answer unknown.
    static func equals(_ left: Value, _ right: Value) -> Bool? {
        if let comparand = Comparand(right) { return comparand.equals(left) }
        guard case .list(let a) = left, case .list(let b) = right else { return left.isNull ? nil : false }
        return equals(a, b)
    }

    /// Lists are equal when every element is; an unknown element makes the answer unknown.
    private static func equals(_ left: [Value], _ right: [Value]) -> Bool? {
        guard left.count == right.count else { return false }
        var unknown = false
        for index in left.indices {
            switch equals(left[index], right[index]) {
            case false?: return false
            case nil: unknown = true
            case true?: break
            }
        }
        return unknown ? nil : true
    }

    /// `-1`, `0` or `1` for two numbers, dates or strings; nil when either is null or they do not compare.
    static func order(_ left: Value, _ right: Value) -> Int? {
        Comparand(right).flatMap { $0.order(left) }
    }

    /// Kleene membership: true if a candidate equals `element`, else unknown if a candidate (or `element`) is
    /// null, else false. `equal` answers nil for a null candidate.
    static func membership<Candidate>(
        _ element: Value, in candidates: [Candidate], equal: (Value, Candidate) -> Bool?
    ) -> Bool? {
        guard !element.isNull else { return nil }
        return anyEquals(candidates) { equal(element, $0) }
    }

    /// Membership in a list of scalars taken apart beforehand.
    @inline(__always)
    static func membership(_ element: Value, in comparands: [Comparand]) -> Bool? {
        membership(element, in: comparands) { $1.equals($0) }
    }

    /// Membership in a list of values: a scalar `element` as `membership(scalar:in:)`, a list through `equals`.
    @inline(__always)
    static func membership(_ element: Value, in candidates: [Value]) -> Bool? {
        if case .list = element { return membership(element, in: candidates, equal: equals) }
        return membership(scalar: element, in: candidates)
    }

    /// Membership of a scalar (not a list) in a list of values, compared with each candidate where both are stored,
    /// so neither is copied. `Comparand.equals` answers as `equals` with its operands swapped: scalar equality is
    /// symmetric, and a list is unequal to a scalar.
    @inline(__always)
    static func membership(scalar: Value, in candidates: [Value]) -> Bool? {
        guard !scalar.isNull else { return nil }
        return anyEquals(candidates) { Comparand.equals($0, scalar) }
    }

    /// Kleene "some candidate equals": true if `equals` answers true for one, else unknown if it answered unknown
    /// for one, else false.
    @inline(__always)
    private static func anyEquals<Candidate>(_ candidates: [Candidate], _ equals: (Candidate) -> Bool?) -> Bool? {
        var unknown = false
        for candidate in candidates {
            switch equals(candidate) {
            case true?: return true
            case nil: unknown = true
            case false?: break
            }
        }
        return unknown ? nil : false
    }

    /// A number as a `Double`, for mixed int/number arithmetic.
    @inline(__always)
    static func double(_ value: Value) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .number(let number): number
        default: nil
        }
    }

    /// A finite number, or null (infinities and NaN are not values of the language).
    @inline(__always)
    static func number(_ value: Double) -> Value {
        value.isFinite ? .number(value) : .null
    }

    /// The first and last day the language represents (years 1…9999).
    static let firstDay = Day(year: 1, month: 1, day: 1)!.ordinal
    static let lastDay = Day(year: 9999, month: 12, day: 31)!.ordinal

    /// `day` moved by `days`, or null when the result leaves years 1…9999.
    static func shift(_ day: Day, by days: Int) -> Value {
        let (ordinal, overflow) = day.ordinal.addingReportingOverflow(days)
        guard !overflow, ordinal >= firstDay, ordinal <= lastDay else { return .null }
        return .date(Day(ordinal: ordinal))
    }
}

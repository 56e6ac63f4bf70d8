import DataModel

/// Three-valued (Kleene) logic over `Value`: `null` is "not known".
enum Kleene {
    /// False if either side is false, else null if either is null, else true.
    static func and(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.bool(false), _), (_, .bool(false)): .bool(false)
        case (.bool(true), .bool(true)): .bool(true)
        default: .null
        }
    }

    /// True if either side is true, else null if either is null, else false.
    static func or(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.bool(true), _), (_, .bool(true)): .bool(true)
        case (.bool(false), .bool(false)): .bool(false)
        default: .null
        }
    }

    /// Negation; `not null` is null.
    static func not(_ value: Value) -> Value {
        if case .bool(let bool) = value { return .bool(!bool) }
        return .null
    }
}

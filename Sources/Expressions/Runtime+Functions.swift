import DataModel

extension Runtime {
    /// The pure one-argument functions: null in, null out (except `present`).
    static func unaryFunction(_ function: Builtin) -> (@Sendable (Value) -> Value)? {
        switch function {
        case .present: { .bool(isPresent($0)) }
        case .len: length
        case .lower: mapString { $0.lowercased() }
        case .upper: mapString { $0.uppercased() }
        case .trim: mapString(trimmed)
        case .date: parseDate
        case .year: { if case .date(let day) = $0 { .int(day.year) } else { .null } }
        default: nil
        }
    }

    /// The pure two-argument functions: null in, null out (except `coalesce`).
    static func binaryFunction(_ function: Builtin) -> (@Sendable (Value, Value) -> Value)? {
        switch function {
        case .contains: contains
        case .startsWith: compareStrings { $0.hasPrefix($1) }
        case .endsWith: compareStrings { $0.hasSuffix($1) }
        case .daysBetween: daysBetween
        case .coalesce: { $0.isNull ? $1 : $0 }
        case .min: { extremum($0, $1, pickFirst: { $0 <= 0 }) }
        case .max: { extremum($0, $1, pickFirst: { $0 >= 0 }) }
        default: nil
        }
    }

    /// Not null, and not an empty string or list.
    static func isPresent(_ value: Value) -> Bool {
        switch value {
        case .null: false
        case .string(let string): !string.isEmpty
        case .list(let list): !list.isEmpty
        default: true
        }
    }

    /// Characters of a string, elements of a list.
    static func length(_ value: Value) -> Value {
        switch value {
        case .string(let string): .int(string.count)
        case .list(let list): .int(list.count)
        default: .null
        }
    }

    /// `contains(string, part)` (substring) or `contains(list, item)` (membership), ignoring case.
    static func contains(_ haystack: Value, _ needle: Value) -> Value {
        guard case .string(let part) = needle else { return .null }
        switch haystack {
        case .string(let text): return .bool(text.lowercased().contains(part.lowercased()))
        case .list(let elements):
            let folded = part.lowercased()
            let found = membership(needle, in: elements) { _, candidate in
                if case .string(let text) = candidate { return text.lowercased() == folded }
                return candidate.isNull ? nil : false
            }
            return found.map(Value.bool) ?? .null
        default: return .null
        }
    }

    static func parseDate(_ value: Value) -> Value {
        guard case .string(let text) = value, let day = Day(iso: text) else { return .null }
        return .date(day)
    }

    /// Days from the first date to the second (negative when the second is earlier).
    static func daysBetween(_ first: Value, _ second: Value) -> Value {
        guard case .date(let start) = first, case .date(let end) = second else { return .null }
        return .int(end.ordinal - start.ordinal)
    }

    /// The first or second operand by `order`; a number when the two mix int and number.
    private static func extremum(_ left: Value, _ right: Value, pickFirst: (Int) -> Bool) -> Value {
        guard let comparison = order(left, right) else { return .null }
        let picked = pickFirst(comparison) ? left : right
        if case .int = left, case .number = right { return double(picked).map(Value.number) ?? .null }
        if case .number = left, case .int = right { return double(picked).map(Value.number) ?? .null }
        return picked
    }

    private static func mapString(_ transform: @escaping @Sendable (String) -> String) -> @Sendable (Value) -> Value {
        { if case .string(let string) = $0 { .string(transform(string)) } else { .null } }
    }

    private static func compareStrings(
        _ test: @escaping @Sendable (String, String) -> Bool
    ) -> @Sendable (Value, Value) -> Value {
        { left, right in
            guard case .string(let a) = left, case .string(let b) = right else { return .null }
            return .bool(test(a.lowercased(), b.lowercased()))
        }
    }

    /// Without leading and trailing white space (spaces, tabs, line breaks, and the Unicode white spaces).
    static func trimmed(_ string: String) -> String {
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

import DataModel
import Diagnostics
import YAMLSource

/// Converts one YAML value to a typed `Value`, reporting a precise error when it does not fit the field's type.
struct ValueReader {
    private(set) var diagnostics: [Diagnostic] = []

    /// Words accepted for booleans besides YAML's own, as OPD staff write them.
    static let trueWords: Set<String> = ["ya", "yes", "true", "y"]
    static let falseWords: Set<String> = ["tidak", "no", "false", "n"]

    mutating func value(_ node: YAMLNode, as type: ValueType, field: String) -> Value {
        if node.isNull { return .null }
        if case .list(let element) = type {
            guard let items = node.sequenceItems else {
                return mismatch(node, field: field, expected: "a list (for example [a, b])")
            }
            return .list(items.map { item in item.isNull ? .null : scalar(item, as: element, field: field) })
        }
        return scalar(node, as: type, field: field)
    }

    private mutating func scalar(_ node: YAMLNode, as type: ValueType, field: String) -> Value {
        guard let text = node.scalar else {
            return mismatch(node, field: field, expected: "a single value, not a list or mapping")
        }
        let quoted = node.isQuoted
        switch type {
        case .string:
            return .string(text)
        case .enumeration(let values):
            if values.contains(text) { return .string(text) }
            report(node, "unknown value '\(text)' for \(field)",
                   suggestion: Suggestion.didYouMean(text, among: values) ?? "allowed: \(values.joined(separator: ", "))")
            return .null
        case .int:
            if !quoted, case .int(let value) = node.plainScalarKind { return .int(value) }
            if !quoted, case .integerOverflow = node.plainScalarKind {
                report(node, "the number \(text) for \(field) is too large")
                return .null
            }
            return mismatch(node, field: field, expected: "a whole number")
        case .number:
            if !quoted {
                switch node.plainScalarKind {
                case .int(let value): return .number(Double(value))
                case .float(let value) where value.isFinite: return .number(value)
                default: break
                }
            }
            return mismatch(node, field: field, expected: "a number")
        case .bool:
            if !quoted, case .bool(let value) = node.plainScalarKind { return .bool(value) }
            let word = text.lowercased()
            if ValueReader.trueWords.contains(word) { return .bool(true) }
            if ValueReader.falseWords.contains(word) { return .bool(false) }
            return mismatch(node, field: field, expected: "true or false (ya/tidak)")
        case .date:
            if let day = Day(iso: text) { return .date(day) }
            report(node, "invalid date '\(text)' for \(field)", suggestion: "write dates as YYYY-MM-DD, for example 2024-03-15")
            return .null
        case .list, .record, .null, .unknown:
            return mismatch(node, field: field, expected: type.description)
        }
    }

    private mutating func mismatch(_ node: YAMLNode, field: String, expected: String) -> Value {
        let found = node.scalar.map { "'\($0)'" } ?? (node.sequenceItems != nil ? "a list" : "a mapping")
        report(node, "\(field) expects \(expected), found \(found)")
        return .null
    }

    private mutating func report(_ node: YAMLNode, _ message: String, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(.error, code: "inventory.type", message, at: node.location, suggestion: suggestion))
    }
}

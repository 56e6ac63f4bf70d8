import DataModel
import Diagnostics
import YAMLSource

/// Converts one YAML value to a typed `Value` through `ValueConversion`, reporting a precise error at the value
/// when it does not fit the field's type.
struct ValueReader {
    private(set) var diagnostics: [Diagnostic] = []

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
        switch ValueConversion.value(text, resolved: node.plainScalarKind, as: type, field: field, dialect: .yaml) {
        case .success(let value): return value
        case .failure(let problem): return report(node, problem)
        }
    }

    private mutating func mismatch(_ node: YAMLNode, field: String, expected: String) -> Value {
        let found = node.scalar.map { "'\($0)'" } ?? (node.sequenceItems != nil ? "a list" : "a mapping")
        return report(node, .mismatch(found: found, field: field, expected: expected))
    }

    private mutating func report(_ node: YAMLNode, _ problem: ValueConversion.Problem) -> Value {
        diagnostics.append(.valueType(problem, at: node.location))
        return .null
    }
}

import DataModel
import YAMLSource

/// Values written as YAML scalars that read back as the same value, in YAML 1.2 (spbe) and in YAML 1.1 tools
/// (PyYAML) alike: text is left unquoted only when it cannot be mistaken for anything else.
enum YAMLText {
    /// `value` as a YAML scalar or flow list (`[a, b]`); `.null` as `null`.
    static func scalar(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .number(let number): NumberText.shortest(number)
        case .date(let day): day.description
        case .string(let text): string(text, inFlow: false)
        case .list(let items):
            "["
                + items.map { item in
                    if case .string(let text) = item { return string(text, inFlow: true) }
                    return scalar(item)
                }.joined(separator: ", ") + "]"
        }
    }

    /// `text` plain when that is safe, else double-quoted with JSON-compatible escapes.
    static func string(_ text: String, inFlow: Bool) -> String {
        isPlainSafe(text, inFlow: inFlow) ? text : quoted(text)
    }

    /// `text` in double quotes, with `\\`, `\"` and control characters escaped (valid JSON and YAML).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let digits = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Words YAML 1.1 reads as booleans or null.
    private static let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    private static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic,
            !reserved.contains(text.lowercased()),
            text.unicodeScalars.last.map({ !$0.properties.isWhitespace }) ?? false,
            PlainScalarKind(resolving: text) == .string
        else { return false }
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let safe =
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (scalar == " " && previous != " ") || "-_./()+&'?!%;=".unicodeScalars.contains(scalar)
                || (scalar == "," && !inFlow)
            guard safe, scalar.value >= 0x20, scalar.value < 0x7F || scalar.value >= 0xA0 else { return false }
            previous = scalar
        }
        return true
    }
}

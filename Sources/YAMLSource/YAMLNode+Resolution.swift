/// What a plain scalar means under YAML 1.2's core schema.
public enum PlainScalarKind: Sendable, Hashable {
    /// `~`, `null`, `Null`, `NULL` or empty.
    case null
    /// `true`/`false` in any of YAML's three spellings.
    case bool(Bool)
    /// A decimal, `0x` hexadecimal or `0o` octal integer that fits in 64 bits.
    case int(Int)
    /// An integer literal too large for 64 bits.
    case integerOverflow
    /// A decimal or exponent number, `.inf`, `-.inf` or `.nan`.
    case float(Double)
    /// Anything else (also every quoted or block scalar, and every scalar tagged `!!str`).
    case string
    /// The node is a sequence or a mapping.
    case collection
}

extension YAMLNode {
    /// The scalar resolved under YAML 1.2's core schema; quoted, block and `!!str` scalars are strings.
    public var plainScalarKind: PlainScalarKind {
        guard case .scalar(let scalar) = content else { return .collection }
        switch scalar.tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:str": return .string
        default: break
        }
        guard scalar.style == .plain else { return .string }
        return PlainScalarKind(resolving: scalar.text)
    }
}

extension PlainScalarKind {
    /// Resolves the text of a plain scalar (also used for spreadsheet cells, which are all unquoted text).
    public init(resolving text: String) {
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .bool(true)
        case "false", "False", "FALSE": self = .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": self = .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": self = .float(-.infinity)
        case ".nan", ".NaN", ".NAN": self = .float(.nan)
        default: self = PlainScalarKind.number(text) ?? .string
        }
    }

    private static func number(_ text: String) -> PlainScalarKind? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || isDigit(first) else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            switch bytes[1] {
            case UInt8(ascii: "x"): return radix(bytes.dropFirst(2), 16)
            case UInt8(ascii: "o"): return radix(bytes.dropFirst(2), 8)
            default: break
            }
        }
        let signless = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        if !signless.isEmpty, signless.allSatisfy(isDigit) {
            if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(value) }
            return .integerOverflow
        }
        guard isDecimal(signless), let value = Double(text) else { return nil }
        return .float(value)
    }

    private static func radix(_ digits: ArraySlice<UInt8>, _ base: Int) -> PlainScalarKind? {
        let text = String(decoding: digits, as: UTF8.self)
        guard !text.isEmpty, text.allSatisfy({ $0.hexDigitValue.map { $0 < base } ?? false }) else { return nil }
        return Int(text, radix: base).map(PlainScalarKind.int) ?? .integerOverflow
    }

    /// `digits [. digits] [e[+-]digits]` or `. digits …`, with at least one digit: YAML 1.2's float form.
    private static func isDecimal(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        var digits = 0
        while index < bytes.endIndex, isDigit(bytes[index]) { index += 1; digits += 1 }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

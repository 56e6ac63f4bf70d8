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
    /// The scalar resolved under YAML 1.2's core schema; quoted, block and `!!str` scalars are strings, and a
    /// scalar tagged `!!int`, `!!float` or `!!bool` is what its tag says whatever its style (`!!float "1"` is the
    /// decimal number 1), or a string when its text is not one.
    public var plainScalarKind: PlainScalarKind {
        guard case .scalar(let scalar) = content else { return .collection }
        switch scalar.tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:str": return .string
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool":
            return PlainScalarKind(resolving: scalar.text).conforming(toTag: scalar.tag)
        default: break
        }
        guard scalar.style == .plain else { return .string }
        return PlainScalarKind(resolving: scalar.text)
    }
}

extension PlainScalarKind {
    /// What a scalar tagged `tag` (`!!int`, `!!float` or `!!bool`) holds: `self` when it is of that kind (an
    /// integer is also a float), else a string.
    fileprivate func conforming(toTag tag: String?) -> PlainScalarKind {
        switch (tag, self) {
        case ("tag:yaml.org,2002:float", .int(let value)): .float(Double(value))
        case ("tag:yaml.org,2002:float", .float), ("tag:yaml.org,2002:int", .int),
            ("tag:yaml.org,2002:int", .integerOverflow),
            ("tag:yaml.org,2002:bool", .bool):
            self
        default: .string
        }
    }

    /// Resolves the text of a plain scalar (also used for spreadsheet cells, which are all unquoted text).
    public init(resolving text: String) {
        var text = text
        self = text.withUTF8(Self.init(resolvingUTF8:))
    }

    /// Resolves the UTF-8 text of a plain scalar. Most scalars are names and codes, ruled out by their first byte
    /// or length without building a string.
    public init(resolvingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        self = Self.resolve(bytes)
    }

    /// Whether the UTF-8 text of a plain scalar resolves to null: empty, `~`, `null`, `Null` or `NULL`.
    public static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0:
            return true
        case 1:
            return bytes[0] == UInt8(ascii: "~")
        case 4:
            // The bytes as one little-endian word, against the three spellings' (asked of every scalar of every file).
            let word = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
            return word == 0x6C6C_756E || word == 0x6C6C_754E || word == 0x4C4C_554E  // null, Null, NULL
        default:
            return false
        }
    }

    private static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainScalarKind {
        guard let first = bytes.first, !isNull(bytes) else { return .null }
        if bytes.count <= 6, startsWord(first), let word = word(String(decoding: bytes, as: UTF8.self)) {
            return word
        }
        return number(bytes) ?? .string
    }

    /// Whether `byte` can start one of YAML's boolean and special float words (a switch, not a set: every scalar
    /// of every file asks).
    private static func startsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."),
            UInt8(ascii: "+"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func word(_ text: String) -> PlainScalarKind? {
        switch text {
        case "true", "True", "TRUE": .bool(true)
        case "false", "False", "FALSE": .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": .float(-.infinity)
        case ".nan", ".NaN", ".NAN": .float(.nan)
        default: nil
        }
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainScalarKind? {
        guard let first = bytes.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || isDigit(first)
        else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            switch bytes[1] {
            case UInt8(ascii: "x"): return radix(bytes.dropFirst(2), 16)
            case UInt8(ascii: "o"): return radix(bytes.dropFirst(2), 8)
            default: break
            }
        }
        let negative = first == UInt8(ascii: "-")
        let signless = negative || first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        if !signless.isEmpty, signless.allSatisfy(isDigit) { return integer(signless, negative: negative) }
        guard isDecimal(signless), let value = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return .float(value)
    }

    /// Decimal digits as an integer, or `integerOverflow` past 64 bits.
    private static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>, negative: Bool) -> PlainScalarKind {
        var value = 0
        for digit in digits {
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let digitValue = Int(digit - UInt8(ascii: "0"))
            let (next, overflowAdd) =
                negative
                ? shifted.subtractingReportingOverflow(digitValue) : shifted.addingReportingOverflow(digitValue)
            guard !overflowShift, !overflowAdd else { return .integerOverflow }
            value = next
        }
        return .int(value)
    }

    private static func radix(_ digits: Slice<UnsafeBufferPointer<UInt8>>, _ base: Int) -> PlainScalarKind? {
        let text = String(decoding: digits, as: UTF8.self)
        guard !text.isEmpty, text.allSatisfy({ $0.hexDigitValue.map { $0 < base } ?? false }) else { return nil }
        return Int(text, radix: base).map(PlainScalarKind.int) ?? .integerOverflow
    }

    /// `digits [. digits] [e[+-]digits]` or `. digits …`, with at least one digit: YAML 1.2's float form.
    private static func isDecimal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = bytes.startIndex
        var digits = 0
        while index < bytes.endIndex, isDigit(bytes[index]) {
            index += 1
            digits += 1
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.endIndex, isDigit(bytes[index]) {
                index += 1
                digits += 1
            }
        }
        guard digits > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.endIndex, isDigit(bytes[index]) {
                index += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

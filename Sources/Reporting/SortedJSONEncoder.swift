/// Encodes `Encodable` values as pretty-printed JSON with sorted keys (two-space indent, `"key" : value`),
/// straight into UTF-8 bytes: the reports' JSON, several times faster than Foundation's `JSONEncoder` for the
/// large, repetitive reports of a whole regency or a national run.
///
/// Keys can be converted from camelCase to snake_case (cached per key); doubles print in Swift's shortest
/// round-trip form, whole ones without a fraction; `/` is not escaped.
struct SortedJSONEncoder {
    /// Whether property names are written in snake_case.
    var snakeCaseKeys = true

    /// The JSON text of `value`, ending with a newline.
    func encode<T: Encodable>(_ value: T) throws -> String {
        try encode(value, indent: 0) + "\n"
    }

    /// The JSON text of `value` as it stands nested `indent` spaces deep: lines after the first are indented, and
    /// there is no newline at the end.
    func encode<T: Encodable>(_ value: T, indent: Int) throws -> String {
        let encoder = TreeEncoder(snakeCase: snakeCaseKeys, keys: KeyCache())
        try value.encode(to: encoder)
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        JSONTree.write(encoder.box.node, into: &output, indent: indent)
        return String(decoding: output, as: UTF8.self)
    }
}

/// A JSON value being built.
indirect enum JSONTree {
    case object([(String, JSONTree)])
    case array([JSONTree])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    static func write(_ tree: JSONTree, into out: inout [UInt8], indent: Int) {
        switch tree {
        case .null: out += [0x6E, 0x75, 0x6C, 0x6C]
        case .bool(let value): out += value ? Array("true".utf8) : Array("false".utf8)
        case .number(let text): out += text.utf8
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += [0x5B, 0x5D]
                return
            }
            out += [0x5B, 0x0A]
            for (position, item) in items.enumerated() {
                pad(indent + 2, &out)
                write(item, into: &out, indent: indent + 2)
                if position < items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            pad(indent, &out)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else {
                out += [0x7B, 0x7D]
                return
            }
            out += [0x7B, 0x0A]
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (position, member) in sorted.enumerated() {
                pad(indent + 2, &out)
                writeString(member.0, into: &out)
                out += [0x20, 0x3A, 0x20]
                write(member.1, into: &out, indent: indent + 2)
                if position < sorted.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            pad(indent, &out)
            out.append(0x7D)
        }
    }

    private static func pad(_ count: Int, _ out: inout [UInt8]) {
        out += repeatElement(0x20, count: count)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    static func number(_ value: Double) -> JSONTree {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return .number(String(Int64(value))) }
        return .number(value.description)
    }
}

/// camelCase → snake_case, converted once per distinct key.
final class KeyCache {
    private var converted: [String: String] = [:]

    /// `indexDisplay` → `index_display`, `opdID` → `opd_id`, `urlValue` → `url_value`: a run of capitals is
    /// one word, as Foundation's `convertToSnakeCase` does.
    func snakeCase(_ key: String) -> String {
        if let known = converted[key] { return known }
        let characters = Array(key)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previousLower = characters[index - 1].isLowercase || characters[index - 1].isNumber
                let nextLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previousLower || (characters[index - 1].isUppercase && nextLower) { result.append("_") }
            }
            result += character.lowercased()
        }
        converted[key] = result
        return result
    }
}

/// Where an encoder puts the value it builds: a finished value, or an object or array still being filled.
final class TreeBox {
    enum Content {
        case value(JSONTree)
        case object(ObjectBuilder)
        case array(ArrayBuilder)
    }

    var content: Content = .value(.null)

    /// The finished tree (builders are read once, when the whole value is written).
    var node: JSONTree {
        switch content {
        case .value(let tree): tree
        case .object(let builder): .object(builder.members.map { ($0.0, $0.1.node) })
        case .array(let builder): .array(builder.items.map(\.node))
        }
    }
}

/// The members of an object being encoded.
final class ObjectBuilder {
    var members: [(String, TreeBox)] = []
}

/// The items of an array being encoded.
final class ArrayBuilder {
    var items: [TreeBox] = []
}

/// The `Encoder` that builds a `JSONTree`.
final class TreeEncoder: Encoder {
    let snakeCase: Bool
    let keys: KeyCache
    let box: TreeBox
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(snakeCase: Bool, keys: KeyCache, box: TreeBox = TreeBox()) {
        self.snakeCase = snakeCase
        self.keys = keys
        self.box = box
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: ObjectBuilder
        if case .object(let existing) = box.content {
            builder = existing
        } else {
            builder = ObjectBuilder()
            box.content = .object(builder)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, object: builder))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let builder = ArrayBuilder()
        box.content = .array(builder)
        return UnkeyedContainer(encoder: self, array: builder)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// A box holding `value`, with fast paths for the common scalars.
    func boxed<T: Encodable>(_ value: T) throws -> TreeBox {
        let box = TreeBox()
        switch value {
        case let text as String: box.content = .value(.string(text))
        case let number as Int: box.content = .value(.number(String(number)))
        case let number as Double: box.content = .value(JSONTree.number(number))
        case let flag as Bool: box.content = .value(.bool(flag))
        default: try value.encode(to: child(box))
        }
        return box
    }

    func child(_ box: TreeBox) -> TreeEncoder { TreeEncoder(snakeCase: snakeCase, keys: keys, box: box) }

    func name(_ key: some CodingKey) -> String { snakeCase ? keys.snakeCase(key.stringValue) : key.stringValue }
}

struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let object: ObjectBuilder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        let box = TreeBox()
        object.members.append((encoder.name(key), box))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.members.append((encoder.name(key), try encoder.boxed(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let box = TreeBox()
        object.members.append((encoder.name(key), box))
        return encoder.child(box).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let box = TreeBox()
        object.members.append((encoder.name(key), box))
        return encoder.child(box).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let array: ArrayBuilder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(TreeBox()) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try encoder.boxed(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let box = TreeBox()
        array.items.append(box)
        return encoder.child(box).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = TreeBox()
        array.items.append(box)
        return encoder.child(box).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
}

struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.box.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.box.content = try encoder.boxed(value).content
    }
}

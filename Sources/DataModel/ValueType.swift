/// The static type of an inventory field or of an expression.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case string
    case int
    case number
    case bool
    case date
    /// A string restricted to `values` (in declaration order).
    case enumeration(values: [String])
    /// A list of elements of one type.
    case list(ValueType)
    /// A record of a collection declared in the schema, by collection name.
    case record(String)
    /// The type of the literal `null`.
    case null
    /// A value of a type that is not known statically (only used for recovery after an error).
    case unknown

    /// The name used in packs and messages: `string`, `list<date>`, `enum(umum|khusus)`.
    public var description: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .number: "number"
        case .bool: "bool"
        case .date: "date"
        case .enumeration(let values): "enum(\(values.joined(separator: "|")))"
        case .list(let element): "list<\(element)>"
        case .record(let name): "record<\(name)>"
        case .null: "null"
        case .unknown: "unknown"
        }
    }

    /// Whether values of this type are strings at run time (`string` and enums).
    public var isStringLike: Bool {
        switch self {
        case .string, .enumeration: true
        default: false
        }
    }

    /// Whether values of this type are numbers at run time (`int` and `number`).
    public var isNumeric: Bool {
        switch self {
        case .int, .number: true
        default: false
        }
    }
}

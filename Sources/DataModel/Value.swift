/// A runtime value of the expression language and of inventory fields.
///
/// `null` stands for "not known": an optional field the inventory leaves out, or a result that depends on one.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case date(Day)
    case list([Value])

    /// Whether this is `null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as it reads in a message: strings bare, lists joined with `, `, null as `-`.
    public var description: String {
        switch self {
        case .null: "-"
        case .bool(let value): value ? "ya" : "tidak"
        case .int(let value): String(value)
        case .number(let value): Value.format(value)
        case .string(let value): value
        case .date(let value): value.description
        case .list(let values): values.map(\.description).joined(separator: ", ")
        }
    }

    /// A number without a trailing `.0` when it is whole.
    public static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

import DataModel
import Foundation
import Inventories
import PropertyBased
import Testing
import YAMLSource

@testable import Authoring

/// The JSON Schema `spbe schema inventory` prints and the loader must accept the same values: an editor that
/// flags a value the tool reads, or passes one the tool refuses, misleads the person filling the inventory in.
///
/// Each generated text is taken as a plain YAML scalar: the loader types it (`ValueConversion`, YAML dialect)
/// from its text and YAML core resolution, and the schema sees the JSON value that resolution gives (a string,
/// an integer, a number or a boolean). The schema's constraints for one field are few (`type`, `anyOf`,
/// `enum`, `pattern`, `minimum`, `maximum`), so they are evaluated here, exactly as JSON Schema 2020-12 defines
/// them, rather than by a validator the machine does not have; `.ci/run` also validates the examples with
/// Python's `jsonschema`. Texts resolving to `null` (the field is then unknown, for both) and to YAML's `.inf`
/// and `.nan` (which JSON cannot write) are outside the domain.
@Suite("the inventory JSON Schema and the loader agree")
struct SchemaAgreementTests {
    /// Enum values that also read as YAML numbers and booleans, besides ordinary ones.
    static let enumValues = ["pdn", "pusat_data_pemda", "server_opd", "2020", "1.5", "true"]
    static let types: [ValueType] = [.string, .int, .number, .bool, .date, .enumeration(values: enumValues)]

    @Test("on 10,000 generated plain scalars per type", arguments: types)
    func agree(type: ValueType) async {
        let schema = JSONValue.object(InventoryJSONSchema.type(type, required: true))
        let checked = Counter()
        await propertyCheck(count: 10_000, input: Self.scalarText) { text in
            let kind = PlainScalarKind(resolving: text)
            guard let instance = Instance(text, kind) else { return }
            checked.add()
            let loader =
                (try? ValueConversion.value(text, resolved: kind, as: type, field: "f", dialect: .yaml).get()) != nil
            let schemaAccepts = SchemaFragment.accepts(schema, instance)
            #expect(
                loader == schemaAccepts, "\(type) '\(text)' (\(instance)): loader \(loader), schema \(schemaAccepts)")
        }
        #expect(checked.value >= 9_000, "most generated texts are in the domain")
    }

    @Test(
        "known drifts are gone",
        arguments: [
            (ValueType.bool, "Yes", true), (.bool, "y", true), (.bool, "BENAR", true), (.bool, "salah", true),
            (.bool, "1", false),
            (.int, "2016.0", true), (.int, "12345678901234567890123", false), (.int, "2016.5", false),
            (.number, "12345678901234567890123", true), (.date, "2024-02-30", false), (.date, "2024-02-29", true),
            (.string, "2020", true),
        ])
    func knownDrifts(type: ValueType, text: String, accepted: Bool) throws {
        let kind = PlainScalarKind(resolving: text)
        let instance = try #require(Instance(text, kind))
        let loader =
            (try? ValueConversion.value(text, resolved: kind, as: type, field: "f", dialect: .yaml).get()) != nil
        #expect(loader == accepted)
        #expect(SchemaFragment.accepts(.object(InventoryJSONSchema.type(type, required: true)), instance) == accepted)
    }

    /// Texts of every shape the types meet: integers (past 64 bits too), decimals, exponents, whole decimals,
    /// boolean words in mixed case, dates (impossible ones too, and `DD/MM/YYYY`), enum values, and other text.
    static let scalarText = Generator<String, Shrink.None<String>> { rng in
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        func digits(_ count: Int) -> String { String((0..<count).map { _ in pick(Array("0123456789")) }) }
        func mixedCase(_ word: String) -> String {
            String(word.map { Bool.random(using: &rng) ? Character($0.uppercased()) : $0 })
        }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return String(Int.random(in: Int.min...Int.max, using: &rng))
        case 1: return pick(["", "-", "+"]) + digits(Int.random(in: 1...25, using: &rng))
        case 2: return String(Double.random(in: -1e7...1e7, using: &rng))
        case 3: return "\(Int.random(in: -1_000_000...1_000_000, using: &rng)).\(pick(["0", "00", "5", "25"]))"
        case 4: return "\(Int.random(in: -99...99, using: &rng))e\(Int.random(in: -5...25, using: &rng))"
        case 5:
            let words =
                ValueConversion.trueWords.union(ValueConversion.falseWords).sorted() + [
                    "on", "off", "1", "0", "benarr", "t",
                ]
            return mixedCase(pick(words))
        case 6:
            let (year, month, day) = (
                Int.random(in: 0...10_000, using: &rng), Int.random(in: 0...13, using: &rng),
                Int.random(in: 0...32, using: &rng)
            )
            let iso = [String(format: "%04d", year), String(format: "%02d", month), String(format: "%02d", day)].joined(
                separator: "-")
            return Bool.random(using: &rng) ? iso : "\(day)/\(month)/\(year)"
        case 7: return Bool.random(using: &rng) ? pick(enumValues) : mixedCase(pick(enumValues))
        case 8:
            return pick([
                "0x1F", "0o17", ".5", "+3", "2,5", "1_000", "-0", "-0.0", "1.", "0x", "1e400", "~", "null", ".inf",
            ])
        default:
            let alphabet = Array("abcXYZ019 ,.-+:/_eE")
            return String((0..<Int.random(in: 0...8, using: &rng)).map { _ in pick(alphabet) })
        }
    }
}

/// The JSON value a plain scalar resolves to, for the schema.
private enum Instance: CustomStringConvertible {
    case string(String)
    case integer(Int)
    /// An integer literal past 64 bits (JSON numbers have no bound), negative or not.
    case bigInteger(negative: Bool)
    case number(Double)
    case bool(Bool)

    init?(_ text: String, _ kind: PlainScalarKind) {
        switch kind {
        case .int(let value): self = .integer(value)
        case .integerOverflow: self = .bigInteger(negative: text.hasPrefix("-"))
        case .float(let value) where value.isFinite: self = .number(value)
        case .bool(let value): self = .bool(value)
        case .string: self = .string(text)
        case .null, .float, .collection: return nil
        }
    }

    var description: String {
        switch self {
        case .string(let text): "string \(text)"
        case .integer(let value): "integer \(value)"
        case .bigInteger(let negative): negative ? "integer below -2^63" : "integer past 2^63"
        case .number(let value): "number \(value)"
        case .bool(let value): "boolean \(value)"
        }
    }
}

/// JSON Schema 2020-12's meaning of the keywords a field's schema uses.
private enum SchemaFragment {
    static func accepts(_ schema: JSONValue, _ instance: Instance) -> Bool {
        guard case .object(let keywords) = schema else { return true }
        if case .array(let options)? = keywords["anyOf"], !options.contains(where: { accepts($0, instance) }) {
            return false
        }
        if let type = keywords["type"] {
            let names: [JSONValue] = if case .array(let list) = type { list } else { [type] }
            guard names.contains(where: { if case .string(let name) = $0 { isOfType(instance, name) } else { false } })
            else { return false }
        }
        if case .string(let pattern)? = keywords["pattern"], case .string(let text) = instance, !matches(pattern, text)
        {
            return false
        }
        if case .array(let values)? = keywords["enum"], !values.contains(where: { equal($0, instance) }) {
            return false
        }
        if case .integer(let minimum)? = keywords["minimum"], let order = compare(instance, minimum), order < 0 {
            return false
        }
        if case .integer(let maximum)? = keywords["maximum"], let order = compare(instance, maximum), order > 0 {
            return false
        }
        return true
    }

    private static func isOfType(_ instance: Instance, _ name: String) -> Bool {
        switch (instance, name) {
        case (.string, "string"), (.bool, "boolean"), (.integer, "integer"), (.integer, "number"),
            (.bigInteger, "integer"),
            (.bigInteger, "number"), (.number, "number"):
            true
        // A number with a zero fractional part is an integer (JSON Schema 2020-12, section 6.1.1 of validation).
        case (.number(let value), "integer"): value.rounded(.towardZero) == value
        default: false
        }
    }

    private static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func equal(_ value: JSONValue, _ instance: Instance) -> Bool {
        switch (value, instance) {
        case (.string(let a), .string(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.integer(let a), .number(let b)): Int(exactly: b) == a
        case (.number(let a), .number(let b)): a == b
        case (.number(let a), .integer(let b)): Int(exactly: a) == b
        default: false
        }
    }

    /// The sign of `instance - bound`, exactly; nil for a non-number (the keyword then does not apply).
    private static func compare(_ instance: Instance, _ bound: Int) -> Int? {
        switch instance {
        case .integer(let value): return value < bound ? -1 : value > bound ? 1 : 0
        case .bigInteger(let negative): return negative ? -1 : 1
        case .number(let value):
            if value >= 9_223_372_036_854_775_808.0 { return 1 }
            if value < -9_223_372_036_854_775_808.0 { return -1 }
            let whole = Int(value.rounded(.down))
            if whole != bound { return whole < bound ? -1 : 1 }
            return Double(whole) == value ? 0 : 1
        case .string, .bool: return nil
        }
    }
}

/// Counts checked values across the property check's closure.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

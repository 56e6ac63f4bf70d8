import DataModel
import Inventories
import Packs
import YAMLSource

/// A JSON Schema (draft 2020-12) for inventory files, generated from a pack's schema so editors running
/// yaml-language-server complete field names and flag wrong values while an OPD fills its inventory in.
///
/// Each type's schema accepts exactly the values the loader (`ValueConversion`, YAML dialect) accepts, as YAML's
/// core schema resolves them: SchemaAgreementTests checks both on generated values.
public enum InventoryJSONSchema {
    /// Texts of boolean words, in any letter case (`ya`, `TIDAK`, `Benar`): a pattern of one bracket per letter,
    /// as JSON Schema's regular expressions have no case-insensitive flag.
    static var booleanWordPattern: String {
        let words = (ValueConversion.trueWords.union(ValueConversion.falseWords)).sorted()
        let alternatives = words.map { word in
            word.map { letter in "[\(letter.uppercased())\(letter.lowercased())]" }.joined()
        }
        return "^(?:" + alternatives.joined(separator: "|") + ")$"
    }

    /// `YYYY-MM-DD` of a day that exists (years 0001 to 9999; February 29 only in leap years), as `Day(iso:)`
    /// reads dates.
    static let datePattern =
        "^(?:(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        + "|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)$"

    /// The schema for inventories checked by `pack`.
    public static func generate(for pack: RulePack) -> JSONValue {
        let schema = pack.schema
        var properties: [String: JSONValue] = [
            "spbe_inventory": ["const": 1, "description": "Versi format inventaris spbe (1)."],
            schema.header.name: record(schema.header),
        ]
        for collection in schema.collections {
            var property: [String: JSONValue] = ["type": "array", "items": record(collection)]
            if let description = collection.description { property["description"] = .string(description.text()) }
            properties[collection.name] = .object(property)
        }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": .string("Inventaris OPD untuk paket \(pack.metadata.id) \(pack.metadata.version)"),
            "type": "object",
            "required": ["spbe_inventory", .string(schema.header.name)],
            "properties": .object(properties),
            "additionalProperties": false,
        ]
    }

    private static func record(_ record: RecordSchema) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in record.fields {
            var property = type(field.type, required: field.required)
            var described: [String] = []
            if let label = field.label { described.append(label) }
            if let description = field.description { described.append(description.text()) }
            if !described.isEmpty { property["description"] = .string(described.joined(separator: ": ")) }
            if let label = field.label { property["title"] = .string(label) }
            properties[field.name] = .object(property)
        }
        return [
            "type": "object",
            "properties": .object(properties),
            "required": .array(record.fields.filter(\.required).map { .string($0.name) }),
            "additionalProperties": false,
        ]
    }

    /// The schema of one field's value of `type` (also `null` unless `required`).
    static func type(_ type: ValueType, required: Bool) -> [String: JSONValue] {
        let base: [String: JSONValue] =
            switch type {
            // The loader keeps a plain scalar's text whatever YAML resolves it to (`name: 2020` is the text "2020").
            case .string: ["type": ["string", "number", "boolean"]]
            // A whole number that fits in 64 bits; `2016.0` is one too, as JSON Schema counts integers.
            case .int: ["type": "integer", "minimum": .integer(Int.min), "maximum": .integer(Int.max)]
            case .number: ["type": "number"]
            case .bool: ["anyOf": [["type": "boolean"], ["type": "string", "pattern": .string(booleanWordPattern)]]]
            case .date: ["type": "string", "format": "date", "pattern": .string(datePattern)]
            case .enumeration(let values): ["enum": .array(values.flatMap(enumForms))]
            case .list(let element): ["type": "array", "items": .object(Self.type(element, required: false))]
            case .record, .null, .unknown: [:]
            }
        // An optional field may be written empty (`null`): the tool reads it as unknown.
        return required ? base : ["anyOf": [.object(base), ["type": "null"]]]
    }

    /// An enum value as text, and as YAML resolves it when written plain (the value `2020` is also the number
    /// 2020 in a YAML file, which the loader reads by its text).
    private static func enumForms(_ value: String) -> [JSONValue] {
        switch PlainScalarKind(resolving: value) {
        case .int(let number): [.string(value), .integer(number)]
        case .float(let number) where number.isFinite: [.string(value), .number(number)]
        case .bool(let flag): [.string(value), .bool(flag)]
        default: [.string(value)]
        }
    }
}

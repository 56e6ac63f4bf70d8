import DataModel
import Packs

/// A JSON Schema (draft 2020-12) for inventory files, generated from a pack's schema so editors running
/// yaml-language-server complete field names and flag wrong values while an OPD fills its inventory in.
public enum InventoryJSONSchema {
    /// Words the tool accepts for booleans besides `true` and `false`.
    static let booleanWords: [JSONValue] = ["ya", "tidak", "yes", "no", "Ya", "Tidak", "YA", "TIDAK"]

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

    private static func type(_ type: ValueType, required: Bool) -> [String: JSONValue] {
        let base: [String: JSONValue] = switch type {
        case .string: ["type": "string"]
        case .int: ["type": "integer"]
        case .number: ["type": "number"]
        case .bool: ["anyOf": [["type": "boolean"], ["enum": .array(booleanWords)]]]
        case .date: ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .enumeration(let values): ["enum": .array(values.map { .string($0) })]
        case .list(let element): ["type": "array", "items": .object(Self.type(element, required: false))]
        case .record, .null, .unknown: [:]
        }
        // An optional field may be written empty (`null`): the tool reads it as unknown.
        return required ? base : ["anyOf": [.object(base), ["type": "null"]]]
    }
}

import DataModel

/// Writes an inventory as JSON in the inventory format, fields in schema order and unknown (null) fields left
/// out, so a JSON inventory reads like its YAML twin.
enum JSONInventoryWriter {
    /// The whole inventory as pretty-printed JSON ending with a newline.
    static func text(_ inventory: InventoryData, schema: InventorySchema) -> String {
        var members = [
            "  \"spbe_inventory\": 1",
            "  \(YAMLText.quoted(schema.header.name)): " + object(inventory.header, schema.header, indent: "  "),
        ]
        for (slot, collection) in schema.collections.enumerated() {
            let records = inventory.collections[slot]
            let items = records.map { "    " + object($0, collection, indent: "    ") }
            let list = items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
            members.append("  \(YAMLText.quoted(collection.name)): " + list)
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    private static func object(_ record: Record, _ schema: RecordSchema, indent: String) -> String {
        let fields = schema.fields.indices.filter { !record.values[$0].isNull }.map { index in
            "\(indent)  \(YAMLText.quoted(schema.fields[index].name)): " + json(record.values[index])
        }
        return fields.isEmpty ? "{}" : "{\n" + fields.joined(separator: ",\n") + "\n\(indent)}"
    }

    private static func json(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .number(let number): NumberText.shortest(number)
        case .date(let day): "\"\(day)\""
        case .string(let text): YAMLText.quoted(text)
        case .list(let items): "[" + items.map(json).joined(separator: ", ") + "]"
        }
    }
}

import DataModel

/// Writes an inventory as YAML in the inventory format: `spbe_inventory: 1`, the `opd:` header and each
/// collection as a list of records, fields in schema order, unknown (null) fields left out.
enum YAMLInventoryWriter {
    /// The whole inventory as YAML text.
    static func text(_ inventory: InventoryData, schema: InventorySchema, banner: String? = nil) -> String {
        var lines = banner.map { ["# \($0)"] } ?? []
        lines += header(inventory.header, schema: schema.header, guide: false)
        for (slot, collection) in schema.collections.enumerated() {
            let records = inventory.collections[slot]
            guard !records.isEmpty else {
                lines.append("\(collection.name): []")
                continue
            }
            lines.append("\(collection.name):")
            for record in records {
                var first = true
                for (index, field) in collection.fields.enumerated() where !record.values[index].isNull {
                    lines.append((first ? "  - " : "    ") + "\(field.name): " + YAMLText.scalar(record.values[index]))
                    first = false
                }
                if first { lines.append("  - {}") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `spbe_inventory: 1` and the `opd:` header; with `guide`, every field of the schema is written (unknown
    /// ones empty) under a comment saying what it holds, as in the header file of a CSV inventory.
    static func header(_ record: Record, schema: RecordSchema, guide: Bool) -> [String] {
        var lines = ["spbe_inventory: 1", "\(schema.name):"]
        for (index, field) in schema.fields.enumerated() {
            let value = record.values[index]
            if value.isNull && !guide { continue }
            if guide {
                lines.append(
                    "  # " + ColumnGuide.text(for: field).split(whereSeparator: \.isNewline).joined(separator: " "))
            }
            lines.append("  \(field.name):" + (value.isNull ? "" : " " + YAMLText.scalar(value)))
        }
        return lines
    }
}

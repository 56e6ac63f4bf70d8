import DataModel
import Packs

/// A new, commented inventory generated from a pack's schema: one example record per collection with the
/// required fields filled in, and every optional field listed in a comment with its type and allowed values.
public enum InventoryScaffold {
    /// The inventory's YAML text; `schemaFile` is named in the yaml-language-server line.
    public static func yaml(for pack: RulePack, schemaFile: String) -> String {
        var lines = [
            "# yaml-language-server: $schema=\(schemaFile)",
            "# Inventaris OPD untuk paket \(pack.metadata.id) \(pack.metadata.version). Isi, lalu periksa dengan: spbe check FILE",
            "# Kolom yang dikosongkan dianggap belum diketahui (dilaporkan 'belum terbukti', bukan 'gagal').",
            "spbe_inventory: 1",
            "\(pack.schema.header.name):",
        ]
        lines += record(pack.schema.header, indent: "  ", first: "  ")
        for collection in pack.schema.collections {
            lines.append("")
            if let description = collection.description { lines.append("# \(description.text())") }
            lines.append("\(collection.name):")
            lines += record(collection, indent: "    ", first: "  - ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func record(_ record: RecordSchema, indent: String, first: String) -> [String] {
        var lines: [String] = []
        for field in record.fields {
            let prefix = lines.isEmpty ? first : indent
            let label = field.label.map { "  # \($0)" } ?? ""
            if field.required {
                lines.append("\(prefix)\(field.name): \(placeholder(field))\(label)")
            } else {
                lines.append("\(prefix)# \(field.name): \(hint(field.type))\(label)")
            }
        }
        return lines
    }

    private static func placeholder(_ field: FieldSchema) -> String {
        switch field.type {
        case .enumeration(let values): values.first ?? "\"\""
        case .int: "0"
        case .number: "0"
        case .bool: "false"
        case .date: "2025-01-01"
        case .list: "[]"
        default: "\"TODO \(field.name)\""
        }
    }

    private static func hint(_ type: ValueType) -> String {
        switch type {
        case .enumeration(let values): values.joined(separator: " | ")
        case .list(let element): "[\(hint(element)), …]"
        case .date: "YYYY-MM-DD"
        case .bool: "ya | tidak"
        default: type.description
        }
    }
}

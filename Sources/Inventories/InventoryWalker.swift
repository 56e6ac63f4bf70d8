import DataModel
import Diagnostics
import YAMLSource

/// Walks an inventory document: top-level sections, records, and each field through `ValueReader`.
struct InventoryWalker {
    let schema: InventorySchema
    let file: String
    var diagnostics = DiagnosticBag()

    init(schema: InventorySchema, file: String) {
        self.schema = schema
        self.file = file
    }

    mutating func inventory(_ root: YAMLNode?) -> InventoryData? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root else {
            diagnostics.error("inventory.empty", "the inventory file is empty", at: start)
            return nil
        }
        guard let entries = root.mappingEntries else {
            diagnostics.error(
                "inventory.expected_mapping", "an inventory must be a mapping with 'opd:' and collections such as 'applications:'",
                at: root.location
            )
            return nil
        }
        var header: Record?
        var collections = [[Record]](repeating: [], count: schema.collections.count)
        let known = [InventoryLoader.formatKey, "opd"] + schema.collections.map(\.name)
        for entry in entries {
            guard let key = entry.key.scalar else {
                diagnostics.error("inventory.invalid_key", "top-level keys must be plain names", at: entry.key.location)
                continue
            }
            switch key {
            case InventoryLoader.formatKey:
                checkFormat(entry.value)
            case "opd":
                header = record(entry.value, of: schema.header, index: 0)
            default:
                if let slot = schema.collectionSlot(of: key) {
                    collections[slot] = records(entry.value, of: schema.collections[slot])
                } else {
                    diagnostics.warning(
                        "inventory.unknown_section", "unknown section '\(key)' is ignored", at: entry.key.location,
                        suggestion: Suggestion.didYouMean(key, among: known) ?? "sections: \(known.joined(separator: ", "))"
                    )
                }
            }
        }
        guard let header else {
            if !diagnostics.hasErrors {
                diagnostics.error("inventory.missing_opd", "the inventory has no 'opd:' section (id, name, pemda …)", at: root.location)
            }
            return nil
        }
        return InventoryData(source: file, header: header, collections: collections)
    }

    private mutating func checkFormat(_ node: YAMLNode) {
        guard case .int(let version) = node.plainScalarKind, version == 1 else {
            diagnostics.error(
                "inventory.unsupported_format", "unsupported inventory format '\(node.scalar ?? "?")'", at: node.location,
                suggestion: "this version of spbe reads 'spbe_inventory: 1'"
            )
            return
        }
    }

    private mutating func records(_ node: YAMLNode, of recordSchema: RecordSchema) -> [Record] {
        if node.isNull { return [] }
        guard let items = node.sequenceItems else {
            diagnostics.error(
                "inventory.expected_list", "'\(recordSchema.name)' must be a list of records (each starting with '- ')",
                at: node.location
            )
            return []
        }
        var result: [Record] = []
        result.reserveCapacity(items.count)
        var seen: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            guard let record = record(item, of: recordSchema, index: index) else { continue }
            if let first = seen[record.key] {
                diagnostics.warning(
                    "inventory.duplicate_id", "another record of '\(recordSchema.name)' has the id '\(record.key)' (first at line \(first.line))",
                    at: record.location
                )
            } else {
                seen[record.key] = record.location
            }
            result.append(record)
        }
        return result
    }

    private mutating func record(_ node: YAMLNode, of recordSchema: RecordSchema, index: Int) -> Record? {
        guard let entries = node.mappingEntries else {
            diagnostics.error(
                "inventory.expected_mapping", "each record of '\(recordSchema.name)' must be a mapping of field: value",
                at: node.location
            )
            return nil
        }
        var values = [Value](repeating: .null, count: recordSchema.fields.count)
        var reader = ValueReader()
        for entry in entries {
            guard let name = entry.key.scalar else {
                diagnostics.error("inventory.invalid_key", "field names must be plain names", at: entry.key.location)
                continue
            }
            guard let slot = recordSchema.slot(of: name) else {
                diagnostics.warning(
                    "inventory.unknown_field", "unknown field '\(name)' on \(recordSchema.name) is ignored", at: entry.key.location,
                    suggestion: Suggestion.didYouMean(name, among: recordSchema.fieldNames)
                )
                continue
            }
            values[slot] = reader.value(entry.value, as: recordSchema.fields[slot].type, field: recordSchema.qualifiedNames[slot])
        }
        diagnostics.report(contentsOf: reader.diagnostics)
        for slot in recordSchema.fields.indices where recordSchema.fields[slot].required && values[slot].isNull {
            diagnostics.error(
                "inventory.missing_field", "\(recordSchema.name) record is missing required field '\(recordSchema.fields[slot].name)'",
                at: node.location
            )
        }
        let key = RecordKey.make(values, schema: recordSchema, index: index)
        return Record(values: values, location: node.location, key: key)
    }
}

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
            diagnostics.report(.inventoryEmpty(at: start))
            return nil
        }
        guard let entries = root.mappingEntries else {
            diagnostics.report(.inventoryNotMapping(at: root.location))
            return nil
        }
        var header: Record?
        var collections = [[Record]](repeating: [], count: schema.collections.count)
        let known = [InventoryLoader.formatKey, "opd"] + schema.collections.map(\.name)
        for entry in entries {
            guard let key = entry.key.scalar else {
                diagnostics.report(.invalidSectionKey(at: entry.key.location))
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
                    diagnostics.report(.unknownSection(key, known: known, at: entry.key.location))
                }
            }
        }
        guard let header else {
            if !diagnostics.hasErrors {
                diagnostics.report(.missingOPD(at: root.location))
            }
            return nil
        }
        return InventoryData(source: file, header: header, collections: collections)
    }

    private mutating func checkFormat(_ node: YAMLNode) {
        guard case .int(let version) = node.plainScalarKind, version == 1 else {
            diagnostics.report(.unsupportedInventoryFormat(node.scalar, at: node.location))
            return
        }
    }

    private mutating func records(_ node: YAMLNode, of recordSchema: RecordSchema) -> [Record] {
        if node.isNull { return [] }
        guard let items = node.sequenceItems else {
            diagnostics.report(.expectedRecordList(of: recordSchema, at: node.location))
            return []
        }
        var result: [Record] = []
        result.reserveCapacity(items.count)
        var seen: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            guard let record = record(item, of: recordSchema, index: index) else { continue }
            if let first = seen[record.key] {
                diagnostics.report(.duplicateRecordID(record.key, of: recordSchema, first: first, at: record.location))
            } else {
                seen[record.key] = record.location
            }
            result.append(record)
        }
        return result
    }

    private mutating func record(_ node: YAMLNode, of recordSchema: RecordSchema, index: Int) -> Record? {
        guard let entries = node.mappingEntries else {
            diagnostics.report(.recordNotMapping(of: recordSchema, at: node.location))
            return nil
        }
        var values = [Value](repeating: .null, count: recordSchema.fields.count)
        var reader = ValueReader()
        for entry in entries {
            guard let name = entry.key.scalar else {
                diagnostics.report(.invalidFieldKey(at: entry.key.location))
                continue
            }
            guard let slot = recordSchema.slot(of: name) else {
                diagnostics.report(.unknownRecordField(name, of: recordSchema, at: entry.key.location))
                continue
            }
            values[slot] = reader.value(
                entry.value, as: recordSchema.fields[slot].type, field: recordSchema.qualifiedNames[slot])
        }
        diagnostics.report(contentsOf: reader.diagnostics)
        for slot in recordSchema.fields.indices where recordSchema.fields[slot].required && values[slot].isNull {
            diagnostics.report(.missingRecordField(recordSchema.fields[slot].name, of: recordSchema, at: node.location))
        }
        let key = RecordKey.make(values, schema: recordSchema, index: index)
        return Record(values: values, location: node.location, key: key)
    }
}

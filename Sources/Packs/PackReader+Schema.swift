import DataModel
import Diagnostics
import YAMLSource

extension PackReader {
    static let scalarTypeNames = ["string", "int", "number", "bool", "date", "enum"]
    static let typeNames = scalarTypeNames + ["list"]

    /// The schema section; a pack that extends another may give only the fields it adds (no `opd:` needed).
    func schema(_ node: YAMLNode, extending: Bool = false) -> InventorySchema? {
        guard
            let entries = fields(
                node, of: "schema", allowed: ["opd", "collections"], required: extending ? [] : ["opd", "collections"]
            )
        else { return nil }
        let header: RecordSchema
        if let opd = entries["opd"] {
            guard let record = recordSchema(opd, name: "opd") else { return nil }
            header = record
        } else {
            header = RecordSchema(name: "opd", fields: [])
        }
        var collections: [RecordSchema] = []
        if let node = entries["collections"] {
            if let items = node.mappingEntries {
                for item in items {
                    guard let name = string(item.key, "collection name") else { continue }
                    if name == "opd" || PackReader.reservedNames.contains(name) {
                        report(.reservedCollectionName(name, at: item.key.location))
                        continue
                    }
                    if let record = recordSchema(item.value, name: name) {
                        collections.append(record)
                    } else {
                        gaps.brokenFields.insert(name)
                    }
                }
            } else {
                report(.collectionsNotMapping(at: node.location))
            }
        }
        return InventorySchema(header: header, collections: collections)
    }

    /// Names an inventory file uses for itself, which no collection may take.
    static let reservedNames: Set<String> = ["spbe_inventory", "as_of", "self", "it"]

    private func recordSchema(_ node: YAMLNode, name: String) -> RecordSchema? {
        guard
            let entries = fields(
                node, of: "record type '\(name)'", allowed: ["description", "fields"], required: ["fields"]),
            let fieldsNode = entries["fields"]
        else { return nil }
        guard let items = fieldsNode.mappingEntries else {
            report(.fieldsNotMapping(of: name, at: fieldsNode.location))
            return nil
        }
        var fields: [FieldSchema] = []
        for item in items {
            guard let fieldName = string(item.key, "field name") else { continue }
            if !PackReader.isIdentifier(fieldName) {
                report(.invalidFieldName(fieldName, at: item.key.location))
                continue
            }
            if let field = fieldSchema(item.value, name: fieldName, location: item.key.location) {
                fields.append(field)
            } else {
                gaps.brokenFields.insert(fieldName)
            }
        }
        return RecordSchema(
            name: name, fields: fields, description: localized(entries["description"], "description"),
            location: node.location)
    }

    private func fieldSchema(_ node: YAMLNode, name: String, location: SourceLocation) -> FieldSchema? {
        guard
            let entries = fields(
                node, of: "field '\(name)'",
                allowed: ["type", "required", "values", "value_labels", "of", "label", "description"],
                required: ["type"]
            ), let type = fieldType(entries, field: name)
        else { return nil }
        return FieldSchema(
            name: name, type: type,
            required: entries["required"].flatMap { bool($0, "required") } ?? false,
            description: localized(entries["description"], "field description"),
            label: entries["label"].flatMap { string($0, "label") },
            valueLabels: entries["value_labels"].map { valueLabels($0, of: type, field: name) } ?? [:],
            location: location
        )
    }

    /// `value_labels:`, a text for some of an enumeration's values (of a list's elements, for a list of them).
    private func valueLabels(_ node: YAMLNode, of type: ValueType, field: String) -> [String: String] {
        let values: [String] =
            switch type {
            case .enumeration(let values), .list(.enumeration(let values)): values
            default: []
            }
        guard let entries = fields(node, of: "value_labels of field '\(field)'", allowed: values) else { return [:] }
        return entries.compactMapValues { string($0, "the label of a value of '\(field)'") }
    }

    private func fieldType(_ entries: [String: YAMLNode], field: String) -> ValueType? {
        guard let typeNode = entries["type"], let typeName = string(typeNode, "type") else { return nil }
        switch typeName {
        case "list":
            guard let ofNode = entries["of"] else {
                report(.missingElementType(field: field, at: typeNode.location))
                return nil
            }
            guard let element = scalarType(ofNode, values: entries["values"], field: field) else { return nil }
            return .list(element)
        default:
            if let of = entries["of"] {
                report(.elementTypeOutsideList(at: of.location))
            }
            return scalarType(typeNode, values: entries["values"], field: field)
        }
    }

    private func scalarType(_ node: YAMLNode, values: YAMLNode?, field: String) -> ValueType? {
        guard let name = string(node, "type") else { return nil }
        switch name {
        case "string": return .string
        case "int": return .int
        case "number": return .number
        case "bool": return .bool
        case "date": return .date
        case "enum":
            let allowed = strings(values, "values")
            guard !allowed.isEmpty else {
                report(.missingEnumValues(field: field, at: node.location))
                return nil
            }
            return .enumeration(values: allowed)
        default:
            report(.unknownFieldType(name, field: field, types: PackReader.typeNames, at: node.location))
            return nil
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}

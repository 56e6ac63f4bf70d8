import DataModel
import Diagnostics

/// Lays an inventory out as sheets, refusing (with a `convert.lossy` error at the record) every value a cell
/// could not give back unchanged: empty text, text with spaces at either end, a first-column text starting with
/// `#`, and lists that are empty, hold an unknown item, or hold an item with `;` or spaces at either end.
struct CellEncoder {
    private(set) var diagnostics = DiagnosticBag()

    /// The grids of every collection of `schema`, in schema order.
    mutating func grids(_ inventory: InventoryData, schema: InventorySchema) -> [SheetGrid] {
        schema.collections.enumerated().map { slot, collection in
            SheetGrid(
                name: collection.name, fields: collection.fields,
                rows: inventory.collections[slot].map { record in
                    collection.fields.indices.map { index in
                        cell(
                            record.values[index], field: "\(collection.name).\(collection.fields[index].name)",
                            firstColumn: index == 0, record: record)
                    }
                })
        }
    }

    /// The cell of one value; `.empty` (and a diagnostic) when it cannot be written without loss.
    mutating func cell(_ value: Value, field: String, firstColumn: Bool, record: Record) -> OutputCell {
        switch value {
        case .null: return .empty
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .number(String(number))
        case .number(let number): return .number(NumberText.shortest(number))
        case .date(let day): return .date(day)
        case .string(let text):
            guard check(text, field: field, record: record) else { return .empty }
            if firstColumn && text.hasPrefix("#") {
                return lossy(field, record, "starts with '#', which marks a comment row in a sheet")
            }
            return .text(text)
        case .list(let items):
            guard !items.isEmpty else {
                return lossy(field, record, "is an empty list, which a cell cannot tell from unknown")
            }
            var parts: [String] = []
            for item in items {
                guard let text = itemText(item) else { return lossy(field, record, "holds an unknown (null) item") }
                guard check(text, field: field, record: record) else { return .empty }
                guard !text.contains(CellValueReader.listSeparator) else {
                    return lossy(field, record, "has an item containing ';', the separator of list items in a cell")
                }
                parts.append(text)
            }
            return .text(parts.joined(separator: "\(CellValueReader.listSeparator) "))
        }
    }

    private func itemText(_ item: Value) -> String? {
        switch item {
        case .null, .list: nil
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): NumberText.shortest(number)
        default: item.description
        }
    }

    private mutating func check(_ text: String, field: String, record: Record) -> Bool {
        if text.isEmpty {
            _ = lossy(field, record, "is empty text, which a cell cannot tell from unknown")
            return false
        }
        if text.trimmingWhitespace != text {
            _ = lossy(
                field, record, "has spaces or line breaks at the start or end, which are trimmed when a cell is read")
            return false
        }
        return true
    }

    private mutating func lossy(_ field: String, _ record: Record, _ reason: String) -> OutputCell {
        diagnostics.error(
            "convert.lossy", "\(field) of '\(record.key)' \(reason)", at: record.location,
            suggestion: "change the value, or keep this inventory in YAML or JSON")
        return .empty
    }
}

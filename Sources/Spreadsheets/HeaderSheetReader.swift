import DataModel
import Diagnostics
import Inventories
import YAMLSource

/// Reads the header sheet of a workbook (`opd`): one row per field, the field's name or label in column A and
/// its value in column B; further columns are notes. Comment rows (column A starting with `#`) and blank rows
/// are skipped; a row `spbe_inventory` gives the format version, which must be 1.
struct HeaderSheetReader {
    let schema: RecordSchema
    private let matcher: FieldMatcher
    private(set) var diagnostics = DiagnosticBag()

    init(schema: RecordSchema) {
        self.schema = schema
        matcher = FieldMatcher(schema)
    }

    /// The header record; its location is the sheet's first cell.
    mutating func header(_ table: SheetTable) -> Record {
        var values = [Value](repeating: .null, count: schema.fields.count)
        var rows: [Int: SourceLocation] = [:]
        var reader = CellValueReader()
        for row in table.rows where !row.isComment {
            guard let nameCell = row.cells[1], let name = nameCell.trimmedText, !name.isEmpty else { continue }
            if name.lowercased() == "spbe_inventory" {
                checkFormat(row.cells[2], at: table.location(line: row.location.line, column: 2))
                continue
            }
            guard let slot = matcher.slot(of: name) else {
                diagnostics.report(
                    .unknownHeaderField(name, suggestion: matcher.suggestion(for: name), at: nameCell.location))
                continue
            }
            if let first = rows[slot] {
                diagnostics.report(.duplicateHeaderField(schema.fields[slot].name, first: first, at: nameCell.location))
                continue
            }
            rows[slot] = nameCell.location
            values[slot] = reader.value(row.cells[2], field: schema.fields[slot], collection: schema.name)
        }
        diagnostics.report(contentsOf: reader.diagnostics)
        let failed = Set(reader.diagnostics.map(\.location))
        for (slot, field) in schema.fields.enumerated() where field.required && values[slot].isNull {
            let location =
                rows[slot].map { table.location(line: $0.line, column: 2) } ?? table.location(line: 1, column: 1)
            if !failed.contains(location) {
                diagnostics.report(.missingValue(field.name, collection: schema.name, at: location))
            }
        }
        return Record(
            values: values, location: table.location(line: 1, column: 1),
            key: RecordKey.make(values, schema: schema, index: 0))
    }

    private mutating func checkFormat(_ cell: SheetCell?, at location: SourceLocation) {
        let text = cell?.trimmedText ?? ""
        switch PlainScalarKind(resolving: text) {
        case .int(1): return
        case .float(let value) where value == 1: return
        default: diagnostics.report(.unsupportedFormat(text, at: cell?.location ?? location))
        }
    }
}

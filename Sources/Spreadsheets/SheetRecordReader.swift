import DataModel
import Diagnostics
import Inventories

/// Turns the rows of one table into the records of one collection.
///
/// The first row that is neither blank nor a comment (first cell starting with `#`) is the header: each cell
/// names a field by its schema name or label; rows above a later row naming two fields or more, among the first
/// ten, are a title block, skipped with a note. Later comment rows and blank rows are skipped; every other row is
/// a record whose cells are typed by their column's field, a cell merged down a field's column counting in each
/// row of the merge (with a note).
struct SheetRecordReader {
    let schema: RecordSchema
    private let matcher: FieldMatcher
    private(set) var diagnostics = DiagnosticBag()

    init(schema: RecordSchema) {
        self.schema = schema
        matcher = FieldMatcher(schema)
    }

    /// The records of `table`, in row order.
    mutating func records(_ table: SheetTable) -> [Record] {
        var rows = table.rows.filter { !$0.isComment && !$0.isBlank }[...]
        skipTitle(&rows)
        guard let headerRow = rows.popFirst() else { return [] }
        let columns = columnSlots(headerRow)
        let merged = expandingMerges(Array(rows), columns: columns, below: headerRow.location.line, table: table)
        let missingColumns = Set(
            schema.fields.indices.filter { slot in schema.fields[slot].required && !columns.values.contains(slot) })
        for slot in missingColumns.sorted() {
            diagnostics.report(
                .missingColumn(schema.fields[slot].name, collection: schema.name, at: headerRow.location))
        }
        var unnamedWarned: Set<Int> = []
        var seen: [String: SourceLocation] = [:]
        var result: [Record] = []
        for row in merged {
            for (column, cell) in row.cells
            where columns[column] == nil && headerRow.cells[column] == nil
                && !(cell.trimmedText?.isEmpty ?? false) && unnamedWarned.insert(column).inserted
            {
                diagnostics.report(.unnamedColumn(collection: schema.name, at: cell.location))
            }
            let record = record(
                row, columns: columns, missingColumns: missingColumns, table: table, index: result.count)
            if let first = seen[record.key] {
                diagnostics.report(
                    .duplicateRecordID(record.key, collection: schema.name, first: first, at: record.location))
            } else {
                seen[record.key] = record.location
            }
            result.append(record)
        }
        return result
    }

    /// Drops a title block: the rows above the first of the first ten rows whose cells name two fields or more,
    /// when that is not the first row.
    private mutating func skipTitle(_ rows: inout ArraySlice<SheetRow>) {
        let named = rows.prefix(10).firstIndex { row in
            row.cells.values.compactMap(\.trimmedText).filter { matcher.slot(of: $0) != nil }.count >= 2
        }
        guard let named, named > rows.startIndex, let first = rows.first else { return }
        diagnostics.report(.titleRows(named - rows.startIndex, header: rows[named].location.line, at: first.location))
        rows = rows[named...]
    }

    /// `rows` with the value of each vertical merge in a field's column below the header copied into the merge's
    /// other rows that leave that cell empty, each merge noted once.
    private mutating func expandingMerges(_ rows: [SheetRow], columns: [Int: Int], below header: Int, table: SheetTable)
        -> [SheetRow]
    {
        let merges = table.verticalMerges.filter { columns[$0.column] != nil && $0.rows.lowerBound > header }
        guard !merges.isEmpty else { return rows }
        var result = rows
        for merge in merges {
            guard let top = rows.first(where: { $0.location.line == merge.rows.lowerBound })?.cells[merge.column] else {
                continue
            }
            var filled = false
            for index in result.indices
            where merge.rows.contains(result[index].location.line)
                && result[index].location.line != merge.rows.lowerBound
                && result[index].cells[merge.column] == nil
            {
                var cells = result[index].cells
                var cell = SheetCell(
                    location: table.location(line: result[index].location.line, column: merge.column),
                    content: top.content)
                cell.isNumber = top.isNumber
                cells[merge.column] = cell
                result[index] = SheetRow(location: result[index].location, cells: cells)
                filled = true
            }
            if filled {
                let letters = SourceLocation.columnLetters(merge.column)
                diagnostics.report(
                    .mergedCells(
                        "\(letters)\(merge.rows.lowerBound):\(letters)\(merge.rows.upperBound)",
                        first: "\(letters)\(merge.rows.lowerBound)",
                        at: top.location
                    ))
            }
        }
        return result
    }

    /// Field slot by column number; unknown and repeated headers are reported.
    private mutating func columnSlots(_ header: SheetRow) -> [Int: Int] {
        var columns: [Int: Int] = [:]
        var firstColumn: [Int: SourceLocation] = [:]
        for (column, cell) in header.cells.sorted(by: { $0.key < $1.key }) {
            guard let name = cell.trimmedText, !name.isEmpty else { continue }
            guard let slot = matcher.slot(of: name) else {
                diagnostics.report(
                    .unknownColumn(
                        name, collection: schema.name, suggestion: matcher.suggestion(for: name), at: cell.location))
                continue
            }
            if let first = firstColumn[slot] {
                diagnostics.report(.duplicateColumn(schema.fields[slot].name, first: first, at: cell.location))
                continue
            }
            firstColumn[slot] = cell.location
            columns[column] = slot
        }
        return columns
    }

    private mutating func record(
        _ row: SheetRow, columns: [Int: Int], missingColumns: Set<Int>, table: SheetTable, index: Int
    ) -> Record {
        var values = [Value](repeating: .null, count: schema.fields.count)
        var reader = CellValueReader(dialect: table.decimalComma ? .decimalCommaCell : .cell, date1904: table.date1904)
        for (column, slot) in columns.sorted(by: { $0.key < $1.key }) {
            values[slot] = reader.value(row.cells[column], field: schema.fields[slot], collection: schema.name)
        }
        diagnostics.report(contentsOf: reader.diagnostics)
        let failed = Set(reader.diagnostics.map(\.location))
        for (column, slot) in columns.sorted(by: { $0.key < $1.key })
        where schema.fields[slot].required && values[slot].isNull && !missingColumns.contains(slot) {
            let location = row.cells[column]?.location ?? table.location(line: row.location.line, column: column)
            if !failed.contains(location) {
                diagnostics.report(.missingValue(schema.fields[slot].name, collection: schema.name, at: location))
            }
        }
        return Record(values: values, location: row.location, key: RecordKey.make(values, schema: schema, index: index))
    }
}

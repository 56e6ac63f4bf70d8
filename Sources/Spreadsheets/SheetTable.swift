import Diagnostics
import OutputSafety

/// What one cell holds once read: text (numbers, booleans and dates already written as text the value
/// conversion reads), or a spreadsheet error such as `#N/A`.
enum CellContent: Sendable, Hashable {
    case text(String)
    case error(String)
    /// A formula whose value the workbook does not store (as generators such as openpyxl write them): the
    /// formula's text, empty for a cell that shares another cell's formula.
    case formulaWithoutValue(String)
}

/// One non-empty cell and where a person finds it.
struct SheetCell: Sendable {
    /// The cell's position: CSV line and column, or workbook sheet, row and column.
    let location: SourceLocation
    /// What it holds.
    let content: CellContent
    /// Whether a workbook stores it as a number (a General or number cell; a serial date without a date style).
    var isNumber = false

    /// The text with surrounding whitespace removed; nil for an error cell.
    var trimmedText: String? {
        guard case .text(let text) = content else { return nil }
        return text.trimmingWhitespace
    }
}

/// One row of a table: its cells by 1-based column number (empty cells are absent).
struct SheetRow: Sendable {
    /// Where the row starts (column 1).
    let location: SourceLocation
    /// The cells by column.
    let cells: [Int: SheetCell]

    /// Whether every cell is empty or blank.
    var isBlank: Bool { cells.values.allSatisfy { $0.trimmedText?.isEmpty ?? false } }

    /// Whether this is a comment row: its first cell starts with `#` (the guide row of templates, say).
    var isComment: Bool { cells[1]?.trimmedText?.hasPrefix("#") ?? false }
}

/// A table read from a CSV file or a workbook sheet: rows in order, with their positions.
struct SheetTable: Sendable {
    /// The file it comes from.
    let file: String
    /// The workbook sheet, nil for CSV.
    let sheet: String?
    /// The rows, in order; blank rows may be absent.
    var rows: [SheetRow]
    /// Whether numbers may be written with a decimal comma (`2,5`): in a semicolon- or tab-delimited CSV file.
    var decimalComma = false
    /// Whether the workbook counts serial dates from 1904 (for numbers read as dates).
    var date1904 = false
    /// The merged ranges of a workbook sheet that span one column and several rows.
    var verticalMerges: [VerticalMerge] = []

    /// The table with the text of each cell as it was before a CSV writer neutralised it as a formula
    /// (`SpreadsheetFormula`): for CSV files, so `inventory convert` round-trips.
    func restoringFormulaText() -> SheetTable {
        let restored = rows.map { row in
            SheetRow(
                location: row.location,
                cells: row.cells.mapValues { cell in
                    guard case .text(let text) = cell.content else { return cell }
                    return SheetCell(location: cell.location, content: .text(SpreadsheetFormula.restored(text)))
                })
        }
        var table = self
        table.rows = restored
        return table
    }

    /// A location in this table (1-based line or row, 1-based column).
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, sheet: sheet)
    }
}

/// Cells of one column merged over several rows: the value is in the first cell only.
struct VerticalMerge: Sendable, Hashable {
    /// The 1-based column.
    let column: Int
    /// The 1-based rows, the first holding the value.
    let rows: ClosedRange<Int>
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    var trimmingWhitespace: String {
        // Most cells start and end with a visible ASCII character: nothing to trim, no Unicode property lookups.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

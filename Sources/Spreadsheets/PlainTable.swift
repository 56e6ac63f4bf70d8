import Diagnostics

/// A table read from a CSV file or a workbook sheet for a front end that checks its cells itself (the portal's
/// official results): rows in order, each cell with its position, so every error can name its cell (`hasil!C12`).
public struct PlainTable: Sendable {
    /// One non-empty cell.
    public struct Cell: Sendable {
        /// Where it is: the sheet and cell of a workbook, the line and column of a CSV file.
        public let location: SourceLocation
        /// Its text, trimmed; nil for a spreadsheet error (`#N/A`) or a formula whose value the file does not store.
        public let text: String?
    }

    /// One row: its cells by 1-based column number (empty cells are absent).
    public struct Row: Sendable {
        /// Where the row starts (its first column).
        public let location: SourceLocation
        /// The cells by column.
        public let cells: [Int: Cell]

        /// The trimmed text of column `column`, empty when the cell is empty.
        public func text(_ column: Int) -> String { cells[column]?.text ?? "" }

        /// Whether every cell is empty.
        public var isBlank: Bool { cells.values.allSatisfy { $0.text?.isEmpty ?? false } }
    }

    /// The sheet's name, nil for a CSV file.
    public let sheet: String?
    /// The rows, in order; blank rows may be absent.
    public let rows: [Row]

    /// A location in the table (1-based row or line, 1-based column), for an error about a cell that is empty.
    public func location(file: String, row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column, sheet: sheet)
    }
}

extension PlainTable {
    init(_ table: SheetTable) {
        sheet = table.sheet
        rows = table.rows.map { row in
            Row(
                location: row.location,
                cells: row.cells.mapValues { cell in
                    Cell(location: cell.location, text: cell.trimmedText)
                })
        }
    }
}

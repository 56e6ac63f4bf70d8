import Foundation

/// A workbook of one sheet holding a table: a bold header row, frozen, then rows of text and numbers, written
/// with the inventory writer's parts (inline strings, so no cell is ever read as a formula; fixed zip dates, so
/// the same table always gives the same bytes). The portal's download of an OPD's findings is one.
public enum TableWorkbook {
    /// A cell of the table.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
    }

    /// One sheet of a workbook: its name, a header row and rows (rows shorter than the header are padded).
    public struct Sheet: Sendable {
        /// The sheet's name.
        public let name: String
        /// The header row.
        public let header: [String]
        /// The rows.
        public let rows: [[Cell]]

        /// A sheet.
        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// The workbook's bytes: sheet `sheet` with `header` and `rows` (rows shorter than the header are padded).
    public static func data(sheet: String, header: [String], rows: [[Cell]]) throws -> Data {
        try data(sheets: [Sheet(name: sheet, header: header, rows: rows)])
    }

    /// The workbook's bytes: one worksheet per sheet, in order.
    public static func data(sheets: [Sheet]) throws -> Data {
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", XLSXParts.rootRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", XLSXParts.styles),
        ]
        for (offset, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(offset + 1).xml", worksheet(sheet).xml))
        }
        return try XLSXInventoryWriter.zip(parts)
    }

    private static func worksheet(_ sheet: Sheet) -> XLSXWorksheetWriter {
        let header = sheet.header
        let rows = sheet.rows
        let widths = header.indices.map { column in
            let longest =
                ([header[column].count] + rows.map { row in column < row.count ? text(row[column]).count : 0 })
                .max() ?? 0
            return XLSXWorksheetWriter.Column(width: min(80, max(10, longest + 2)), style: .general, choices: nil)
        }
        let head = header.map { (cell: OutputCell.text($0), style: XLSXParts.Style?.some(.header)) }
        let body = rows.map { row in
            header.indices.map { column in
                (cell: column < row.count ? output(row[column]) : OutputCell.empty, style: XLSXParts.Style?.none)
            }
        }
        return XLSXWorksheetWriter(columns: widths, rows: [head] + body, frozenRows: 1)
    }

    static func output(_ cell: Cell) -> OutputCell {
        switch cell {
        case .text(let text): text.isEmpty ? .empty : .text(text)
        case .number(let number): .number(NumberText.shortest(number))
        }
    }

    private static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let number): NumberText.shortest(number)
        }
    }
}

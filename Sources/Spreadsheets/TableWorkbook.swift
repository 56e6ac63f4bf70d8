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

    /// The workbook's bytes: sheet `sheet` with `header` and `rows` (rows shorter than the header are padded).
    public static func data(sheet: String, header: [String], rows: [[Cell]]) throws -> Data {
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
        let worksheet = XLSXWorksheetWriter(columns: widths, rows: [head] + body, frozenRows: 1)
        return try XLSXInventoryWriter.zip([
            ("[Content_Types].xml", XLSXParts.contentTypes(sheets: 1)),
            ("_rels/.rels", XLSXParts.rootRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: [sheet])),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: 1)),
            ("xl/styles.xml", XLSXParts.styles),
            ("xl/worksheets/sheet1.xml", worksheet.xml),
        ])
    }

    private static func output(_ cell: Cell) -> OutputCell {
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

import DataModel
import Diagnostics

/// Writes the XML of one worksheet: frozen header rows, column widths and formats, typed cells, and drop-down
/// lists for enum columns.
struct XLSXWorksheetWriter {
    /// A column: its width in characters, its format, and the allowed values for a drop-down list.
    struct Column {
        var width: Int
        var style: XLSXParts.Style
        var choices: [String]?
    }

    let columns: [Column]
    /// Rows of cells; the first `frozenRows` are the header and guide.
    let rows: [[(cell: OutputCell, style: XLSXParts.Style?)]]
    let frozenRows: Int
    /// Drop-down lists on single cells (the header sheet's enum values): cell reference and allowed values.
    var cellChoices: [(reference: String, values: [String])] = []

    /// The worksheet part.
    var xml: String {
        var parts = [XLSXParts.declaration + "<worksheet xmlns=\"\(XLSXParts.mainNamespace)\">"]
        parts.append(
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozenRows)\" "
                + "topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        )
        parts.append(
            "<cols>"
                + columns.enumerated().map { index, column in
                    "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" style=\"\(column.style.rawValue)\" customWidth=\"1\"/>"
                }.joined() + "</cols>")
        parts.append("<sheetData>")
        for (rowIndex, row) in rows.enumerated() {
            let cells = row.enumerated().compactMap { column, entry in
                cellXML(
                    entry.cell, reference: SourceLocation.columnLetters(column + 1) + String(rowIndex + 1),
                    style: entry.style ?? columns[column].style)
            }
            parts.append("<row r=\"\(rowIndex + 1)\">" + cells.joined() + "</row>")
        }
        parts.append("</sheetData>")
        var validations = columns.enumerated().compactMap { index, column in
            column.choices.map {
                (
                    SourceLocation.columnLetters(index + 1) + "\(frozenRows + 1):"
                        + SourceLocation.columnLetters(index + 1) + "1048576", $0
                )
            }
        }
        validations += cellChoices.map { ($0.reference, $0.values) }
        let lists = validations.compactMap { reference, values in validation(reference, values) }
        if !lists.isEmpty {
            parts.append("<dataValidations count=\"\(lists.count)\">" + lists.joined() + "</dataValidations>")
        }
        parts.append("</worksheet>")
        return parts.joined()
    }

    private func cellXML(_ cell: OutputCell, reference: String, style: XLSXParts.Style) -> String? {
        let styleAttribute = style == .general ? "" : " s=\"\(style.rawValue)\""
        switch cell {
        case .empty:
            return nil
        case .text(let text):
            return "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                + XLSXParts.escape(OOXMLEscapes.encode(text)) + "</t></is></c>"
        case .number(let text):
            return "<c r=\"\(reference)\"><v>\(text)</v></c>"
        case .bool(let flag):
            return "<c r=\"\(reference)\" t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
        case .date(let day):
            guard let serial = SerialDate.serial(of: day) else {
                return cellXML(.text(day.description), reference: reference, style: .text)
            }
            return "<c r=\"\(reference)\" s=\"\(XLSXParts.Style.date.rawValue)\"><v>\(serial)</v></c>"
        }
    }

    /// A drop-down list; nil when the list is longer than the 255 characters a list validation may hold.
    private func validation(_ reference: String, _ values: [String]) -> String? {
        let list = values.joined(separator: ",")
        guard list.count <= 255, !values.contains(where: { $0.contains(",") || $0.contains("\"") }) else { return nil }
        return "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(reference)\">"
            + "<formula1>\"\(XLSXParts.escape(list))\"</formula1></dataValidation>"
    }
}

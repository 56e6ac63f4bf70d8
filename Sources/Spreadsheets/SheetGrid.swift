import DataModel
import OutputSafety

/// A value as it goes into one cell of an exported sheet.
enum OutputCell: Sendable, Hashable {
    case empty
    case text(String)
    /// A number, already written as the text that reads back exactly.
    case number(String)
    case bool(Bool)
    case date(Day)

    /// The cell as CSV text: booleans `true`/`false`, dates `YYYY-MM-DD`; numbers with a decimal comma (`2,5`)
    /// when `decimalComma`, as Excel in the Indonesian locale reads them from a semicolon-delimited file.
    func csvText(decimalComma: Bool = false) -> String {
        switch self {
        case .empty: ""
        case .number(let text) where decimalComma: String(text.map { $0 == "." ? "," : $0 })
        case .text(let text), .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .date(let day): day.description
        }
    }

    /// The cell as a CSV file holds it: text a spreadsheet would run as a formula neutralised; numbers (`-5`)
    /// are numbers, never formulas, written with a decimal comma when `decimalComma`.
    func safeCSVText(decimalComma: Bool = false) -> String {
        if case .text(let text) = self { return SpreadsheetFormula.neutralised(text) }
        return csvText(decimalComma: decimalComma)
    }
}

/// One collection laid out for a sheet: a header row of field names, a guide row (a comment row, its first
/// cell starting with `#`) and one row per record.
struct SheetGrid: Sendable {
    /// The collection's name: the CSV file's stem or the sheet's name.
    let name: String
    /// The fields, one per column.
    let fields: [FieldSchema]
    /// The records' cells, one row per record, one cell per field.
    let rows: [[OutputCell]]

    /// The header row: field names.
    var header: [String] { fields.map(\.name) }

    /// The guide row: what each column holds; the first cell starts with `# ` so readers skip the row.
    var guide: [String] {
        fields.enumerated().map { index, field in (index == 0 ? "# " : "") + ColumnGuide.text(for: field) }
    }
}

import DataModel
import Diagnostics
import Inventories
import YAMLSource

/// Types the text of a cell against a field through the same `ValueConversion` as YAML values: a list cell is
/// split at `;`, an empty cell is unknown (null), and every problem is reported at the cell.
struct CellValueReader {
    /// The separator of list items in a cell.
    static let listSeparator: Character = ";"

    /// How cell texts are typed (`.decimalCommaCell` in a semicolon-delimited CSV file).
    var dialect: ValueConversion.Dialect = .cell
    /// Whether the workbook counts serial dates from 1904.
    var date1904 = false
    private(set) var diagnostics: [Diagnostic] = []

    /// The typed value of `cell` for `field` of `collection`; `.null` (and a diagnostic) when it does not fit.
    mutating func value(_ cell: SheetCell?, field: FieldSchema, collection: String) -> Value {
        guard let cell else { return .null }
        let text: String
        switch cell.content {
        case .error(let error):
            diagnostics.append(.cellError(error, at: cell.location))
            return .null
        case .formulaWithoutValue(let formula):
            diagnostics.append(.formulaWithoutValue(formula, at: cell.location))
            return .null
        case .text(let raw):
            text = raw.trimmingWhitespace
        }
        if text.isEmpty { return .null }
        let name = "\(collection).\(field.name)"
        if cell.isNumber, let value = numberCell(text, field: field, name: name, at: cell.location) { return value }
        if case .list(let element) = field.type {
            var items: [Value] = []
            for item in text.split(separator: CellValueReader.listSeparator) {
                let itemText = String(item).trimmingWhitespace
                if itemText.isEmpty { continue }
                guard let value = scalar(itemText, as: element, field: name, at: cell.location) else { return .null }
                items.append(value)
            }
            return .list(items)
        }
        return scalar(text, as: field.type, field: name, at: cell.location) ?? .null
    }

    /// A workbook number where a date or a text is expected: a serial date (a date typed in a General cell) with
    /// a note, or the number kept as text with a warning (a spreadsheet may have dropped zeros or digits of it).
    private mutating func numberCell(_ text: String, field: FieldSchema, name: String, at location: SourceLocation)
        -> Value?
    {
        switch field.type {
        case .date:
            guard let serial = Double(text), serial >= 1, let day = SerialDate.day(serial: serial, date1904: date1904)
            else { return nil }
            diagnostics.append(.serialDate(text, day: day, field: name, at: location))
            return .date(day)
        case .string:
            diagnostics.append(.numberAsText(text, field: name, at: location))
            return .string(text)
        default:
            return nil
        }
    }

    private mutating func scalar(_ text: String, as type: ValueType, field: String, at location: SourceLocation)
        -> Value?
    {
        switch ValueConversion.value(
            text, resolved: PlainScalarKind(resolving: text), as: type, field: field, dialect: dialect)
        {
        case .success(let value):
            return value
        case .failure(let problem):
            diagnostics.append(.cellType(problem.message, suggestion: problem.suggestion, at: location))
            return nil
        }
    }
}

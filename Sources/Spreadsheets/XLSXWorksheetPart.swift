import DataModel
import Diagnostics
import Foundation

/// One worksheet (`xl/worksheets/sheetN.xml`) read into a `SheetTable`.
///
/// Cells are typed by their `t` attribute: shared strings (`s`), inline strings, formula strings (`str`),
/// booleans (`b`, read as `true`/`false`), errors (`e`), ISO dates (`d`) and numbers; a number whose style is a
/// date format is a serial date and becomes `YYYY-MM-DD`. Formulas are read by their cached value; a formula
/// without one is kept as such, to be reported where its value is needed.
final class XLSXWorksheetPart: XMLPartParser {
    private(set) var rows: [SheetRow] = []
    /// Cells that point at a shared string that does not exist.
    private(set) var invalidReferences: [SourceLocation] = []
    /// The merged ranges (`<mergeCell ref="D3:D5"/>`) that span one column and several rows.
    private(set) var verticalMerges: [VerticalMerge] = []
    private let file: String
    private let sheet: String
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private let maxCellBytes: Int
    private var cellBudget: Int

    private var rowNumber = 0
    /// Whether the current row element gave its number (`r`); a row without one takes its first cell's.
    private var rowNumbered = false
    /// The number and part line of the previous row element: rows ascend, each once.
    private var previousRow = (number: 0, line: 0)
    private var rowCells: [Int: SheetCell] = [:]
    /// The part line of each cell of the current row, by column, to name both when a cell comes twice.
    private var cellLines: [Int: Int] = [:]
    private var column = 0
    private var rowLine = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var capture: Capture = .none
    private var phoneticDepth = 0
    /// The cell's formula text when it has an `<f>`, and whether it has a cached `<v>`.
    private var formula: String?
    private var hasValue = false

    private enum Capture { case none, value, inline, formula }

    init(
        file: String, sheet: String, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool, limits: SheetLimits,
        cellBudget: Int
    ) {
        self.file = file
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        maxCellBytes = limits.maxCellBytes
        self.cellBudget = cellBudget
    }

    /// The cells left to read in the inventory after this sheet.
    var remainingCells: Int { cellBudget }

    override func start(_ name: String, attributes: XMLAttributes) {
        switch name {
        case "row": startRow(attributes["r"])
        case "c":
            startCell(attributes["r"])
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            inlineText = ""
            formula = nil
            hasValue = false
        case "v":
            capture = .value
            hasValue = true
        case "f":
            capture = .formula
            formula = ""
        case "rPh": phoneticDepth += 1
        case "mergeCell":
            let corners = (attributes["ref"] ?? "").split(separator: ":").compactMap { CellReference(String($0)) }
            if corners.count == 2, corners[0].column == corners[1].column, corners[0].row < corners[1].row {
                verticalMerges.append(VerticalMerge(column: corners[0].column, rows: corners[0].row...corners[1].row))
            }
        case "t" where cellType == "inlineStr" && phoneticDepth == 0: capture = .inline
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v", "t", "f": capture = .none
        case "rPh": phoneticDepth -= 1
        case "c": finishCell()
        case "row":
            if !rowCells.isEmpty {
                rows.append(SheetRow(location: location(column: 1), cells: rowCells))
            }
            previousRow = (rowNumber, rowLine)
        default: break
        }
    }

    override func text(_ text: String) {
        switch capture {
        case .none: return
        case .value: value += text
        case .inline: inlineText += text
        case .formula: formula = (formula ?? "") + text
        }
        if value.utf8.count + inlineText.utf8.count + (formula?.utf8.count ?? 0) > maxCellBytes {
            stop("cell \(location(column: column).cell) of sheet '\(sheet)' is longer than \(maxCellBytes) bytes")
        }
    }

    /// A row starts: its number is its `r`, or one past the previous row's; either must be a worksheet row
    /// (1 to 1,048,576) past the previous row, so no arithmetic on a number from the file can overflow and no
    /// two rows share a number.
    private func startRow(_ reference: String?) {
        rowCells = [:]
        cellLines = [:]
        column = 0
        rowLine = line
        rowNumbered = reference != nil
        if let reference {
            guard let number = Int(reference), CellReference.rows.contains(number) else {
                return stop(
                    "row number '\(reference)' on line \(line) is not a row number (1 to \(CellReference.rows.upperBound))"
                )
            }
            rowNumber = number
        } else {
            guard previousRow.number < CellReference.rows.upperBound else {
                return stop(
                    "the row on line \(line) comes after the last row a sheet can have (\(CellReference.rows.upperBound))"
                )
            }
            rowNumber = previousRow.number + 1
        }
        if rowNumber <= previousRow.number { stop(outOfOrder(row: rowNumber)) }
    }

    private func outOfOrder(row: Int) -> String {
        let previous = "row \(previousRow.number) on line \(previousRow.line)"
        return row == previousRow.number
            ? "row \(row) of sheet '\(sheet)' appears twice, on lines \(previousRow.line) and \(line)"
            : "row \(row) on line \(line) comes after \(previous): rows must be in ascending order"
    }

    /// A cell starts: its column is its reference's, or one past the previous cell's. A reference must name the
    /// cell's own row (a row without `r` takes its first cell's, if that is past the previous row), and no two
    /// cells may share a position.
    private func startCell(_ text: String?) {
        if let text {
            guard let reference = CellReference(text) else {
                return stop("cell reference '\(text)' on line \(line) is not a cell reference (A1 to XFD1048576)")
            }
            if !rowNumbered, cellLines.isEmpty, reference.row > previousRow.number { rowNumber = reference.row }
            guard reference.row == rowNumber else {
                return stop("cell \(text) on line \(line) is inside row \(rowNumber) (line \(rowLine))")
            }
            column = reference.column
        } else {
            guard column < CellReference.columns.upperBound else {
                return stop(
                    "row \(rowNumber) on line \(rowLine) has a cell past the last column a sheet can have (XFD)")
            }
            column += 1
        }
        if let first = cellLines[column] {
            return stop(
                "cell \(location(column: column).cell) of sheet '\(sheet)' appears twice, on lines \(first) and \(line)"
            )
        }
        cellLines[column] = line
    }

    private func location(column: Int) -> SourceLocation {
        SourceLocation(file: file, line: rowNumber, column: column, sheet: sheet)
    }

    private func finishCell() {
        guard let content = content() else { return }
        if case .text(let text) = content, text.isEmpty { return }
        cellBudget -= 1
        if cellBudget < 0 {
            stop("the workbook has too many cells")
            return
        }
        var cell = SheetCell(location: location(column: column), content: content)
        cell.isNumber = cellType == "n" && !dateStyles.contains(cellStyle)
        rowCells[column] = cell
    }

    private func content() -> CellContent? {
        // openpyxl writes an empty `<v/>`: only a text formula (`t="str"`) can have the empty text as its value.
        if let formula, cellType != "inlineStr", !hasValue || (cellType != "str" && value.trimmingWhitespace.isEmpty) {
            return .formulaWithoutValue(OOXMLEscapes.decode(formula))
        }
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingWhitespace) else { return nil }
            guard sharedStrings.indices.contains(index) else {
                invalidReferences.append(location(column: column))
                return nil
            }
            return .text(sharedStrings[index])
        case "inlineStr": return .text(OOXMLEscapes.decode(inlineText))
        case "str": return .text(OOXMLEscapes.decode(value))
        case "b":
            return .text(value.trimmingWhitespace == "1" ? "true" : value.trimmingWhitespace == "0" ? "false" : value)
        case "e": return .error(value)
        case "d": return .text(String(value.prefix { $0 != "T" }))
        default:
            let number = value.trimmingWhitespace
            if dateStyles.contains(cellStyle), let serial = Double(number),
                let day = SerialDate.day(serial: serial, date1904: date1904)
            {
                return .text(day.description)
            }
            return .text(number)
        }
    }
}

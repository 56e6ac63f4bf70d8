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
    private var rowCells: [Int: SheetCell] = [:]
    private var column = 0
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

    init(file: String, sheet: String, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool, limits: SheetLimits, cellBudget: Int) {
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

    override func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            rowCells = [:]
            column = 0
        case "c":
            let reference = attributes["r"].flatMap(CellReference.init)
            if let reference, reference.row != rowNumber { rowNumber = reference.row }
            column = reference?.column ?? column + 1
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

    private func location(column: Int) -> SourceLocation {
        SourceLocation(file: file, line: rowNumber, column: column, sheet: sheet)
    }

    private func finishCell() {
        guard let content = content() else { return }
        if case .text(let text) = content, text.isEmpty { return }
        cellBudget -= 1
        if cellBudget < 0 { stop("the workbook has too many cells"); return }
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
        case "b": return .text(value.trimmingWhitespace == "1" ? "true" : value.trimmingWhitespace == "0" ? "false" : value)
        case "e": return .error(value)
        case "d": return .text(String(value.prefix { $0 != "T" }))
        default:
            let number = value.trimmingWhitespace
            if dateStyles.contains(cellStyle), let serial = Double(number), let day = SerialDate.day(serial: serial, date1904: date1904) {
                return .text(day.description)
            }
            return .text(number)
        }
    }
}

import Foundation

/// `xl/workbook.xml`: the sheets in tab order with their relationship ids, and the date system.
final class XLSXWorkbookPart: XMLPartParser {
    /// Sheet names and relationship ids, in tab order.
    private(set) var sheets: [(name: String, relationship: String)] = []
    /// Whether serial dates count from 1904-01-01 (old Mac workbooks) instead of 1900.
    private(set) var date1904 = false

    override func start(_ name: String, attributes: XMLAttributes) {
        switch name {
        case "sheet":
            if let sheetName = attributes["name"], let id = attributes["id"] { sheets.append((sheetName, id)) }
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
        default:
            break
        }
    }
}

import Diagnostics
import Foundation

/// An opened workbook: its sheets in tab order, each read into a `SheetTable` on demand.
struct XLSXWorkbook {
    /// The sheet names, in tab order.
    let sheetNames: [String]
    private var archive: XLSXArchive
    private let sheetParts: [String: String]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private let limits: SheetLimits
    private var cellBudget: Int

    /// Opens the workbook at `path` and reads its directory, workbook part, styles and shared strings.
    init(path: String, limits: SheetLimits) throws(SheetFailure) {
        try self.init(archive: XLSXArchive(path: path, limits: limits), limits: limits)
    }

    /// Opens the workbook `data` (an upload held in memory), called `path` in diagnostics, as `init(path:limits:)`.
    init(data: Data, path: String, limits: SheetLimits) throws(SheetFailure) {
        try self.init(archive: XLSXArchive(data: data, path: path, limits: limits), limits: limits)
    }

    private init(archive opened: XLSXArchive, limits: SheetLimits) throws(SheetFailure) {
        var archive = opened
        let path = archive.path
        let root = XLSXRelationships(base: "")
        try XLSXWorkbook.parse(root, part: "_rels/.rels", in: &archive)
        let workbookPath = root.byType["officeDocument"] ?? "xl/workbook.xml"
        guard archive.contains(workbookPath) else {
            throw SheetFailure(.workbookInvalid(path, "it has no workbook part (is it an .xlsx workbook?)"))
        }
        let workbook = XLSXWorkbookPart()
        try XLSXWorkbook.parse(workbook, part: workbookPath, in: &archive)
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let fileName = (workbookPath as NSString).lastPathComponent
        let relationships = XLSXRelationships(base: folder)
        try XLSXWorkbook.parse(relationships, part: "\(folder)/_rels/\(fileName).rels", in: &archive)
        let styles = XLSXStyles()
        try XLSXWorkbook.parse(styles, part: relationships.byType["styles"] ?? "\(folder)/styles.xml", in: &archive)
        let strings = XLSXSharedStrings(maxStrings: limits.maxCells, maxBytes: limits.maxCellBytes)
        try XLSXWorkbook.parse(
            strings, part: relationships.byType["sharedStrings"] ?? "\(folder)/sharedStrings.xml", in: &archive)
        var parts: [String: String] = [:]
        for sheet in workbook.sheets {
            if let part = relationships.targets[sheet.relationship], parts[sheet.name] == nil {
                parts[sheet.name] = part
            }
        }
        self.archive = archive
        sheetNames = workbook.sheets.map(\.name).filter { parts[$0] != nil }
        sheetParts = parts
        sharedStrings = strings.strings
        dateStyles = styles.dateStyles
        date1904 = workbook.date1904
        self.limits = limits
        cellBudget = limits.maxCells
    }

    /// The table of the sheet called `name` (one of `sheetNames`).
    mutating func table(named name: String) throws(SheetFailure) -> SheetTable {
        guard let part = sheetParts[name], archive.contains(part) else {
            throw SheetFailure(.workbookInvalid(archive.path, "sheet '\(name)' has no worksheet part"))
        }
        let parser = XLSXWorksheetPart(
            file: archive.path, sheet: name, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904,
            limits: limits, cellBudget: cellBudget
        )
        try XLSXWorkbook.parse(parser, part: part, in: &archive)
        cellBudget = parser.remainingCells
        if let invalid = parser.invalidReferences.first {
            throw SheetFailure(
                .workbookInvalid(
                    archive.path,
                    "cell \(invalid.cell) of sheet '\(name)' points at a shared string that does not exist"))
        }
        return SheetTable(
            file: archive.path, sheet: name, rows: parser.rows, date1904: date1904,
            verticalMerges: parser.verticalMerges
        )
    }

    /// Parses the part at `name` with `parser`; a missing part is left to the caller (it leaves the parser empty).
    private static func parse(_ parser: XMLPartParser, part name: String, in archive: inout XLSXArchive)
        throws(SheetFailure)
    {
        guard let data = try archive.part(name) else { return }
        do throws(XMLPartError) {
            try parser.parse(data)
        } catch {
            throw SheetFailure(.workbookInvalid(archive.path, "part '\(name)': \(error.reason)"))
        }
    }
}

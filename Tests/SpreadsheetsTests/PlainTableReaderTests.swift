import Diagnostics
import Foundation
import Spreadsheets
import Testing

/// The plain table reader behind the portal's official results import: cells with their positions, and the
/// inventories' refusals for hostile files (the same corpus: bombs, oversized and binary files, bad encodings).
@Suite("plain tables")
struct PlainTableReaderTests {
    private func csv(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func code(_ result: Result<some Any, PlainTableFailure>) -> String? {
        if case .failure(let failure) = result { return failure.diagnostic.code }
        return nil
    }

    @Test("every sheet of a workbook is read in order, each cell with its sheet, row and column")
    func workbookCells() throws {
        let path = try Fixtures.workbook(sheets: [
            (
                "hasil",
                "<row r=\"1\">\(Fixtures.text("A1", "indikator"))</row><row r=\"12\">\(Fixtures.text("C12", " 7 "))</row>"
            ),
            ("bukti", "<row r=\"1\">\(Fixtures.text("A1", "opd"))</row>"),
        ])
        guard case .success(let tables) = PlainTableReader.workbook(path: path) else {
            Issue.record("not read")
            return
        }
        #expect(tables.map(\.sheet) == ["hasil", "bukti"])
        let cell = try #require(tables[0].rows.last?.cells[3])
        #expect(cell.text == "7")
        #expect(cell.location.description.hasSuffix(":hasil!C12"))
    }

    @Test("a CSV file's delimiter is the one its first line holds most, and neutralised formula text reads back")
    func csvCells() throws {
        let path = try csv(Array("indikator;tingkat;catatan\nI01;3;'=SUM(A1)\n".utf8))
        guard case .success(let table) = PlainTableReader.csv(path: path) else {
            Issue.record("not read")
            return
        }
        #expect(table.sheet == nil)
        #expect(table.rows[1].text(2) == "3")
        #expect(table.rows[1].text(3) == "=SUM(A1)")
        #expect(table.rows[1].cells[2]?.location.line == 2 && table.rows[1].cells[2]?.location.column == 2)
    }

    @Test("the CSV a table is written as neutralises text a spreadsheet would run as a formula")
    func csvExportNeutralisesFormulas() {
        let sheet = TableWorkbook.Sheet(
            name: "bukti", header: ["kode", "judul"], rows: [[.text("I05-L3-01"), .text("=HYPERLINK(\"http://x\")")]])
        let text = String(decoding: TableWorkbook.csv(sheet), as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
        #expect(!text.contains(",=HYPERLINK"))
    }

    @Test("a zip bomb, declared or lying, is refused before it is inflated")
    func bombs() throws {
        var limits = SheetLimits.default
        limits.maxPartBytes = 100_000
        let declared = try Fixtures.workbook(
            sheets: [("hasil", Fixtures.headerRows)],
            extraParts: [("xl/sharedStrings.xml", Data(repeating: 0x20, count: 1_000_000))])
        #expect(code(PlainTableReader.workbook(path: declared, limits: limits)) == "xlsx.too_large")
        let rows = Fixtures.headerRows + "<!--" + String(repeating: " ", count: 2_000_000) + "-->"
        let lying = try Fixtures.workbook(sheets: [("hasil", rows)])
        try ZipSizes.understate(entry: "xl/worksheets/s1.xml", in: lying, as: 1000)
        #expect(code(PlainTableReader.workbook(path: lying, limits: limits)) == "xlsx.too_large")
    }

    @Test("a file that is no workbook, a huge CSV and a binary CSV are each refused with one diagnostic")
    func brokenFiles() throws {
        let notZip = try csv(Array("not a zip".utf8))
        #expect(code(PlainTableReader.workbook(path: notZip)) != nil)
        var limits = SheetLimits.default
        limits.maxFileBytes = 1000
        #expect(code(PlainTableReader.csv(path: try csv(Array(repeating: 0x41, count: 2000)), limits: limits)) != nil)
        #expect(code(PlainTableReader.csv(path: try csv([0x41, 0x00, 0x42, 0x0A]))) == "sheet.binary")
    }

    @Test("invalid UTF-8 in a CSV file is read as Windows-1252, as inventories are, never a crash")
    func invalidUTF8() throws {
        let path = try csv(Array("indikator,tingkat\nI0".utf8) + [0xC3, 0x28] + Array(",3\n".utf8))
        guard case .success(let table) = PlainTableReader.csv(path: path) else {
            Issue.record("not read")
            return
        }
        #expect(table.rows[1].text(1) == "I0\u{00C3}(")
    }
}

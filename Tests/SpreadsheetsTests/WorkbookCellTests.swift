import DataModel
import Diagnostics
import Foundation
import Inventories
import Spreadsheets
import Testing

@Suite("workbook cells")
struct WorkbookCellTests {
    /// Made by scripts/make-formula-workbook.py with openpyxl, which stores no value for a formula.
    @Test("a formula without a stored value is an error at each cell whose value is needed")
    func formulasWithoutValues() throws {
        let path = Fixtures.root.appendingPathComponent(
            "Tests/Fixtures/inventories/workbooks/formulas-without-values.xlsx"
        ).path
        let loaded = InventoryReader(schema: Fixtures.bundledSchema).load(path: path)
        #expect(loaded.inventory == nil)
        let formulas = loaded.diagnostics.filter { $0.code == "sheet.formula_without_value" }
        #expect(
            formulas.map { "\($0.location?.sheet ?? "") \($0.location?.cell ?? "")" } == [
                "opd B3", "applications D2", "applications B3",
            ])
        #expect(
            formulas.first?.message
                == "the formula =CONCATENATE(\"Dinas \", \"Uji\") has no stored value, so its value is unknown")
        #expect(
            formulas.first?.suggestion
                == "open and save the workbook in Excel or LibreOffice so the value is stored, or type the value")
    }

    @Test("a formula with a stored value reads as its value")
    func cachedFormula() throws {
        let rows =
            "<row r=\"1\">" + Fixtures.text("A1", "id") + Fixtures.text("B1", "type") + Fixtures.text("C1", "users")
            + "</row>"
            + "<row r=\"2\">" + Fixtures.text("A2", "A-1") + Fixtures.text("B2", "umum")
            + "<c r=\"C2\"><f>20+1</f><v>21</v></c></row>"
        let loaded = InventoryReader(schema: Fixtures.schema).load(
            path: try Fixtures.workbook(sheets: [("opd", Fixtures.headerRows), ("applications", rows)]))
        #expect(loaded.inventory?.collections[0].first?.values[2] == .int(21), "\(loaded.diagnostics)")
    }

    private func row(_ number: Int, _ cells: [String]) -> String {
        "<row r=\"\(number)\">"
            + cells.enumerated().compactMap { index, text in
                text.isEmpty ? nil : Fixtures.text(SourceLocation.columnLetters(index + 1) + String(number), text)
            }.joined() + "</row>"
    }

    private func load(_ rows: String, merges: [String] = []) throws -> InventoryLoadResult {
        let sheet =
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData>"
            + (merges.isEmpty
                ? "" : "<mergeCells>" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>")
            + "</worksheet>"
        let path = try Fixtures.workbook(
            sheets: [("opd", Fixtures.headerRows), ("applications", "")],
            extraParts: [("xl/worksheets/s2.xml", Data(sheet.utf8))]
        )
        return InventoryReader(schema: Fixtures.schema).load(path: path)
    }

    @Test("a title block above the header row is skipped with a note")
    func titleBlock() throws {
        let loaded = try load(
            row(1, ["Daftar Aplikasi Dinas X"]) + row(2, ["Tahun 2025"]) + row(4, ["id", "type", "notes"])
                + row(5, ["A-1", "umum", "x"]))
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(inventory.collections[0].map(\.key) == ["A-1"])
        #expect(loaded.diagnostics.map(\.code) == ["sheet.title_rows"])
        #expect(loaded.diagnostics.first?.message == "the 2 rows above the header row 4 are a title and skipped")
    }

    @Test("a cell merged down a data column counts in each row of the merge, with a note")
    func verticalMerge() throws {
        let rows =
            row(1, ["id", "type", "notes"]) + row(2, ["A-1", "khusus", "Bidang TIK"]) + row(3, ["A-2", "", ""])
            + row(4, ["A-3", "umum", ""])
        let loaded = try load(rows, merges: ["B2:B3", "C2:C4", "A6:B6"])
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(
            inventory.collections[0].map { $0.values[1] } == [.string("khusus"), .string("khusus"), .string("umum")])
        #expect(
            inventory.collections[0].map { $0.values[7] } == [
                .string("Bidang TIK"), .string("Bidang TIK"), .string("Bidang TIK"),
            ])
        #expect(loaded.diagnostics.map(\.code) == ["sheet.merged_cells", "sheet.merged_cells"])
        #expect(
            loaded.diagnostics.first?.message == "cells B2:B3 are merged: the value of B2 is read in each of their rows"
        )
        #expect(loaded.diagnostics.first?.location?.cell == "B2")
    }

    @Test(
        "a number in a date column is an Excel serial, with a note; a number in a text column is kept, with a warning")
    func numbersInGeneralCells() throws {
        let rows =
            row(1, ["id", "type", "audit", "notes"])
            + "<row r=\"2\">" + Fixtures.text("A2", "A-1") + Fixtures.text("B2", "umum")
            + "<c r=\"C2\"><v>45601</v></c><c r=\"D2\"><v>2.2</v></c></row>"
        let loaded = try load(rows)
        let record = try #require(loaded.inventory?.collections[0].first, "\(loaded.diagnostics)")
        #expect(record.values[5] == .date(Day(iso: "2024-11-05")!))
        #expect(record.values[7] == .string("2.2"))
        #expect(loaded.diagnostics.map(\.code) == ["sheet.serial_date", "sheet.number_as_text"])
        #expect(loaded.diagnostics.map { $0.location?.cell } == ["C2", "D2"])
        #expect(
            loaded.diagnostics.first?.message
                == "the number 45601 for applications.audit is read as the Excel date 2024-11-05")
    }

    @Test(
        "a worksheet in UTF-16, with references, entities and a CDATA section, reads as its UTF-8 twin",
        arguments: [String.Encoding.utf8, .utf16LittleEndian, .utf16BigEndian])
    func encodings(encoding: String.Encoding) throws {
        let rows =
            row(1, ["id", "type", "notes"]) + "<row r=\"2\">" + Fixtures.text("A2", "A-1") + Fixtures.text("B2", "umum")
            + "<c r=\"C2\" t=\"inlineStr\"><is><t>Caf&#233; &amp; <![CDATA[<b>teh</b>]]></t></is></c></row>"
        let declaration = encoding == .utf8 ? "UTF-8" : "UTF-16"
        let sheet =
            "<?xml version=\"1.0\" encoding=\"\(declaration)\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>\(rows)</sheetData></worksheet>"
        let path = try Fixtures.workbook(
            sheets: [("opd", Fixtures.headerRows), ("applications", "")],
            extraParts: [("xl/worksheets/s2.xml", try #require(sheet.data(using: encoding)))]
        )
        let loaded = InventoryReader(schema: Fixtures.schema).load(path: path)
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        let notes = try #require(Fixtures.schema.collections[0].fields.firstIndex { $0.name == "notes" })
        #expect(inventory.collections[0].first?.values[notes] == .string("Café & <b>teh</b>"))
    }
}

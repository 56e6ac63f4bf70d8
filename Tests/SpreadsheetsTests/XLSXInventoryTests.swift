import DataModel
import Diagnostics
import Foundation
import Inventories
import Spreadsheets
import Testing

@Suite("XLSX inventories")
struct XLSXInventoryTests {
    private func load(_ path: String, limits: SheetLimits = .default) -> InventoryLoadResult {
        InventoryReader(schema: Fixtures.schema, limits: limits).load(path: path)
    }

    private let headerRow =
        "<row r=\"1\">"
        + ["id", "type", "users", "budget", "sso", "audit", "modules", "notes"].enumerated().map { index, name in
            Fixtures.text(SourceLocation.columnLetters(index + 1) + "1", name)
        }.joined() + "</row>"

    @Test("shared and inline strings, numbers, booleans, serial dates with a date style and dates typed as text")
    func cellKinds() throws {
        let rows =
            headerRow
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\"><v>120</v></c>"
            + "<c r=\"D2\"><v>81.299999999999997</v></c><c r=\"E2\" t=\"b\"><v>1</v></c><c r=\"F2\" s=\"1\"><v>45597</v></c>"
            + "<c r=\"G2\" t=\"s\"><v>2</v></c><c r=\"H2\" t=\"str\"><f>A2&amp;\"x\"</f><v>line_x000D_\nbreak</v></c></row>"
            + "<row r=\"3\">" + Fixtures.text("A3", "A-2") + Fixtures.text("B3", "umum")
            + "<c r=\"C3\"><v>2024.0</v></c><c r=\"E3\" t=\"b\"><v>0</v></c>" + Fixtures.text("F3", "15/03/2024")
            + "<c r=\"G3\" s=\"2\"><v>45000.75</v></c></row>"
            + "<row r=\"5\">" + Fixtures.text("A5", "A-3") + Fixtures.text("B5", "umum")
            + "<c r=\"F5\" s=\"3\"><v>45658</v></c></row>"
        let path = try Fixtures.workbook(
            sheets: [("opd", Fixtures.headerRows), ("aplikasi", rows)],
            sharedStrings: ["<t>A-1</t>", "<r><t>khu</t></r><r><t>sus</t></r><rPh><t>x</t></rPh>", "<t>a;b</t>"],
            cellFormats: [0, 14, 0, 164], customFormats: [164: "dd/mm/yyyy;@"]
        )
        let loaded = load(path)
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.isEmpty)
        let records = inventory.collections[0]
        #expect(
            records.map(\.values) == [
                [
                    .string("A-1"), .string("khusus"), .int(120), .number(81.3), .bool(true),
                    .date(Day(iso: "2024-11-01")!),
                    .list([.string("a"), .string("b")]), .string("line\r\nbreak"),
                ],
                [
                    .string("A-2"), .string("umum"), .int(2024), .null, .bool(false), .date(Day(iso: "2024-03-15")!),
                    .list([.string("45000.75")]), .null,
                ],
                [.string("A-3"), .string("umum"), .null, .null, .null, .date(Day(iso: "2025-01-01")!), .null, .null],
            ])
        #expect(
            records.map(\.location.description) == [
                "\(path):aplikasi!A2", "\(path):aplikasi!A3", "\(path):aplikasi!A5",
            ])
        #expect(inventory.header.values == [.string("X-01"), .null])
    }

    @Test("a wrong type, an unknown enum value and a bad date point at file.xlsx:Sheet!C12")
    func cellErrors() throws {
        let rows =
            headerRow
            + "<row r=\"12\">" + Fixtures.text("A12", "A-1") + Fixtures.text("B12", "khsus")
            + Fixtures.text("C12", "banyak")
            + Fixtures.text("F12", "2024-13-01") + "<c r=\"E12\" t=\"e\"><v>#N/A</v></c></row>"
        let path = try Fixtures.workbook(sheets: [("opd", Fixtures.headerRows), ("applications", rows)])
        let loaded = load(path)
        #expect(loaded.inventory == nil)
        #expect(
            loaded.diagnostics.map(\.description) == [
                "\(path):applications!B12: error[sheet.type]: unknown value 'khsus' for applications.type; did you mean 'khusus'?",
                "\(path):applications!C12: error[sheet.type]: applications.users expects a whole number, found 'banyak'",
                "\(path):applications!E12: error[sheet.cell_error]: the cell holds the spreadsheet error #N/A; fix the formula or type the value",
                "\(path):applications!F12: error[sheet.type]: invalid date '2024-13-01' for applications.audit; write dates as YYYY-MM-DD or DD/MM/YYYY, for example 2024-03-15",
            ])
    }

    @Test("the opd sheet takes labels, reports unknown fields and checks the format version")
    func headerSheet() throws {
        let opd =
            "<row r=\"1\">" + Fixtures.text("A1", "# isian") + "</row>"
            + "<row r=\"2\">" + Fixtures.text("A2", "spbe_inventory") + "<c r=\"B2\"><v>2</v></c></row>"
            + "<row r=\"3\">" + Fixtures.text("A3", "kode opd") + Fixtures.text("B3", "X-01") + "</row>"
            + "<row r=\"4\">" + Fixtures.text("A4", "nama") + Fixtures.text("B4", "Dinas X") + "</row>"
        let loaded = load(try Fixtures.workbook(sheets: [("opd", opd)]))
        #expect(loaded.diagnostics.map(\.code) == ["sheet.unsupported_format", "sheet.unknown_field"])
        #expect(loaded.diagnostics.map { $0.location?.cell } == ["B2", "A4"])
        #expect(loaded.diagnostics.last?.suggestion == "did you mean 'name'?")
    }

    @Test("a workbook without an opd sheet, or with an unknown sheet, says so")
    func sheets() throws {
        let loaded = load(try Fixtures.workbook(sheets: [("Aplikasi", headerRow), ("Sheet1", "")]))
        #expect(Set(loaded.diagnostics.map(\.code)) == ["sheet.unknown_collection", "sheet.missing_opd"])
    }

    @Test("serial dates follow the 1900 system, with its missing 1900-02-29, and the 1904 system")
    func serials() throws {
        func audit(_ serial: String, date1904: Bool = false) throws -> Value? {
            let rows =
                headerRow + "<row r=\"2\">" + Fixtures.text("A2", "A") + Fixtures.text("B2", "umum")
                + "<c r=\"F2\" s=\"1\"><v>\(serial)</v></c></row>"
            let path = try Fixtures.workbook(
                sheets: [("opd", Fixtures.headerRows), ("applications", rows)], cellFormats: [0, 15], date1904: date1904
            )
            return load(path).inventory?.collections[0].first?.values[5]
        }
        #expect(try audit("1") == .date(Day(iso: "1900-01-01")!))
        #expect(try audit("59") == .date(Day(iso: "1900-02-28")!))
        #expect(try audit("61") == .date(Day(iso: "1900-03-01")!))
        #expect(try audit("0", date1904: true) == .date(Day(iso: "1904-01-01")!))
        #expect(try audit("60") == nil)
    }

    @Test("a zip bomb is refused by the declared size before inflating")
    func declaredBomb() throws {
        var limits = SheetLimits.default
        limits.maxPartBytes = 100_000
        let filler = Data(repeating: 0x20, count: 1_000_000)
        let path = try Fixtures.workbook(
            sheets: [("opd", Fixtures.headerRows)], extraParts: [("xl/sharedStrings.xml", filler)])
        let loaded = load(path, limits: limits)
        #expect(loaded.diagnostics.map(\.code) == ["xlsx.too_large"])
    }

    @Test("a zip bomb that lies about its size is stopped while inflating")
    func lyingBomb() throws {
        var limits = SheetLimits.default
        limits.maxPartBytes = 100_000
        let name = "xl/worksheets/s1.xml"
        let rows = Fixtures.headerRows + "<!--" + String(repeating: " ", count: 2_000_000) + "-->"
        let path = try Fixtures.workbook(sheets: [("opd", rows)])
        try ZipSizes.understate(entry: name, in: path, as: 1000)
        let loaded = load(path, limits: limits)
        #expect(loaded.diagnostics.map(\.code) == ["xlsx.too_large"])
        #expect(loaded.diagnostics.first?.message.contains(name) == true)
    }

    @Test("files that are not workbooks, and XML with a DOCTYPE, are refused with a clear error")
    func invalid() throws {
        let notZip = try Fixtures.folder().appendingPathComponent("x.xlsx")
        try Data("id,name\n".utf8).write(to: notZip)
        #expect(load(notZip.path).diagnostics.map(\.code) == ["xlsx.invalid"])
        let entity = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"
        let path = try Fixtures.workbook(
            sheets: [("opd", Fixtures.headerRows)],
            extraParts: [("xl/sharedStrings.xml", Data((entity + "<sst/>").utf8))])
        #expect(load(path).diagnostics.first?.message.contains("DOCTYPE") == true)
    }
}

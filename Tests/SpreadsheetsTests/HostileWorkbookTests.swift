import Diagnostics
import Foundation
import Inventories
import Spreadsheets
import Testing
import ZIPFoundation

/// Workbooks built to break the reader: every one must give one clear error (or load), never a crash or a wrong
/// position.
@Suite("hostile workbooks")
struct HostileWorkbookTests {
    private func load(_ path: String, limits: SheetLimits = .default) -> InventoryLoadResult {
        InventoryReader(schema: Fixtures.schema, limits: limits).load(path: path)
    }

    private func applications(_ rows: String) throws -> String {
        let header = "<row r=\"1\">" + Fixtures.text("A1", "id") + Fixtures.text("B1", "type") + "</row>"
        return try Fixtures.workbook(sheets: [("opd", Fixtures.headerRows), ("applications", header + rows)])
    }

    private func messages(_ loaded: InventoryLoadResult) -> String {
        loaded.diagnostics.map { "\($0.code): \($0.message)" }.joined(separator: "\n")
    }

    @Test("a row numbered Int.max, then a row without a number, is an error naming the line, not an overflow trap")
    func rowOverflow() throws {
        let path = try applications(
            "<row r=\"9223372036854775807\">\(Fixtures.text("A2", "x"))</row><row><c t=\"inlineStr\"><is><t>y</t></is></c></row>"
        )
        let loaded = load(path)
        #expect(loaded.inventory == nil)
        #expect(
            messages(loaded).contains("row number '9223372036854775807' on line 1 is not a row number (1 to 1048576)"),
            "\(messages(loaded))")
    }

    @Test("the last row a sheet can have, then a row without a number, is an error")
    func rowAfterLast() throws {
        let path = try applications("<row r=\"1048576\">\(Fixtures.text("A1048576", "x"))</row><row/>")
        #expect(
            messages(load(path)).contains("comes after the last row a sheet can have (1048576)"),
            "\(messages(load(path)))")
    }

    @Test("cells without references past column XFD are an error, not an overflow")
    func columnOverflow() throws {
        let cells = String(repeating: "<c><v>1</v></c>", count: 16_385)
        let path = try applications("<row r=\"2\">\(cells)</row>")
        #expect(
            messages(load(path)).contains("has a cell past the last column a sheet can have (XFD)"),
            "\(messages(load(path)))")
    }

    @Test("a negative row number is refused, not reported at C-7")
    func negativeRow() throws {
        let path = try applications("<row r=\"-7\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>")
        let text = messages(load(path))
        #expect(text.contains("row number '-7' on line 1 is not a row number"), "\(text)")
        #expect(!text.contains("C-7") && !text.contains("A-7"))
    }

    @Test("two cells claiming B2 are an error naming both lines")
    func duplicateCell() throws {
        let rows =
            "<row r=\"2\">\n\(Fixtures.text("A2", "APP-1"))\n\(Fixtures.text("B2", "umum"))\n\(Fixtures.text("B2", "khusus"))\n</row>"
        let text = messages(load(try applications(rows)))
        #expect(text.contains("cell B2 of sheet 'applications' appears twice, on lines 3 and 4"), "\(text)")
    }

    @Test("a row that appears twice, or out of order, is an error naming both lines")
    func duplicateRow() throws {
        let twice =
            "<row r=\"2\">\(Fixtures.text("A2", "APP-1"))</row>\n<row r=\"2\">\(Fixtures.text("B2", "umum"))</row>"
        #expect(
            messages(load(try applications(twice))).contains(
                "row 2 of sheet 'applications' appears twice, on lines 1 and 2"))
        let backwards =
            "<row r=\"3\">\(Fixtures.text("A3", "APP-1"))</row>\n<row r=\"2\">\(Fixtures.text("A2", "APP-2"))</row>"
        #expect(messages(load(try applications(backwards))).contains("row 2 on line 2 comes after row 3 on line 1"))
    }

    @Test("a cell whose reference names another row, or no cell at all, is an error")
    func strayReference() throws {
        #expect(
            messages(load(try applications("<row r=\"2\">\(Fixtures.text("A5", "x"))</row>"))).contains(
                "cell A5 on line 1 is inside row 2"))
        #expect(
            messages(load(try applications("<row r=\"2\">\(Fixtures.text("C-7", "x"))</row>"))).contains(
                "cell reference 'C-7' on line 1 is not a cell reference"))
    }

    @Test("rows and cells without numbers still follow on from the ones before")
    func implicitPositions() throws {
        let rows =
            "<row>\(Fixtures.text("A2", "APP-1"))<c t=\"inlineStr\"><is><t>umum</t></is></c></row>"
            + "<row><c t=\"inlineStr\"><is><t>APP-2</t></is></c><c t=\"inlineStr\"><is><t>khusus</t></is></c></row>"
        let loaded = load(try applications(rows))
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        #expect(loaded.inventory?.collections[0].count == 2)
    }

    @Test("a well-formed sheet part of more than 10 MB loads (libxml2's one-chunk ceiling is not reached)")
    func largePart() throws {
        // 200,000 empty rows of 55 bytes each: 11 MB of XML, one chunk of it used to be "malformed XML".
        var rows = "<row r=\"2\">\(Fixtures.text("A2", "APP-1"))\(Fixtures.text("B2", "umum"))</row>"
        for number in 3...200_002 { rows += "<row r=\"\(number)\" customHeight=\"1\" ht=\"15.75\" hidden=\"0\"/>" }
        #expect(rows.utf8.count > 10_500_000)
        let loaded = load(try applications(rows))
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        #expect(loaded.inventory?.collections[0].count == 1)
    }

    @Test("a part whose CRC-32 does not match is damaged")
    func checksum() throws {
        let path = try applications("<row r=\"2\">\(Fixtures.text("A2", "APP-1"))\(Fixtures.text("B2", "umum"))</row>")
        #expect(load(path).diagnostics.isEmpty)
        try ZipSizes.damageChecksum(entry: "xl/worksheets/s2.xml", in: path)
        let text = messages(load(path))
        #expect(
            text.contains(
                "xlsx.invalid: cannot read workbook '\(path)': its part 'xl/worksheets/s2.xml' is damaged (its CRC-32 checksum does not match)"
            ), "\(text)")
    }

    @Test("the entry limit counts entries, not distinct names")
    func repeatedEntries() throws {
        let path = try applications("")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
        let data = Data("<x/>".utf8)
        for _ in 0..<20 {
            try archive.addEntry(with: "same.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        var limits = SheetLimits.default
        limits.maxEntries = 20
        #expect(messages(load(path, limits: limits)).contains("its zip directory lists more than 20 entries"))
    }

    @Test("a password-protected workbook (an OLE2 compound file) says so, and how to save it unprotected")
    func protected() throws {
        let url = try Fixtures.folder().appendingPathComponent("terkunci.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: url)
        let loaded = load(url.path)
        #expect(loaded.diagnostics.map(\.code) == ["xlsx.protected"])
        #expect(loaded.diagnostics.first?.message.contains("password-protected") == true)
        #expect(loaded.diagnostics.first?.suggestion?.contains("remove the password") == true)
    }

    @Test(
        "a DOCTYPE in a UTF-16 part is refused like one in UTF-8",
        arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16])
    func utf16Doctype(encoding: String.Encoding) throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst/>"
        let path = try Fixtures.workbook(
            sheets: [("opd", Fixtures.headerRows)], extraParts: [("xl/sharedStrings.xml", text.data(using: encoding)!)]
        )
        #expect(
            messages(load(path)).contains("it declares a DOCTYPE, which workbook parts never do"),
            "\(messages(load(path)))")
    }
}

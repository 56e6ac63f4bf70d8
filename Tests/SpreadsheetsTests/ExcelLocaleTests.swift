import DataModel
import Diagnostics
import Foundation
import Inventories
import OutputSafety
import Spreadsheets
import Testing

/// CSV files as Excel saves them where the region is Indonesia: semicolons (the decimal separator is a comma),
/// Windows-1252, CRLF, DD/MM/YYYY, BENAR/SALAH, decimal commas; and "Unicode text" (UTF-16 LE, tabs).
@Suite("CSV from Excel in the Indonesian locale")
struct ExcelLocaleTests {
    private let reader = InventoryReader(schema: Fixtures.schema)

    private func load(_ path: String, reader: InventoryReader? = nil) throws -> InventoryData {
        let loaded = (reader ?? self.reader).load(path: path)
        return try #require(loaded.inventory, "\(loaded.diagnostics)")
    }

    private func bundled(_ path: String) throws -> InventoryData {
        let loaded = InventoryReader(schema: Fixtures.bundledSchema).load(
            path: Fixtures.root.appendingPathComponent(path).path)
        #expect(loaded.diagnostics.isEmpty, "\(path): \(loaded.diagnostics)")
        return try #require(loaded.inventory, "\(path): \(loaded.diagnostics)")
    }

    /// Made by scripts/make-excel-id-fixtures.py from examples/csv/dinkes-sleman.
    @Test(
        "each Excel export reads as its YAML twin, value for value",
        arguments: ["semicolon-1252", "unicode-text-utf16"])
    func twins(folder: String) throws {
        let twin = try bundled("examples/dinkes-sleman.yaml")
        let excel = try bundled("Tests/Fixtures/inventories/excel-id/\(folder)")
        #expect(excel.header.values == twin.header.values)
        for slot in twin.collections.indices {
            #expect(excel.collections[slot].map(\.values) == twin.collections[slot].map(\.values), "collection \(slot)")
            #expect(excel.collections[slot].map(\.key) == twin.collections[slot].map(\.key))
        }
    }

    @Test("the delimiter is told from the header row: comma, semicolon or tab", arguments: [",", ";", "\t"])
    func sniffed(delimiter: String) throws {
        let text =
            ["id", "type", "budget", "sso"].joined(separator: delimiter) + "\r\n"
            + ["A-1", "umum", delimiter == "," ? "2.5" : "2,5", "BENAR"].joined(separator: delimiter) + "\r\n"
        let inventory = try load(try Fixtures.csvInventory(applications: text))
        let record = try #require(inventory.collections[0].first)
        #expect(record.values[1] == .string("umum"))
        #expect(record.values[3] == .number(2.5))
        #expect(record.values[4] == .bool(true))
    }

    @Test(
        "Indonesian booleans in any letter case",
        arguments: [("BENAR", true), ("salah", false), ("Ya", true), ("TIDAK", false), ("benar", true)])
    func booleans(word: String, value: Bool) throws {
        let inventory = try load(try Fixtures.csvInventory(applications: "id;type;sso\nA-1;umum;\(word)\n"))
        #expect(inventory.collections[0].first?.values[4] == .bool(value))
    }

    @Test("DD/MM/YYYY dates and Windows-1252 text with CRLF")
    func windows1252() throws {
        let bytes: [UInt8] = Array("id;type;audit;notes\r\nA-1;umum;15/03/2024;Caf".utf8) + [0xE9] + Array("\r\n".utf8)
        let inventory = try load(try Fixtures.csvInventory(["applications.csv": bytes]))
        let record = try #require(inventory.collections[0].first)
        #expect(record.values[5] == .date(Day(iso: "2024-03-15")!))
        #expect(record.values[7] == .string("Café"))
    }

    @Test("UTF-16 with a byte order mark, little and big endian", arguments: [true, false])
    func utf16(littleEndian: Bool) throws {
        let text = "id\ttype\tnotes\r\nA-1\tkhusus\tJalan Ahmad Yani №1\r\n"
        let units = Array(text.utf16)
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in units {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let inventory = try load(try Fixtures.csvInventory(["applications.csv": bytes]))
        #expect(inventory.collections[0].first?.values[7] == .string("Jalan Ahmad Yani №1"))
    }

    @Test("a header row no delimiter decides is an error that says what it saw and how to choose")
    func undecided() throws {
        let loaded = reader.load(path: try Fixtures.csvInventory(applications: "id;type,notes\nA-1;umum,x\n"))
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(loaded.inventory == nil)
        #expect(diagnostic.code == "sheet.csv_delimiter")
        #expect(diagnostic.message.contains("'id;type,notes'"))
        #expect(diagnostic.suggestion?.contains("--delimiter ';'") == true)
    }

    @Test("--delimiter overrides the sniffing")
    func override() throws {
        let folder = try Fixtures.csvInventory(applications: "id;type\nA-1;umum\n")
        let inventory = try load(folder, reader: InventoryReader(schema: Fixtures.schema, delimiter: .semicolon))
        #expect(inventory.collections[0].first?.values[1] == .string("umum"))
        let comma = InventoryReader(schema: Fixtures.schema, delimiter: .comma).load(path: folder)
        #expect(comma.diagnostics.contains { $0.code == "sheet.unknown_column" && $0.message.contains("'id;type'") })
    }

    @Test("a template and a conversion write semicolons and decimal commas when asked, and read back")
    func writeSemicolons() throws {
        let source = try Fixtures.csvInventory(applications: "id,type,budget,sso,modules\nA-1,umum,2.5,true,a; b\n")
        let inventory = try load(source)
        let destination = try Fixtures.folder().appendingPathComponent("out").path
        let export = InventoryExport.files(
            inventory, schema: Fixtures.schema, format: .csv, destination: destination, delimiter: .semicolon)
        #expect(AtomicFileWriter.write(export.files, protected: [], replaceExisting: false).isEmpty)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: destination + "/applications.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("id;type;users;budget".utf8)))
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written.contains("A-1;umum;;2,5;true;;\"a; b\""))
        let back = try load(destination)
        #expect(back.collections[0].map(\.values) == inventory.collections[0].map(\.values))
        let template = InventoryTemplate.files(
            schema: Fixtures.schema, format: .csv, folder: destination + "-template", delimiter: .semicolon)
        let csv = try #require(template.first { $0.path.hasSuffix("applications.csv") })
        #expect(csv.data.starts(with: Array("\u{FEFF}id;type;users".utf8)))
    }
}

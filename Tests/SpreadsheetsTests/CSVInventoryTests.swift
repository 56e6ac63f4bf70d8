import DataModel
import Diagnostics
import Inventories
import Spreadsheets
import Testing

@Suite("CSV inventories")
struct CSVInventoryTests {
    private func load(_ path: String, encoding: TextEncodingChoice = .auto) -> InventoryLoadResult {
        InventoryReader(schema: Fixtures.schema, encoding: encoding).load(path: path)
    }

    private func located(_ result: InventoryLoadResult, _ code: String) -> [String] {
        result.diagnostics.filter { $0.code == code }.map { $0.location.map(\.description) ?? "-" }
    }

    @Test("cells are typed by their column; labels match headers case-insensitively; lists split at ';'")
    func typed() throws {
        let folder = try Fixtures.csvInventory(
            applications: """
                ID aplikasi,JENIS APLIKASI,users,budget,sso,audit,modul,notes
                # a guide row: skipped
                A-1,khusus,120,12.5,ya,2024-05-01,a; b ;c,
                A-2,umum,,,0,15/03/2024,,"two
                lines"
                """)
        let loaded = load(folder)
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.isEmpty)
        let records = inventory.collections[0]
        #expect(
            records.map(\.values) == [
                [
                    .string("A-1"), .string("khusus"), .int(120), .number(12.5), .bool(true),
                    .date(Day(iso: "2024-05-01")!),
                    .list([.string("a"), .string("b"), .string("c")]), .null,
                ],
                [
                    .string("A-2"), .string("umum"), .null, .null, .bool(false), .date(Day(iso: "2024-03-15")!), .null,
                    .string("two\nlines"),
                ],
            ])
        #expect(records.map(\.location.line) == [3, 4])
        #expect(records[0].location.file.hasSuffix("applications.csv"))
        #expect(inventory.source == folder)
    }

    @Test("a wrong type, an unknown enum value and a bad date point at file.csv:line:column")
    func cellErrors() throws {
        let folder = try Fixtures.csvInventory(
            applications:
                "id,type,users,audit\nA-1,khusus,banyak,2024-02-30\nA-2,khsus,3,\"1\n2\"\nA-3,umum,4,31/02/2024\n")
        let loaded = load(folder)
        #expect(loaded.inventory == nil)
        let errors = loaded.diagnostics.filter { $0.code == "sheet.type" }
        let file = folder + "/applications.csv"
        #expect(
            errors.map(\.description) == [
                "\(file):2:3: error[sheet.type]: applications.users expects a whole number, found 'banyak'",
                "\(file):2:4: error[sheet.type]: invalid date '2024-02-30' for applications.audit; write dates as YYYY-MM-DD or DD/MM/YYYY, for example 2024-03-15",
                "\(file):3:2: error[sheet.type]: unknown value 'khsus' for applications.type; did you mean 'khusus'?",
                "\(file):3:4: error[sheet.type]: invalid date '1\n2' for applications.audit; write dates as YYYY-MM-DD or DD/MM/YYYY, for example 2024-03-15",
                "\(file):5:4: error[sheet.type]: invalid date '31/02/2024' for applications.audit; write dates as YYYY-MM-DD or DD/MM/YYYY, for example 2024-03-15",
            ])
    }

    @Test("an unknown enum value with no near match lists the allowed values")
    func allowedValues() throws {
        let loaded = load(try Fixtures.csvInventory(applications: "id,type\nA-1,lokal\n"))
        #expect(loaded.diagnostics.first?.suggestion == "allowed: umum, khusus")
    }

    @Test("an unknown column is a warning with a suggestion, and the rest is still read")
    func unknownColumn() throws {
        let folder = try Fixtures.csvInventory(applications: "id,type,userz,tanggal audit\nA-1,umum,3,2024-01-02\n")
        let loaded = load(folder)
        let warning = try #require(loaded.diagnostics.first { $0.code == "sheet.unknown_column" })
        #expect(warning.severity == .warning)
        #expect(warning.location?.description == folder + "/applications.csv:1:3")
        #expect(warning.suggestion == "did you mean 'users'?")
        #expect(loaded.inventory?.collections[0].first?.values[5] == .date(Day(iso: "2024-01-02")!))
    }

    @Test("a missing required column and an empty required cell are errors where they belong")
    func required() throws {
        let noColumn = load(try Fixtures.csvInventory(applications: "id,users\nA-1,3\n"))
        #expect(located(noColumn, "sheet.missing_column").map { String($0.suffix(20)) } == ["applications.csv:1:1"])
        let emptyCell = load(try Fixtures.csvInventory(applications: "id,type\n,umum\n"))
        #expect(located(emptyCell, "sheet.missing_value").map { String($0.suffix(20)) } == ["applications.csv:2:1"])
    }

    @Test("CRLF line ends, a byte order mark and quoted line breaks keep positions right")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}id,type,notes,users\r\nA-1,umum,\"a\r\nb\r\nc\",1\r\nA-2,umum,x,dua\r\n"
        let loaded = load(try Fixtures.csvInventory(applications: text))
        #expect(loaded.diagnostics.map { $0.location?.description.suffix(20) } == ["applications.csv:5:4"])
        #expect(loaded.diagnostics.first?.message == "applications.users expects a whole number, found 'dua'")
    }

    @Test("Windows-1252 exports are detected, or forced with --encoding; forced UTF-8 points at the bad byte")
    func windows1252() throws {
        // "Dinas Pendidikan – Café" in Windows-1252: 0x96 is an en dash, 0xE9 an e with acute accent.
        var bytes = Array("id,type,notes\nA-1,umum,Pendidikan ".utf8)
        bytes += [0x96, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]
        let folder = try Fixtures.csvInventory(["applications.csv": bytes])
        #expect(load(folder).inventory?.collections[0].first?.values[7] == .string("Pendidikan – Café"))
        #expect(
            load(folder, encoding: .windows1252).inventory?.collections[0].first?.values[7]
                == .string("Pendidikan – Café"))
        let strict = load(folder, encoding: .utf8)
        #expect(strict.diagnostics.map(\.code) == ["sheet.encoding"])
        #expect(strict.diagnostics.first?.location?.description.hasSuffix("applications.csv:2:21") == true)
    }

    @Test("an unclosed quote is reported at the cell that opens it")
    func unclosedQuote() throws {
        let loaded = load(
            try Fixtures.csvInventory(applications: "id,type,notes\nA-1,umum,\"never closed\nA-2,umum,x\n"))
        #expect(loaded.diagnostics.map(\.code) == ["sheet.csv_quote"])
        #expect(loaded.diagnostics.first?.location?.description.hasSuffix("applications.csv:2:3") == true)
    }

    @Test("a CSV file of no collection is a warning with a suggestion")
    func unknownFile() throws {
        let loaded = load(
            try Fixtures.csvInventory([
                "aplikasi.csv": Array("id,type\nA-1,umum\n".utf8), "layanann.csv": Array("id\n".utf8),
            ]))
        #expect(loaded.inventory?.collections[0].count == 1)
        #expect(loaded.diagnostics.map(\.code) == ["sheet.unknown_collection"])
    }

    @Test("a CSV file past the size limit is refused before it is read")
    func tooLarge() throws {
        var limits = SheetLimits.default
        limits.maxFileBytes = 1000
        let folder = try Fixtures.csvInventory(applications: "id,type\n" + String(repeating: "A-1,umum\n", count: 200))
        let loaded = InventoryReader(schema: Fixtures.schema, limits: limits).load(path: folder)
        #expect(loaded.inventory == nil)
        #expect(loaded.diagnostics.map(\.code) == ["input.too_large"])
    }

    @Test("more cells than the limit are refused with a clear error")
    func tooManyCells() throws {
        var limits = SheetLimits.default
        limits.maxCells = 50
        let folder = try Fixtures.csvInventory(applications: "id,type\n" + String(repeating: "A-1,umum\n", count: 40))
        let loaded = InventoryReader(schema: Fixtures.schema, limits: limits).load(path: folder)
        #expect(loaded.diagnostics.map(\.code) == ["sheet.too_large"])
    }
}

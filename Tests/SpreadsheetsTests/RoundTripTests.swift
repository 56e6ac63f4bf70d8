import DataModel
import Diagnostics
import Foundation
import Inventories
import OutputSafety
import Spreadsheets
import Testing

/// Converting an inventory to another format and back must give the same values, for every example.
@Suite("lossless conversion")
struct RoundTripTests {
    /// Every inventory in examples/ (YAML, JSON, and the CSV and XLSX examples themselves).
    static let examples: [String] = InventoryDiscovery.files(in: [Fixtures.root.appendingPathComponent("examples").path]
    ).files
        .filter { !$0.contains("/packs/") }
        .map { String($0.dropFirst(Fixtures.root.path.count + 1)) }

    private let reader = InventoryReader(schema: Fixtures.bundledSchema)

    private func load(_ path: String) throws -> InventoryData {
        let loaded = reader.load(path: path)
        return try #require(loaded.inventory, "\(path): \(loaded.diagnostics)")
    }

    /// Writes `inventory` as `format` in a new folder and loads it again.
    private func convert(_ inventory: InventoryData, to format: InventoryFormat) throws -> InventoryData {
        let name = ["yaml": "x.yaml", "json": "x.json", "csv": "x", "xlsx": "x.xlsx"][format.rawValue]!
        let destination = try Fixtures.folder().appendingPathComponent(name).path
        let export = InventoryExport.files(
            inventory, schema: Fixtures.bundledSchema, format: format, destination: destination)
        #expect(export.diagnostics.isEmpty, "\(export.diagnostics)")
        #expect(AtomicFileWriter.write(export.files, protected: [], replaceExisting: false).isEmpty)
        return try load(destination)
    }

    private func expectSame(
        _ left: InventoryData, _ right: InventoryData, _ step: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(left.header.values == right.header.values, "\(step): header", sourceLocation: sourceLocation)
        for slot in left.collections.indices {
            #expect(
                left.collections[slot].map(\.values) == right.collections[slot].map(\.values),
                "\(step): collection \(slot)", sourceLocation: sourceLocation)
            #expect(
                left.collections[slot].map(\.key) == right.collections[slot].map(\.key), sourceLocation: sourceLocation)
        }
    }

    @Test("the examples are found")
    func found() {
        #expect(RoundTripTests.examples.count >= 15)
        #expect(RoundTripTests.examples.contains("examples/csv/dinkes-sleman"))
        #expect(RoundTripTests.examples.contains("examples/xlsx/dpmptsp-sleman.xlsx"))
    }

    @Test("YAML → XLSX → YAML keeps every value", arguments: examples)
    func throughWorkbook(path: String) throws {
        let original = try load(Fixtures.root.appendingPathComponent(path).path)
        let workbook = try convert(original, to: .xlsx)
        expectSame(original, workbook, "to XLSX")
        expectSame(original, try convert(workbook, to: .yaml), "back to YAML")
    }

    @Test("YAML → CSV → YAML keeps every value", arguments: examples)
    func throughCSV(path: String) throws {
        let original = try load(Fixtures.root.appendingPathComponent(path).path)
        let folder = try convert(original, to: .csv)
        expectSame(original, folder, "to CSV")
        expectSame(original, try convert(folder, to: .yaml), "back to YAML")
    }

    @Test("YAML → JSON → YAML keeps every value", arguments: examples)
    func throughJSON(path: String) throws {
        let original = try load(Fixtures.root.appendingPathComponent(path).path)
        expectSame(original, try convert(try convert(original, to: .json), to: .yaml), "JSON and back")
    }

    @Test("awkward text survives every format: quotes, commas, line breaks, #, _x000D_, control characters, old dates")
    func awkwardValues() throws {
        let schema = Fixtures.schema
        let texts = [
            "a, \"quoted\" b", "two\nlines", "50% #1: x", "_x000D_ literal", "tab\there", "yes", "null", "2024",
            "ü – ✓", "bell\u{7}",
            "=HYPERLINK(\"http://x.example\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "'=already", "''@x",
            "'plain",
        ]
        let records = texts.enumerated().map { index, text in
            Record(
                values: [
                    .string("A-\(index)"), .string("umum"), .int(-3), .number(1e-05), .bool(index % 2 == 0),
                    .date(Day(iso: index == 0 ? "1899-01-31" : "2024-02-29")!), .list([.string("x y"), .string("z")]),
                    .string(text),
                ],
                location: SourceLocation(file: "t", line: index + 1, column: 1), key: "A-\(index)")
        }
        let header = Record(
            values: [.string("X-01"), .string("Dinas \"X\"")], location: SourceLocation(file: "t", line: 1, column: 1),
            key: "X-01")
        let inventory = InventoryData(source: "t", header: header, collections: [records])
        for format in InventoryFormat.allCases {
            let name = format == .csv ? "x" : "x.\(format.rawValue)"
            let destination = try Fixtures.folder().appendingPathComponent(name).path
            let export = InventoryExport.files(inventory, schema: schema, format: format, destination: destination)
            #expect(export.diagnostics.isEmpty, "\(format): \(export.diagnostics)")
            #expect(AtomicFileWriter.write(export.files, protected: [], replaceExisting: false).isEmpty)
            let loaded = InventoryReader(schema: schema).load(path: destination)
            let back = try #require(loaded.inventory, "\(format): \(loaded.diagnostics)")
            expectSame(inventory, back, format.rawValue)
        }
    }

    @Test("CSV files never start a cell with a formula, and read back to the same text")
    func formulaInjection() throws {
        let texts = ["=HYPERLINK(\"http://x.example\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-1+1", "'=x"]
        let records = texts.enumerated().map { index, text in
            Record(
                values: [
                    .string(text), .string("umum"), .int(-3), .null, .null, .null,
                    .list([.string("=1"), .string("b")]), .null,
                ],
                location: SourceLocation(file: "t", line: index + 1, column: 1), key: text)
        }
        let header = Record(
            values: [.string("X-01"), .string("=Dinas")], location: SourceLocation(file: "t", line: 1, column: 1),
            key: "X-01")
        let inventory = InventoryData(source: "t", header: header, collections: [records])
        let destination = try Fixtures.folder().appendingPathComponent("x").path
        let export = InventoryExport.files(inventory, schema: Fixtures.schema, format: .csv, destination: destination)
        #expect(AtomicFileWriter.write(export.files, protected: [], replaceExisting: false).isEmpty)
        let csv = try String(contentsOfFile: destination + "/applications.csv", encoding: .utf8)
        for line in csv.split(separator: "\r\n").dropFirst(2) {
            let cell = line.hasPrefix("\"") ? line.dropFirst() : line[...]
            #expect(
                cell.hasPrefix("'=") || cell.hasPrefix("'+") || cell.hasPrefix("'@") || cell.hasPrefix("'-")
                    || cell.hasPrefix("''="), "\(line)")
            #expect(line.contains(",-3,"), "numbers stay numbers: \(line)")
            #expect(line.contains(",'=1; b,"), "\(line)")
        }
        let back = try #require(InventoryReader(schema: Fixtures.schema).load(path: destination).inventory)
        expectSame(inventory, back, "CSV")
    }

    @Test(
        "values a cell cannot give back are refused, naming the record",
        arguments: [
            (Value.list([]), "empty list"), (.string(" padded"), "spaces"), (.list([.string("a;b")]), "';'"),
            (.string(""), "empty text"),
        ])
    func lossy(value: Value, reason: String) throws {
        let values: [Value] = [.string("A-1"), .string("umum"), .null, .null, .null, .null, .null, .null]
        var changed = values
        changed[value.isList ? 6 : 7] = value
        let record = Record(values: changed, location: SourceLocation(file: "in.yaml", line: 7, column: 5), key: "A-1")
        let header = Record(
            values: [.string("X"), .null], location: SourceLocation(file: "in.yaml", line: 1, column: 1), key: "X")
        let inventory = InventoryData(source: "in.yaml", header: header, collections: [[record]])
        for format in [InventoryFormat.csv, .xlsx] {
            let export = InventoryExport.files(
                inventory, schema: Fixtures.schema, format: format, destination: "/nonexistent/x")
            #expect(export.files.isEmpty)
            #expect(export.diagnostics.map(\.code) == ["convert.lossy"])
            #expect(export.diagnostics.first?.location?.description == "in.yaml:7:5")
            #expect(export.diagnostics.first?.message.contains("'A-1'") == true)
        }
    }
}

extension Value {
    fileprivate var isList: Bool {
        if case .list = self { return true }
        return false
    }
}

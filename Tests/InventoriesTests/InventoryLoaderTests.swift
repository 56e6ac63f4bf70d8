import DataModel
import Diagnostics
import Foundation
import Inventories
import Testing

@Suite("loading inventories")
struct InventoryLoaderTests {
    let schema = TestInventorySchema.schema

    private func load(_ text: String, name: String = "opd.yaml") throws -> InventoryLoadResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-inv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return InventoryLoader(schema: schema).load(path: path)
    }

    @Test("values are typed into schema slots, records keep their line")
    func typed() throws {
        let loaded = try load(
            """
            spbe_inventory: 1
            opd: {id: X, name: Dinas X}
            applications:
              - id: A
                type: khusus
                users: 120
                budget: 12.5
                sso: ya
                audit: 2024-05-01
                modules: [a, b]
            """)
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        let record = try #require(inventory.collections[0].first)
        #expect(
            record.values == [
                .string("A"), .string("khusus"), .int(120), .number(12.5), .bool(true), .date(Day(iso: "2024-05-01")!),
                .list([.string("a"), .string("b")]), .null,
            ])
        #expect(record.location.line == 4)
        #expect(record.key == "A")
    }

    @Test("an unknown enum value names the allowed ones")
    func unknownEnumValue() throws {
        let loaded = try load("spbe_inventory: 1\nopd: {id: X}\napplications:\n  - id: A\n    type: khsus\n")
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(error.message == "unknown value 'khsus' for applications.type")
        #expect(error.suggestion == "did you mean 'khusus'?")
        #expect(error.location == SourceLocation(file: error.location!.file, line: 5, column: 11))
    }

    @Test("JSON inventories load the same way")
    func json() throws {
        let loaded = try load(
            #"{"spbe_inventory": 1, "opd": {"id": "X"}, "applications": [{"id": "A", "type": "umum", "users": 3}]}"#,
            name: "opd.json")
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(inventory.collections[0][0].values[2] == .int(3))
    }

    @Test(
        "wrong values are errors at their exact position",
        arguments: [
            ("users: banyak", "applications.users expects a whole number, found 'banyak'", 6, 12),
            ("audit: 2024-02-30", "invalid date '2024-02-30' for applications.audit", 6, 12),
            ("sso: mungkin", "applications.sso expects true or false (ya/tidak), found 'mungkin'", 6, 10),
            ("modules: {a: b}", "applications.modules expects a list (for example [a, b]), found a mapping", 6, 14),
            (
                "users: 99999999999999999999", "the number 99999999999999999999 for applications.users is too large", 6,
                12
            ),
        ])
    func wrongValues(line: String, message: String, row: Int, column: Int) throws {
        let loaded = try load(
            "spbe_inventory: 1\nopd: {id: X}\napplications:\n  - id: A\n    type: umum\n    \(line)\n")
        #expect(loaded.inventory == nil)
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(error.message == message)
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test("a missing required field is an error at the record")
    func missingRequired() throws {
        let loaded = try load("spbe_inventory: 1\nopd: {id: X}\napplications:\n  - id: A\n")
        #expect(loaded.diagnostics.contains { $0.code == "inventory.missing_field" && $0.location?.line == 4 })
    }

    @Test("unknown fields and sections are warnings with suggestions; the inventory still loads")
    func unknownFields() throws {
        let loaded = try load(
            "spbe_inventory: 1\nopd: {id: X}\napplication: []\napplications:\n  - {id: A, type: umum, modul: [x]}\n")
        #expect(loaded.inventory != nil)
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.suggestion) == ["did you mean 'applications'?", "did you mean 'modules'?"])
    }

    @Test("an unsupported format version is an error")
    func format() throws {
        let loaded = try load("spbe_inventory: 2\nopd: {id: X}\n")
        #expect(loaded.diagnostics.contains { $0.code == "inventory.unsupported_format" })
    }
}

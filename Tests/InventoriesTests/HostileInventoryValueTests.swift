import DataModel
import Diagnostics
import Foundation
import Inventories
import Testing

/// Awkward but legitimate inventories load correctly; wrong values are errors with file and line; nothing
/// crashes.
@Suite("hostile inventory values")
struct HostileInventoryValueTests {
    let schema = InventorySchema(
        header: RecordSchema(
            name: "opd",
            fields: [
                FieldSchema(name: "id", type: .string, required: true), FieldSchema(name: "name", type: .string),
            ]),
        collections: [
            RecordSchema(
                name: "applications",
                fields: [
                    FieldSchema(name: "id", type: .string, required: true),
                    FieldSchema(name: "type", type: .enumeration(values: ["umum", "khusus"])),
                    FieldSchema(name: "hosting", type: .string),
                    FieldSchema(name: "users", type: .int),
                    FieldSchema(name: "budget", type: .number),
                    FieldSchema(name: "audit", type: .date),
                ])
        ]
    )

    private func load(_ bytes: [UInt8], name: String = "opd.yaml") throws -> (InventoryLoadResult, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-hostile-values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (InventoryLoader(schema: schema).load(path: path), path)
    }

    private func load(_ text: String, name: String = "opd.yaml") throws -> (InventoryLoadResult, String) {
        try load(Array(text.utf8), name: name)
    }

    private let header = "spbe_inventory: 1\nopd: {id: X, name: Dinas X}\napplications:\n"

    @Test("anchors, aliases and merge keys used legitimately still work")
    func anchorsAndMergeKeys() throws {
        let (loaded, _) = try load(
            """
            spbe_inventory: 1
            opd: &opd {id: X, name: Dinas X}
            applications:
              - &base {id: A, type: khusus, hosting: pdn, users: 10}
              - <<: *base
                id: B
                users: 20
              - {<<: [*base], id: C, hosting: cloud}
              - *base
            """)
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        let rows = inventory.collections[0].map { ($0.values[0], $0.values[1], $0.values[2], $0.values[3]) }
        #expect(rows.map(\.0) == [.string("A"), .string("B"), .string("C"), .string("A")])
        #expect(rows.map(\.1) == Array(repeating: .string("khusus"), count: 4))
        #expect(rows.map(\.2) == [.string("pdn"), .string("pdn"), .string("cloud"), .string("pdn")])
        #expect(rows.map(\.3) == [.int(10), .int(20), .int(10), .int(10)])
        // The repeated record is a duplicate id, a warning: the inventory is still checked.
        #expect(loaded.diagnostics.map(\.code) == ["inventory.duplicate_id"])
    }

    @Test("CRLF line endings and a byte order mark read as the same inventory, with the same lines")
    func lineEndingsAndBOM() throws {
        let text = header + "  - id: A\n    type: khusus\n    users: 5\n    audit: 2024-02-30\n"
        let (lf, _) = try load(text)
        let (crlf, _) = try load(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let (bom, _) = try load([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        for result in [lf, crlf, bom] {
            #expect(
                result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" } == [
                    "7:12 invalid date '2024-02-30' for applications.audit"
                ])
        }
        let (good, _) = try load((header + "  - {id: A, users: 5}\n").replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(good.inventory?.collections[0].first?.values[3] == .int(5))
    }

    @Test(
        "numbers that overflow are errors with their line",
        arguments: [
            ("users: 99999999999999999999", "the number 99999999999999999999 for applications.users is too large"),
            ("users: -9223372036854775809", "the number -9223372036854775809 for applications.users is too large"),
            ("users: 0x1ffffffffffffffff", "the number 0x1ffffffffffffffff for applications.users is too large"),
            ("budget: 1e400", "applications.budget expects a number, found '1e400'"),
            ("budget: .inf", "applications.budget expects a number, found '.inf'"),
            ("users: 1.5", "applications.users expects a whole number, found the decimal number 1.5"),
        ])
    func overflow(_ line: String, _ message: String) throws {
        let (loaded, path) = try load(header + "  - id: A\n    \(line)\n")
        #expect(loaded.inventory == nil)
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.message == message)
        #expect(
            diagnostic.location
                == SourceLocation(
                    file: path, line: 5,
                    column: 5 + line.distance(from: line.startIndex, to: line.firstIndex(of: " ")!) + 1))
    }

    @Test("the largest and smallest 64-bit integers are accepted")
    func extremes() throws {
        let (loaded, _) = try load(
            header + "  - {id: A, users: 9223372036854775807}\n  - {id: B, users: -9223372036854775808}\n")
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(inventory.collections[0].map { $0.values[3] } == [.int(.max), .int(.min)])
    }

    @Test(
        "dates: existing days only, four-digit years, no times or time zones",
        arguments: [
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2024-13-45", false),
            ("2024-00-10", false),
            ("2024-04-31", false),
            ("10000-01-01", false),
            ("0000-01-01", false),
            ("9999-12-31", true),
            ("0001-01-01", true),
            ("2024-03-15T10:00:00", false),
            ("2024-03-15 10:00:00", false),
            ("2024-03-15T10:00:00+07:00", false),
            ("2024-3-5", false),
            ("\"2024-03-15\"", true),
        ])
    func dates(_ text: String, _ valid: Bool) throws {
        let (loaded, path) = try load(header + "  - id: A\n    audit: \(text)\n")
        if valid {
            let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
            let expected = Day(iso: text.replacingOccurrences(of: "\"", with: ""))
            #expect(inventory.collections[0][0].values[5] == .date(try #require(expected)))
        } else {
            #expect(loaded.inventory == nil)
            #expect(
                loaded.diagnostics.first?.description
                    == "\(path):5:12: error[inventory.type]: invalid date '\(text)' for applications.audit; write dates as YYYY-MM-DD, for example 2024-03-15"
            )
        }
    }

    @Test("non-ASCII text and names keep their columns")
    func nonASCII() throws {
        let (loaded, path) = try load(header + "  - {id: \"Ünïcode 日本\", users: x}\n", name: "inventaris ñ 日本.yaml")
        #expect(
            loaded.diagnostics.first?.description
                == "\(path):4:31: error[inventory.type]: applications.users expects a whole number, found 'x'")
    }

    @Test("a file that vanished or is a folder is an error naming it")
    func vanished() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-gone-\(UUID().uuidString).yaml"
        ).path
        let loaded = InventoryLoader(schema: schema).load(path: missing)
        #expect(loaded.diagnostics.first?.message == "cannot read '\(missing)': no such file")
        let folder = FileManager.default.temporaryDirectory.path
        #expect(
            InventoryLoader(schema: schema).load(path: folder).diagnostics.first?.message.contains("it is a folder")
                == true)
    }

    @Test(
        "a read error after opening is reported, not a crash",
        .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem"), "needs Linux /proc"))
    func readError() {
        // Reading /proc/self/mem at offset 0 fails with EIO even for root: a file that opens but cannot be read.
        let loaded = InventoryLoader(schema: schema).load(path: "/proc/self/mem")
        #expect(loaded.inventory == nil)
        #expect(
            loaded.diagnostics.first?.message == "cannot read '/proc/self/mem': Input/output error",
            "\(loaded.diagnostics)")
    }

    @Test(
        "tagged scalars are what their tag says: !!int \"5\" is 5, !!float \"1\" the whole number 1 (as JSON Schema's integer), !!float \"1.5\" a decimal number that says so"
    )
    func taggedScalars() throws {
        let (loaded, _) = try load(header + "  - {id: A, users: !!int \"5\", budget: !!float \"2\"}\n")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.inventory?.collections[0].first?.values[3] == .int(5))
        #expect(loaded.inventory?.collections[0].first?.values[4] == .number(2))
        let (whole, _) = try load(header + "  - {id: A, users: !!float \"1\"}\n")
        #expect(whole.diagnostics.isEmpty, "\(whole.diagnostics)")
        #expect(whole.inventory?.collections[0].first?.values[3] == .int(1))
        let (wrong, path) = try load(header + "  - {id: A, users: !!float \"1.5\"}\n")
        #expect(
            wrong.diagnostics.map(\.message) == [
                "applications.users expects a whole number, found the decimal number 1.5"
            ])
        #expect(wrong.diagnostics.first?.suggestion == "write it without a decimal point or a !!float tag")
        #expect(wrong.diagnostics.first?.location?.description.hasPrefix("\(path):4:") == true)
    }
}

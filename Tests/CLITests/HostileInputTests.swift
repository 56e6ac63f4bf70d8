import Foundation
import Testing

/// Every bad inventory gets one clear message naming the file (and the line where there is one), exit 2,
/// within seconds, and no crash.
@Suite("hostile and broken inventories", .serialized)
struct HostileInputTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-hostile-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: @Sendable () -> [UInt8]
        let expected: String
        var testDescription: String { name }
    }

    static let header = "spbe_inventory: 1\nopd: {id: X, name: Dinas X}\n"

    static let cases: [Case] = [
        Case(
            name: "malformed YAML", bytes: { Array((header + "applications:\n  - id: A\n    name: [unclosed\n").utf8) },
            expected: "started at line 5, column 11"),
        Case(
            name: "malformed JSON", bytes: { Array("{\"spbe_inventory\": 1, \"opd\": {\"id\": \"X\",}\n".utf8) },
            expected: ":1:"),
        Case(
            name: "wrong type",
            bytes: { Array((header + "applications:\n  - {id: A, name: B, type: umum, via_splp: maybe}\n").utf8) },
            expected: "expects true or false"),
        Case(
            name: "unknown enum value",
            bytes: { Array((header + "applications:\n  - {id: A, name: B, type: khsus}\n").utf8) },
            expected: "did you mean 'khusus'?"),
        Case(
            name: "invalid date",
            bytes: {
                Array(
                    (header + "applications:\n  - {id: A, name: B, type: umum, security_audit_date: 2024-02-30}\n").utf8
                )
            }, expected: "invalid date '2024-02-30'"),
        Case(
            name: "duplicate key",
            bytes: { Array((header + "applications:\n  - id: A\n    name: B\n    name: C\n    type: umum\n").utf8) },
            expected: "duplicate key 'name'"),
        Case(
            name: "alias bomb",
            bytes: {
                var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                for level in 1...12 {
                    text +=
                        "a\(level): &a\(level) ["
                        + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
                }
                return Array(text.utf8)
            }, expected: "nodes"),
        Case(
            name: "deep nesting",
            bytes: { Array((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8) },
            expected: "deep"),
        Case(
            name: "invalid UTF-8",
            bytes: { Array(header.utf8) + [0x6E, 0x6F, 0x74, 0x65, 0x3A, 0x20, 0xC3, 0x28, 0x0A] }, expected: ":3:"),
        Case(
            name: "binary file", bytes: { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] },
            expected: "binary"),
        Case(
            name: "huge file", bytes: { Array(repeating: UInt8(ascii: "#"), count: 17 * 1024 * 1024) },
            expected: "too large"),
        Case(name: "not a mapping", bytes: { Array("- just\n- a list\n".utf8) }, expected: "must be a mapping"),
        Case(
            name: "missing opd", bytes: { Array("spbe_inventory: 1\napplications: []\n".utf8) }, expected: "no 'opd:'"),
    ]

    @Test("exits 2 with a clear message", arguments: cases)
    func hostile(_ testCase: Case) throws {
        let file = Self.folder.appendingPathComponent(testCase.name.replacingOccurrences(of: " ", with: "-") + ".yaml")
        try Data(testCase.bytes()).write(to: file)
        let started = Date()
        let result = try SPBEProcess.run(
            ["check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", file.path], timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(file.path), "\(result.stderr)")
        #expect(result.stderr.contains(testCase.expected), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("a symbolic link loop is reported, not followed forever")
    func symlinkLoop() throws {
        let loop = Self.folder.appendingPathComponent("loop.yaml")
        try? FileManager.default.removeItem(at: loop)
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let result = try SPBEProcess.run(["check", "--pack", "Tests/Fixtures/packs/mini", loop.path], timeout: 20)
        #expect(result.status == 2)
        #expect(result.stderr.contains("loop.yaml"))
    }

    @Test("a folder that links to itself is walked once")
    func folderLoop() throws {
        let folder = Self.folder.appendingPathComponent("regency")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml"),
            to: folder.appendingPathComponent("a.yaml")
        )
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("again").path, withDestinationPath: folder.path)
        let result = try SPBEProcess.run(
            ["check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--format", "json", folder.path],
            timeout: 20)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["inventories"] as? [Any])?.count == 1)
    }

    @Test("a missing file exits 2 and names it")
    func missingFile() throws {
        let result = try SPBEProcess.run(["check", "--pack", "Tests/Fixtures/packs/mini", "no/such/file.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.yaml"))
    }

    @Test("a YAML syntax error in an inventory is shown with its line and a caret, as in a pack")
    func syntaxErrorExcerpt() throws {
        let file = Self.folder.appendingPathComponent("syntax-error.yaml")
        try Data((Self.header + "applications:\n  - id: A\n    name: B\n   type: umum\n").utf8).write(to: file)
        let result = try SPBEProcess.run(["check", "--pack", "Tests/Fixtures/packs/mini", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[yaml.syntax]"), "\(result.stderr)")
        #expect(result.stderr.contains(" |    type: umum\n"), "\(result.stderr)")
        #expect(result.stderr.contains("^"), "\(result.stderr)")
    }

    @Test("unknown fields are warnings with a suggestion and the inventory is still checked")
    func unknownField() throws {
        let file = Self.folder.appendingPathComponent("unknown-field.yaml")
        try Data((Self.header + "applications:\n  - {id: A, name: B, type: umum, hostng: pdn}\n").utf8).write(to: file)
        let result = try SPBEProcess.run([
            "check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--fail-on", "none", file.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(file.path):4:34: warning[inventory.unknown_field]: unknown field 'hostng' on applications is ignored; did you mean 'hosting'?"
            ))
    }
}

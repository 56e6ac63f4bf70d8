import Foundation
import Inventories
import Testing

@Suite("finding inventory files")
struct InventoryDiscoveryTests {
    @Test("folders are searched recursively in path order, hidden entries and other files skipped")
    func recursive() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-disc-\(UUID().uuidString)")
        for path in ["b/opd.yaml", "a/x.json", "a/notes.txt", ".hidden/h.yaml", "c.yml"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let found = InventoryDiscovery.files(in: [root.path])
        #expect(found.diagnostics.isEmpty)
        #expect(found.files.map { String($0.dropFirst(root.path.count + 1)) } == ["a/x.json", "b/opd.yaml", "c.yml"])
    }

    @Test("a missing path is reported by name")
    func missing() {
        let found = InventoryDiscovery.files(in: ["/no/such/inventory.yaml"])
        #expect(found.files.isEmpty)
        #expect(found.diagnostics.first?.message.contains("/no/such/inventory.yaml") == true)
    }
}

@Suite("finding spreadsheet inventories")
struct SpreadsheetDiscoveryTests {
    @Test("a folder with opd.yaml and CSV files is one inventory; workbooks are found; lock files skipped")
    func csvFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-disc-\(UUID().uuidString)")
        for path in [
            "dinkes/opd.yaml", "dinkes/applications.csv", "dinkes/nested/x.yaml", "bappeda.xlsx", "~$bappeda.xlsx",
            "only/opd.yaml",
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let found = InventoryDiscovery.files(in: [root.path])
        #expect(found.diagnostics.isEmpty)
        #expect(
            found.files.map { String($0.dropFirst(root.path.count + 1)) } == [
                "bappeda.xlsx", "dinkes", "only/opd.yaml",
            ])
    }

    @Test("a CSV file given alone is refused, naming its folder as what to give")
    func csvFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-disc-\(UUID().uuidString)-applications.csv")
        try Data("id\n".utf8).write(to: url)
        let found = InventoryDiscovery.files(in: [url.path])
        #expect(found.files.isEmpty)
        #expect(found.diagnostics.map(\.code) == ["input.csv_file"])
    }
}

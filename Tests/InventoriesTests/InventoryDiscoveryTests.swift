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
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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

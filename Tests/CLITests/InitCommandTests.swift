import Foundation
import Testing

@Suite("spbe init", .serialized)
struct InitCommandTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("spbe-init-\(UUID().uuidString)")
    }

    @Test("init pack writes a pack that passes lint and its tests")
    func pack() throws {
        let folder = temporaryFolder().appendingPathComponent("paket-uji").path
        let result = try SPBEProcess.run(["init", "pack", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("created \(folder)/tests/rules.yaml\n"))
        #expect(try SPBEProcess.run(["pack", "lint", folder]).status == 0)
        #expect(try SPBEProcess.run(["pack", "test", "--coverage", folder]).status == 0)
    }

    @Test(
        "a second init refuses to overwrite what the first wrote, and changes nothing",
        arguments: ["pack", "inventory"])
    func refusesToOverwrite(_ kind: String) throws {
        let folder = temporaryFolder()
        #expect(try SPBEProcess.run(["init", kind, folder.path]).status == 0)
        let edited = folder.appendingPathComponent(kind == "pack" ? "pack.yaml" : "inventory.yaml")
        let text = try String(contentsOf: edited, encoding: .utf8) + "# disunting\n"
        try Data(text.utf8).write(to: edited)
        let again = try SPBEProcess.run(["init", kind, folder.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("refusing to overwrite '\(edited.path)'"), "\(again.stderr)")
        #expect(again.stdout.isEmpty)
        #expect(try String(contentsOf: edited, encoding: .utf8) == text)
    }

    @Test("the JSON Schema init writes beside an inventory is passed over by check")
    func inventoryThenCheck() throws {
        let folder = temporaryFolder()
        #expect(try SPBEProcess.run(["init", "inventory", folder.path]).status == 0)
        let result = try SPBEProcess.run(["check", folder.path, "--as-of", "2025-06-30"])
        #expect(result.status != 2, "\(result.stderr)")
        #expect(!result.stderr.contains("inventory.schema.json"), "\(result.stderr)")
    }
}

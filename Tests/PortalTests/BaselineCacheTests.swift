import Foundation
import Testing

@testable import Portal

/// The portal compares an upload with the OPD's previous report from memory when it made that report itself; the
/// stored report then reads exactly as when the previous report is decoded from its file (after a restart).
@Suite("Baselines kept in memory")
struct BaselineCacheTests {
    @Test("an upload compared with a kept baseline gets the report it gets against the stored file")
    func keptEqualsStored() throws {
        let path = "examples/xlsx/dpmptsp-sleman.xlsx"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stored = folder.appendingPathComponent("previous.json").path

        let keeping = CheckAdapter()
        let (_, loaded) = try keeping.validate(path: path, root: "examples/xlsx", packPath: "")
        // A year earlier, so the two reports differ: new, fixed and unchanged findings and a change of index.
        let previous = try keeping.evaluate(
            path: path, loaded: loaded, packPath: "", asOf: "2023-01-31", baseline: nil)
        try previous.json.write(to: URL(fileURLWithPath: stored))
        keeping.keepAsBaseline(previous, storedAt: stored)

        let fromMemory = try keeping.evaluate(
            path: path, loaded: loaded, packPath: "", asOf: "2025-06-30", baseline: stored)
        let fromFile = try CheckAdapter().evaluate(
            path: path, loaded: loaded, packPath: "", asOf: "2025-06-30", baseline: stored)
        let change = try #require(CheckAdapter.change(inJSONReport: fromMemory.json))
        #expect(change.new + change.fixed > 0 && change.unchanged > 0)
        #expect(fromMemory.json == fromFile.json)
        #expect(fromMemory.html == fromFile.html)
    }
}

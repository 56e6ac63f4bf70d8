import DataModel
import Foundation
import Inventories
import Spreadsheets
import Testing
import YAMLSource

/// The portal loads an uploaded file from memory, never writing it out: every file must load from its bytes
/// exactly as from disk, the same inventory or the same diagnostics, hostile and oversized files included.
@Suite("a reader loading a file held in memory")
struct InventoryReaderMemoryTests {
    /// Files of every kind, some broken: examples, a workbook with formulas, a password-protected workbook, a
    /// workbook that is no zip, and YAML that does not parse.
    private static func files() throws -> [String] {
        let folder = try Fixtures.folder()
        let protected = folder.appendingPathComponent("terkunci.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(
            to: protected)
        let notZip = folder.appendingPathComponent("bukan-zip.xlsx")
        try Data("bukan workbook".utf8).write(to: notZip)
        let badYAML = folder.appendingPathComponent("rusak.yaml")
        try Data("opd: [tidak ditutup\n".utf8).write(to: badYAML)
        return [
            "examples/xlsx/dpmptsp-sleman.xlsx", "examples/dinkes-sleman.yaml", "examples/dpmptsp-sleman.json",
            "Tests/Fixtures/inventories/workbooks/formulas-without-values.xlsx",
        ].map { Fixtures.root.appendingPathComponent($0).path } + [protected.path, notZip.path, badYAML.path]
    }

    @Test("every file loads from its bytes as from disk")
    func sameAsFromDisk() throws {
        let reader = InventoryReader(schema: Fixtures.bundledSchema)
        for path in try Self.files() {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let fromDisk = reader.load(path: path)
            let fromMemory = reader.load(data: data, path: path)
            #expect(fromMemory.diagnostics.map(\.description) == fromDisk.diagnostics.map(\.description), "\(path)")
            #expect(fromMemory.inventory?.source == fromDisk.inventory?.source, "\(path)")
            #expect(
                fromMemory.inventory?.collections.map(\.count) == fromDisk.inventory?.collections.map(\.count),
                "\(path)")
        }
    }

    @Test("a file over the limits is refused from memory with the message it gets from disk")
    func oversized() throws {
        let reader = InventoryReader(
            schema: Fixtures.bundledSchema,
            limits: SheetLimits(
                maxFileBytes: 1_000, maxPartBytes: 1 << 20, maxTotalBytes: 1 << 22, maxEntries: 100, maxCells: 10_000,
                maxCellBytes: 1_000),
            yamlLimits: YAMLLimits(maxFileBytes: 1_000, maxDepth: 64, maxNodes: 10_000, maxScalarBytes: 1_000))
        for name in ["examples/xlsx/dpmptsp-sleman.xlsx", "examples/dinkes-sleman.yaml"] {
            let path = Fixtures.root.appendingPathComponent(name).path
            let fromMemory = reader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            #expect(fromMemory.inventory == nil)
            #expect(fromMemory.diagnostics.map(\.description) == reader.load(path: path).diagnostics.map(\.description))
            #expect(fromMemory.diagnostics.first?.message.contains("1000") == true, "\(fromMemory.diagnostics)")
        }
    }
}

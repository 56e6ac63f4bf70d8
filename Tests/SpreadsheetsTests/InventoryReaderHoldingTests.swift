import Inventories
import Spreadsheets
import Testing

/// A reader holding a file it already loaded gives that load for the file's path, without reading it again, and
/// reads every other path as before: the portal validates an upload, then checks it through such a reader.
@Suite("a reader holding a loaded file")
struct InventoryReaderHoldingTests {
    private let workbook = Fixtures.root.appendingPathComponent("examples/xlsx/dpmptsp-sleman.xlsx").path
    private let yaml = Fixtures.root.appendingPathComponent("examples/dinkes-sleman.yaml").path

    @Test("the held path gives the held inventory itself")
    func heldPath() throws {
        let reader = InventoryReader(schema: Fixtures.bundledSchema)
        let loaded = reader.load(path: workbook)
        let inventory = try #require(loaded.inventory)
        let again = reader.holding(loaded, for: workbook).load(path: workbook)
        #expect(again.inventory === inventory)
        #expect(again.diagnostics.map(\.code) == loaded.diagnostics.map(\.code))
    }

    @Test("another path is read from its file")
    func otherPath() throws {
        let reader = InventoryReader(schema: Fixtures.bundledSchema)
        let held = reader.load(path: workbook)
        let other = reader.holding(held, for: workbook).load(path: yaml)
        let inventory = try #require(other.inventory)
        #expect(inventory !== held.inventory)
        #expect(inventory.source == yaml)
    }
}

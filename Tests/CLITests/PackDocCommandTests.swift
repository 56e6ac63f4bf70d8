import Foundation
import Testing

@Suite("spbe pack doc")
struct PackDocCommandTests {
    @Test(
        "a schema-only pack is documented by its inventory: every collection and field with label, type, values and description"
    )
    func schemaOnly() throws {
        let result = try SPBEProcess.run(["pack", "doc", "rules/inventory"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("## Kerangka dan bobot"))
        #expect(result.stdout.contains("### `applications`\n"))
        #expect(
            result.stdout.contains(
                "| `kind` | Jenis unit | pilihan |  | `opd`, `pemda` | opd untuk satu perangkat daerah;"),
            "\(result.stdout.prefix(2000))")
        #expect(result.stdout.contains("| `id` | Kode OPD | teks | ya |  |"))
    }

    @Test("a framework pack's reference ends with its inventory, in English too")
    func frameworkPack() throws {
        let result = try SPBEProcess.run(["pack", "doc", "rules/spbe-2020", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("## Framework and weights"))
        #expect(result.stdout.contains("## The inventory\n"))
        #expect(result.stdout.contains("| Field | Label | Type | Required | Allowed values | Description |"))
    }
}

import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Testing

@Suite("rule id aliases when evaluating")
struct RuleAliasEvaluationTests {
    /// The mini pack with APP-HOSTING renamed to APP-PDN, its old id kept as an alias, and a rule that still
    /// names it by the old id.
    private func renamedPack() throws -> CompiledPack {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-alias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mini = URL(fileURLWithPath: FixturePaths.pack("mini"))
        for name in ["pack.yaml", "schema.yaml", "indicators.yaml"] {
            try FileManager.default.copyItem(
                at: mini.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var text = try String(contentsOf: mini.appendingPathComponent("rules.yaml"), encoding: .utf8)
        let renamed = text.replacingOccurrences(
            of: "id: APP-HOSTING\n", with: "id: APP-PDN\n    aliases: [APP-HOSTING]\n")
        try #require(renamed != text, "the mini pack declares APP-HOSTING on a line of its own")
        text =
            renamed + """
                  - id: ALL-HOSTED
                    title: Semua aplikasi di PDN
                    severity: low
                    require: passes('APP-HOSTING')

                """
        try Data(text.utf8).write(to: folder.appendingPathComponent("rules.yaml"))
        let loaded = PackLoader.load(path: folder.path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        return try #require(compiled.pack, "\(compiled.diagnostics)")
    }

    @Test("a waiver and passes() may name a renamed rule by its old id")
    func waiverAndPasses() throws {
        let pack = try renamedPack()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("waivers-\(UUID().uuidString).yaml")
        try Data(
            """
            spbe_waivers: 1
            waivers:
              - {rule: APP-HOSTING, subject: APP-01, reason: Migrasi, approved_by: Kadis, until: 2025-12-31}
            """.utf8
        ).write(to: file)
        let loaded = WaiverLoader.load(path: file.path, ruleIDs: pack.rules.flatMap(\.spec.names))
        let waivers = try #require(loaded.waivers, "\(loaded.diagnostics)")
        let inventory = try #require(
            InventoryLoader(schema: pack.schema).load(path: FixturePaths.inventory("mini-weak.yaml")).inventory
        )
        let evaluation = try Evaluator(
            pack: pack, asOf: Day(iso: "2025-06-30")!, waivers: WaiverSet(waivers, pack: pack)
        )
        .evaluate(inventory)
        let renamed = try #require(pack.rules.first { $0.spec.id == "APP-PDN" })
        let waived = evaluation.subjects.filter { $0.ruleIndex == renamed.index && $0.subject == "APP-01" }
        #expect(waived.map(\.waiver) == [0], "the waiver of the old id covers the renamed rule")
        let hosted = try #require(pack.rules.first { $0.spec.id == "ALL-HOSTED" })
        let verdicts = evaluation.rules.map(\.verdict)
        #expect(verdicts[hosted.index] == verdicts[renamed.index], "passes('APP-HOSTING') reads the renamed rule")
    }
}

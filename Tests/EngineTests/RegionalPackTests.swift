import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Testing

/// The regional example pack extends the national one: its results must differ from the base exactly by what it
/// overrides, disables and adds.
@Suite("the regional example pack")
struct RegionalPackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func compiled(_ path: String) throws -> CompiledPack {
        let loaded = PackLoader.load(path: Self.root.appendingPathComponent(path).path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        return try #require(PackCompiler.compile(pack).pack)
    }

    private func evaluate(_ pack: CompiledPack, _ example: String) throws -> InventoryEvaluation {
        let loaded = InventoryLoader(schema: pack.schema).load(path: Self.root.appendingPathComponent(example).path)
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        return try Evaluator(pack: pack, asOf: Day(iso: "2025-06-30")!).evaluate(inventory)
    }

    @Test(
        "overrides, the disabled rule and the added rule change exactly what they should",
        arguments: [
            "examples/diskominfo-sleman.yaml", "examples/dinkes-sleman.yaml", "examples/disdukcapil-gunungkidul.yaml",
        ])
    func differences(_ example: String) throws {
        let base = try compiled("rules/spbe-2020")
        let regional = try compiled("examples/packs/spbe-2020-sleman")
        let baseIDs = base.rules.map(\.spec.id)
        #expect(
            regional.rules.map(\.spec.id) == baseIDs.filter { $0 != "APP-SEJENIS-APLIKASI-UMUM" } + [
                "SLM-SVC-SLEMAN-SMART"
            ])
        #expect(base.rules.first { $0.spec.id == "APP-SSO" }?.spec.severity == .low)
        #expect(regional.rules.first { $0.spec.id == "APP-SSO" }?.spec.severity == .high)

        let before = try evaluate(base, example)
        let after = try evaluate(regional, example)
        func outcomes(_ evaluation: InventoryEvaluation, _ pack: CompiledPack) -> [String: [String]] {
            Dictionary(grouping: evaluation.subjects) { pack.rules[$0.ruleIndex].spec.id }
                .mapValues { $0.map { "\($0.subject) \($0.outcome.rawValue)" } }
        }
        var expected = outcomes(before, base)
        expected["APP-SEJENIS-APLIKASI-UMUM"] = nil
        var actual = outcomes(after, regional)
        actual["SLM-SVC-SLEMAN-SMART"] = nil
        #expect(actual == expected)
        #expect(after.indicators.map(\.level) == before.indicators.map(\.level))

        // Only the weights of I16 (2.5 → 3.0) and I17 (2.5 → 2.0) change; the total stays 100.
        let level16 = Double(before.indicators[15].level)
        let level17 = Double(before.indicators[16].level)
        let difference = try #require(after.score.index) - (try #require(before.score.index))
        #expect(abs(difference - (0.5 * level16 - 0.5 * level17) / 100) < 1e-9)
    }
}

import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Testing

/// The example regency (`examples/kabupaten-bantul`) under the bundled pack.
@Suite("a pemda evaluated as a whole")
struct RegencyEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let pack: CompiledPack
    let inventories: [InventoryData]
    let asOf = Day(iso: "2025-06-30")!

    init() throws {
        let loaded = PackLoader.load(path: Self.root.appendingPathComponent("rules/spbe-2020").path)
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = try #require(PackCompiler.compile(source).pack)
        pack = compiled
        let folder = Self.root.appendingPathComponent("examples/kabupaten-bantul")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        inventories = try files.map { file in
            let loaded = InventoryLoader(schema: compiled.schema).load(path: folder.appendingPathComponent(file).path)
            return try #require(loaded.inventory, "\(loaded.diagnostics)")
        }
    }

    /// Cost units spent on `meter` (made with an unbounded limit).
    private func spent(_ meter: CostMeter) -> Int { Int.max - meter.remaining }

    /// What a regency's report shows, as comparable text.
    private func summary(_ regency: RegencyEvaluation) -> [String] {
        func describe(_ evaluation: InventoryEvaluation) -> String {
            let outcomes = evaluation.subjects.map { "\($0.ruleIndex) \($0.subject) \($0.outcome.rawValue)" }
            return
                "\(evaluation.source) \(evaluation.score.index ?? -1) \(evaluation.indicators.map(\.level)) \(outcomes)"
        }
        return [regency.folder, regency.name, describe(regency.pemda)] + regency.members.map(describe)
            + regency.crossFindings.map { "\($0.kind.rawValue) \($0.topic) \($0.subjects.map(\.record))" }
    }

    @Test("an OPD of another pemda in the folder is never counted in the pemda's estimate")
    func otherPemdaInFolder() throws {
        let gunungkidul = InventoryLoader(schema: pack.schema).load(
            path: Self.root.appendingPathComponent("examples/disdukcapil-gunungkidul.yaml").path)
        let stray = try #require(gunungkidul.inventory)
        let folder = Self.root.appendingPathComponent("examples/kabupaten-bantul").path
        let moved = InventoryData(
            source: folder + "/disdukcapil-gunungkidul.yaml", header: stray.header, collections: stray.collections)
        let evaluator = RegencyEvaluator(evaluator: Evaluator(pack: pack, asOf: asOf))
        let alone = try #require(try evaluator.evaluate(inventories).first)
        let mixed = try #require(try evaluator.evaluate(inventories + [moved]).first)
        #expect(mixed.members.count == inventories.count)
        #expect(!mixed.members.contains { $0.source == moved.source })
        #expect(mixed.pemda.score.index == alone.pemda.score.index)
    }

    @Test("members evaluated already are reused: the same result, and only the joint inventory is evaluated")
    func reusesEvaluations() throws {
        let members = CostMeter(limit: .max)
        let memberEvaluator = Evaluator(pack: pack, asOf: asOf, meter: members)
        let evaluations = try inventories.map { try memberEvaluator.evaluate($0) }

        let again = CostMeter(limit: .max)
        let evaluated = try RegencyEvaluator(evaluator: Evaluator(pack: pack, asOf: asOf, meter: again)).evaluate(
            inventories)
        let reusing = CostMeter(limit: .max)
        let reused = try RegencyEvaluator(evaluator: Evaluator(pack: pack, asOf: asOf, meter: reusing))
            .evaluate(inventories, evaluations: evaluations)

        #expect(evaluated.count == 1 && reused.count == 1)
        #expect(evaluated.map(summary) == reused.map(summary))
        #expect(spent(members) > 0)
        #expect(spent(again) - spent(reusing) == spent(members))
    }
}

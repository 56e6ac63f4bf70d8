import Engine
import Foundation
import Packs
import Testing

/// `Recommender.cheapestPlan` chooses the very plan `ReferencePlan` (the 0/1 knapsack over single-level rises it
/// replaced) chooses: the same rises, and among plans of equal effort the same one.
@Suite("the cheapest plan agrees with the unit knapsack it replaced")
struct CheapestPlanEquivalenceTests {
    @Test(
        "same plans as the reference on the bundled packs",
        arguments: ["spbe-2020", "spbe-2018", "pemdi-2026", "smart-city"])
    func bundledPacks(name: String) throws {
        let pack = try Self.compile(path: Self.rules.appendingPathComponent(name).path)
        var random = LinearCongruential(state: 20_260_630)
        for _ in 0..<300 {
            let levels = pack.indicators.map { random.next(below: $0.levels.count + 1) }
            try Self.expectSamePlan(pack: pack, levels: levels)
        }
    }

    /// Packs of few distinct weights and efforts make many plans of equal effort: the tie-breaking is tested as
    /// much as the optimum. Fractional efforts (cost divisor 1), indicators of weight 0 (no rises), of a weight
    /// too small to gain a point (gain 0) and of weights whose gains overflow 32 bits, short scales and bands in
    /// odd places are all drawn too.
    @Test("same plans as the reference on random packs, ties included")
    func randomPacks() throws {
        var random = LinearCongruential(state: 47)
        var plans = 0
        var cases = 0
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-plan-tests-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for number in 0..<80 {
            let file = folder.appendingPathComponent("pack-\(number).yaml")
            try Data(Self.randomPack(&random).utf8).write(to: file)
            let pack = try Self.compile(path: file.path)
            for _ in 0..<40 {
                // Low levels more often than high ones, so that most vectors have a band above them.
                let levels = pack.indicators.map {
                    min(random.next(below: $0.levels.count + 1), random.next(below: $0.levels.count + 1))
                }
                cases += 1
                if try Self.expectSamePlan(pack: pack, levels: levels) { plans += 1 }
            }
        }
        #expect(plans > cases / 2, "only \(plans) of \(cases) level vectors had a plan")
    }

    /// Expects the recommender's plan for `levels` to be the reference's; true when there is one.
    @discardableResult
    private static func expectSamePlan(pack: CompiledPack, levels: [Int]) throws -> Bool {
        let plan = Recommender(pack: pack).cheapestPlan(levels: levels).map(PlanSummary.init)
        let reference = ReferencePlan.cheapestPlan(pack: pack, levels: levels)
        #expect(plan == reference, "levels \(levels)")
        return plan != nil
    }

    private static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules")

    private static func compile(path: String) throws -> CompiledPack {
        let loaded = PackLoader.load(path: path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        return try #require(compiled.pack, "\(compiled.diagnostics)")
    }

    /// A single-file pack of 1…40 indicators with weights, efforts and scale lengths drawn from short lists, and
    /// one to four predicate bands.
    private static func randomPack(_ random: inout LinearCongruential) -> String {
        let weights = ["1.3", "1.3", "1.3", "2", "2.6", "0.5", "5", "0", "0.0004", "250000"]
        let efforts = ["", "", "1", "2", "2", "3", "4", "5", "2.5", "0.5", "0.1"]
        var indicators: [String] = []
        for number in 1...(1 + random.next(below: 40)) {
            let weight =
                random.next(below: 8) == 0 ? "\(Double(1 + random.next(below: 5000)) / 1000)" : random.pick(weights)
            let effort =
                random.next(below: 12) == 0 ? "\(Double(1 + random.next(below: 50)) / 10)" : random.pick(efforts)
            let levels = (1...(1 + random.next(below: 5))).map { "\($0): {require: 'count(applications) > 0'}" }
            indicators.append(
                "  - {id: I\(number), name: Indikator \(number), aspect: A1, weight: \(weight), scale: proses"
                    + (effort.isEmpty ? "" : ", effort: \(effort)") + ", levels: {\(levels.joined(separator: ", "))}}"
            )
        }
        let minimums = Set((0..<(1 + random.next(below: 4))).map { _ in Double(random.next(below: 51)) / 10 })
        let predicates = minimums.sorted(by: >).enumerated().map { "    - {name: P\($0.offset), min: \($0.element)}" }
        return """
            spbe_pack: 1
            pack: {id: random, title: Acak, version: 0.0.1, framework: Test}
            framework:
              scales:
                proses: [{level: 1, name: L1}, {level: 2, name: L2}, {level: 3, name: L3}, {level: 4, name: L4}, {level: 5, name: L5}]
              domains:
                - {id: D1, name: Layanan, weight: 100, aspects: [{id: A1, name: Aplikasi, weight: 100}]}
              predicates:
            \(predicates.joined(separator: "\n"))
            schema:
              opd:
                fields:
                  id: {type: string, required: true}
              collections:
                applications:
                  fields:
                    id: {type: string, required: true}
            indicators:
            \(indicators.joined(separator: "\n"))
            """
    }
}

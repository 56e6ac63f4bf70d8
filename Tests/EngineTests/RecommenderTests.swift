import Engine
import Foundation
import Packs
import Testing

@Suite("the cheapest plan to the next predicate band")
struct RecommenderTests {
    let pack: CompiledPack

    init() throws {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/spbe-2020").path
        let loaded = PackLoader.load(path: rules)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        self.pack = try #require(compiled.pack, "\(compiled.diagnostics)")
    }

    @Test("the plan reaches the band at the least effort found by an independent search over gains")
    func cheapestPlanIsOptimal() throws {
        var random = LinearCongruential(state: 59)
        for _ in 0..<12 {
            let levels = pack.indicators.map { $0.lowestLevel + random.next(below: 3) }
            let plan = try #require(Recommender(pack: pack).cheapestPlan(levels: levels))
            // The band is reached as every report shows the index: rounded half up to two decimals.
            #expect(pack.framework.predicate(for: plan.index) == plan.predicate)
            let lowest = Predicate(name: plan.predicate, minimum: plan.minimum, inclusive: plan.inclusive).lowestIndex
            #expect(abs(plan.effort - leastEffort(from: levels, to: lowest)) < 1e-9)
        }
    }

    @Test("no plan at the top band")
    func noPlanAtTheTop() {
        let top = pack.indicators.map(\.levels.count)
        #expect(Recommender(pack: pack).cheapestPlan(levels: top) == nil)
    }

    /// The least effort whose rises lift the index to `minimum` (the least index in the band): a table over gains (the plan's is over
    /// costs), in the same units (weights ×1000, efforts ×10).
    private func leastEffort(from levels: [Int], to minimum: Double) -> Double {
        let totalWeight = pack.indicators.reduce(0) { $0 + $1.spec.weight }
        let index = Scorer(pack: pack).index(levels: levels)!
        let need = Int(((minimum - index) * totalWeight * 1000 - 1e-6).rounded(.up))
        var cheapest = [Int](repeating: .max, count: need + 1)
        cheapest[0] = 0
        for indicator in pack.indicators where indicator.spec.weight > 0 {
            let gain = Int((indicator.spec.weight * 1000).rounded())
            let cost = Int(((indicator.spec.effort ?? Recommender.defaultEffort) * 10).rounded())
            for _ in levels[indicator.index]..<indicator.levels.count {
                for reached in stride(from: need, through: 0, by: -1) where cheapest[reached] != .max {
                    let next = min(need, reached + gain)
                    cheapest[next] = min(cheapest[next], cheapest[reached] + cost)
                }
            }
        }
        return Double(cheapest[need]) / 10
    }
}

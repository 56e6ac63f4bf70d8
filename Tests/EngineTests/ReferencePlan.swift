import Engine
import Packs

/// What a `PredicatePlan` says, comparable: the property tests ask for the same plan to the last bit of every
/// number, not for one close to it.
struct PlanSummary: Equatable, CustomStringConvertible {
    /// One step: indicator position, levels from and to, gain and effort.
    struct Step: Equatable {
        let indicatorIndex: Int, fromLevel: Int, toLevel: Int
        let gain: Double, effort: Double
    }

    let predicate: String
    let minimum: Double
    let steps: [Step]
    let effort: Double
    let index: Double

    init(predicate: String, minimum: Double, steps: [Step], effort: Double, index: Double) {
        (self.predicate, self.minimum, self.steps, self.effort, self.index) = (predicate, minimum, steps, effort, index)
    }

    init(_ plan: PredicatePlan) {
        self.init(
            predicate: plan.predicate, minimum: plan.minimum,
            steps: plan.steps.map {
                Step(
                    indicatorIndex: $0.indicatorIndex, fromLevel: $0.fromLevel, toLevel: $0.toLevel, gain: $0.gain,
                    effort: $0.effort)
            },
            effort: plan.effort, index: plan.index
        )
    }

    var description: String {
        "\(predicate) ≥ \(minimum), effort \(effort), index \(index): "
            + steps.map { "#\($0.indicatorIndex) \($0.fromLevel)→\($0.toLevel)" }.joined(separator: ", ")
    }
}

/// `Recommender.cheapestPlan` as it was before it worked per indicator: a 0/1 knapsack over single-level rises
/// ("units", every indicator's repeated once per level it can still rise) with a table of units taken. Kept,
/// unchanged but for returning a `PlanSummary`, as the reference whose plans (tie-breaking included) the
/// recommender must go on choosing.
enum ReferencePlan {
    static func cheapestPlan(pack: CompiledPack, levels: [Int]) -> PlanSummary? {
        let scorer = Scorer(pack: pack)
        // The band rule followed since predicates are decided on the index as shown (two decimals, half up).
        guard let index = scorer.index(levels: levels),
            let band = pack.framework.predicates.filter({ !$0.admits(hundredths: IndexRounding.hundredths(index)) })
                .min(by: { $0.minimum < $1.minimum })
        else { return nil }
        let totalWeight = pack.indicators.reduce(0) { $0 + $1.spec.weight }
        guard totalWeight > 0 else { return nil }
        let need = integer(((band.lowestIndex - index) * totalWeight * 1000 - 1e-6).rounded(.up))
        var units: [(indicator: Int, gain: Int, cost: Int)] = []
        for indicator in pack.indicators where indicator.spec.weight > 0 {
            let room = indicator.levels.count - levels[indicator.index]
            guard room > 0 else { continue }
            let gain = integer((indicator.spec.weight * 1000).rounded())
            let cost = max(1, integer((effort(of: indicator) * 10).rounded()))
            units += Array(repeating: (indicator.index, gain, cost), count: room)
        }
        let divisor = units.reduce(0) { greatestCommonDivisor($0, $1.cost) }
        if divisor > 1 { units = units.map { ($0.indicator, $0.gain, $0.cost / divisor) } }
        guard let capacity = greedyCost(units, need: need) else { return nil }
        let cells = (capacity + 1).multipliedReportingOverflow(by: units.count)
        guard !cells.overflow, cells.partialValue <= maxPlanCells else { return nil }
        var best = [Int](repeating: 0, count: capacity + 1)
        var chosen = [Bool](repeating: false, count: cells.partialValue)
        for (position, unit) in units.enumerated() where unit.cost <= capacity {
            let row = position * (capacity + 1)
            var cost = capacity
            while cost >= unit.cost {
                let taken = best[cost - unit.cost] + unit.gain
                if taken > best[cost] {
                    best[cost] = taken
                    chosen[row + cost] = true
                }
                cost -= 1
            }
        }
        guard let cheapest = best.firstIndex(where: { $0 >= need }) else { return nil }
        var rises = [Int](repeating: 0, count: pack.indicators.count)
        var cost = cheapest
        for position in stride(from: units.count - 1, through: 0, by: -1) where chosen[position * (capacity + 1) + cost]
        {
            rises[units[position].indicator] += 1
            cost -= units[position].cost
        }
        var raised = levels
        var steps: [PlanSummary.Step] = []
        for indicator in pack.indicators where rises[indicator.index] > 0 {
            let from = levels[indicator.index]
            let to = from + rises[indicator.index]
            var alone = levels
            alone[indicator.index] = to
            raised[indicator.index] = to
            steps.append(
                PlanSummary.Step(
                    indicatorIndex: indicator.index, fromLevel: from, toLevel: to,
                    gain: (scorer.index(levels: alone) ?? index) - index,
                    effort: effort(of: indicator) * Double(to - from)
                ))
        }
        let after = scorer.index(levels: raised) ?? index
        return PlanSummary(
            predicate: band.name, minimum: band.minimum, steps: steps, effort: steps.reduce(0) { $0 + $1.effort },
            index: after
        )
    }

    private static func greedyCost(_ units: [(indicator: Int, gain: Int, cost: Int)], need: Int) -> Int? {
        var gain = 0
        var cost = 0
        for unit in units.sorted(by: { Double($0.gain) / Double($0.cost) > Double($1.gain) / Double($1.cost) }) {
            guard gain < need else { break }
            let (newGain, gainOverflow) = gain.addingReportingOverflow(unit.gain)
            let (newCost, costOverflow) = cost.addingReportingOverflow(unit.cost)
            guard !gainOverflow, !costOverflow else { return nil }
            (gain, cost) = (newGain, newCost)
        }
        return gain >= need ? cost : nil
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }

    private static let maxPlanCells = 20_000_000

    private static func integer(_ value: Double) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? 1 << 53 : -(1 << 53)) }
        return Int(min(max(value, -9_007_199_254_740_992), 9_007_199_254_740_992))
    }

    private static func effort(of indicator: CompiledIndicator) -> Double {
        indicator.spec.effort.map { max($0, 0.1) } ?? Recommender.defaultEffort
    }
}

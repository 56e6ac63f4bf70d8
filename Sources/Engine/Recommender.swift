import Packs

/// What raising one indicator by one level would bring: the next level, its index gain computed by the scorer
/// (a what-if, not a guess) and the effort the pack estimates for it.
public struct Recommendation: Sendable {
    /// Position in `CompiledPack.indicators`.
    public let indicatorIndex: Int
    /// The level now.
    public let fromLevel: Int
    /// The level to reach.
    public let toLevel: Int
    /// How much the index rises, in index points at full precision.
    public let gain: Double
    /// The pack's effort estimate for one level (1 small … 5 large; 3 when the pack gives none).
    public let effort: Double

    /// Index points per unit of effort: what ranks recommendations.
    public var gainPerEffort: Double { gain / effort }
}

/// The cheapest set of level rises that takes the index into the next predicate band.
public struct PredicatePlan: Sendable {
    /// The band reached.
    public let predicate: String
    /// Its lower bound.
    public let minimum: Double
    /// Rises per indicator, in pack order.
    public let steps: [Recommendation]
    /// Total effort.
    public let effort: Double
    /// The index after every step.
    public let index: Double
}

/// Ranks what to fix first, by index gain per unit of effort, and finds the cheapest way into the next band.
public struct Recommender: Sendable {
    /// The pack whose weights, targets and efforts are used.
    public let pack: CompiledPack

    /// Effort assumed for an indicator whose pack gives none.
    public static let defaultEffort = 3.0

    /// Creates a recommender.
    public init(pack: CompiledPack) { self.pack = pack }

    /// For every indicator below its target: the next level, ranked by gain per effort (then gain, then pack order).
    public func recommendations(levels: [Int]) -> [Recommendation] {
        let scorer = Scorer(pack: pack)
        guard let base = scorer.index(levels: levels) else { return [] }
        var result: [Recommendation] = []
        for indicator in pack.indicators {
            let level = levels[indicator.index]
            guard let target = indicator.spec.target, level < target, level < indicator.levels.count else { continue }
            var raised = levels
            raised[indicator.index] = level + 1
            guard let index = scorer.index(levels: raised) else { continue }
            result.append(Recommendation(
                indicatorIndex: indicator.index, fromLevel: level, toLevel: level + 1, gain: index - base,
                effort: effort(of: indicator)
            ))
        }
        return result.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.gainPerEffort != b.gainPerEffort { return a.gainPerEffort > b.gainPerEffort }
            if a.gain != b.gain { return a.gain > b.gain }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The least total effort that lifts the index into the next predicate band, as a bounded knapsack over
    /// single-level rises (each indicator up to its highest declared level); nil at the top band or when the
    /// band cannot be reached.
    public func cheapestPlan(levels: [Int]) -> PredicatePlan? {
        let scorer = Scorer(pack: pack)
        guard let index = scorer.index(levels: levels),
              let band = pack.framework.predicates.filter({ $0.minimum > index }).min(by: { $0.minimum < $1.minimum })
        else { return nil }
        let totalWeight = pack.indicators.reduce(0) { $0 + $1.spec.weight }
        guard totalWeight > 0 else { return nil }
        // Work in integers: weights ×1000, efforts ×10. The index is Σ(w·l)/Σw, so a band needs Σ(w·Δl) ≥ need.
        let need = Self.integer(((band.minimum - index) * totalWeight * 1000).rounded(.up))
        var units: [(indicator: Int, gain: Int, cost: Int)] = []
        for indicator in pack.indicators where indicator.spec.weight > 0 {
            let room = indicator.levels.count - levels[indicator.index]
            guard room > 0 else { continue }
            let gain = Self.integer((indicator.spec.weight * 1000).rounded())
            let cost = max(1, Self.integer((effort(of: indicator) * 10).rounded()))
            units += Array(repeating: (indicator.index, gain, cost), count: room)
        }
        // Divide the costs by their greatest common divisor: whole efforts (the usual 1…5) make the table 10× smaller.
        let divisor = units.reduce(0) { greatestCommonDivisor($0, $1.cost) }
        if divisor > 1 { units = units.map { ($0.indicator, $0.gain, $0.cost / divisor) } }
        // The greedy plan (best gain per cost first) reaches the band at some cost: the cheapest plan costs no
        // more, so the table need not go further. Without a greedy plan, no plan reaches the band.
        guard let capacity = Self.greedyCost(units, need: need) else { return nil }
        // The table has a cell per unit and cost: bounded, so an odd pack (thousands of indicators) gets no plan
        // rather than gigabytes of table.
        let cells = (capacity + 1).multipliedReportingOverflow(by: units.count)
        guard !cells.overflow, cells.partialValue <= Self.maxPlanCells else { return nil }
        // best[c]: the largest gain for a total cost of at most c; chosen[u·(capacity+1) + c]: unit u taken in
        // that optimum.
        var best = [Int](repeating: 0, count: capacity + 1)
        var chosen = [Bool](repeating: false, count: cells.partialValue)
        // The table's inner loop, run for every inventory a report shows, works on the buffers directly: every
        // index is within them by construction (cost ≤ capacity, row + cost < cells).
        best.withUnsafeMutableBufferPointer { best in
            chosen.withUnsafeMutableBufferPointer { chosen in
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
            }
        }
        guard let cheapest = best.firstIndex(where: { $0 >= need }) else { return nil }
        var rises = [Int](repeating: 0, count: pack.indicators.count)
        var cost = cheapest
        for position in stride(from: units.count - 1, through: 0, by: -1) where chosen[position * (capacity + 1) + cost] {
            rises[units[position].indicator] += 1
            cost -= units[position].cost
        }
        var raised = levels
        var steps: [Recommendation] = []
        for indicator in pack.indicators where rises[indicator.index] > 0 {
            let from = levels[indicator.index], to = from + rises[indicator.index]
            var alone = levels
            alone[indicator.index] = to
            raised[indicator.index] = to
            steps.append(Recommendation(
                indicatorIndex: indicator.index, fromLevel: from, toLevel: to,
                gain: (scorer.index(levels: alone) ?? index) - index,
                effort: effort(of: indicator) * Double(to - from)
            ))
        }
        let after = scorer.index(levels: raised) ?? index
        return PredicatePlan(
            predicate: band.name, minimum: band.minimum, steps: steps, effort: steps.reduce(0) { $0 + $1.effort }, index: after
        )
    }

    /// The total cost of taking units in order of gain per cost until their gain reaches `need`; nil when all
    /// of them fall short (or the sums overflow).
    private static func greedyCost(_ units: [(indicator: Int, gain: Int, cost: Int)], need: Int) -> Int? {
        var gain = 0, cost = 0
        for unit in units.sorted(by: { Double($0.gain) / Double($0.cost) > Double($1.gain) / Double($1.cost) }) {
            guard gain < need else { break }
            let (newGain, gainOverflow) = gain.addingReportingOverflow(unit.gain)
            let (newCost, costOverflow) = cost.addingReportingOverflow(unit.cost)
            guard !gainOverflow, !costOverflow else { return nil }
            (gain, cost) = (newGain, newCost)
        }
        return gain >= need ? cost : nil
    }

    private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }

    /// The most cells the plan's table may have.
    static let maxPlanCells = 20_000_000

    /// `value` as an integer, clamped to ±2⁵³ (NaN as 0): never a trap, whatever the pack's numbers.
    private static func integer(_ value: Double) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? 1 << 53 : -(1 << 53)) }
        return Int(min(max(value, -9_007_199_254_740_992), 9_007_199_254_740_992))
    }

    private func effort(of indicator: CompiledIndicator) -> Double {
        indicator.spec.effort.map { max($0, 0.1) } ?? Self.defaultEffort
    }
}

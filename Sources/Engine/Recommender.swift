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
    /// Its lower edge.
    public let minimum: Double
    /// Whether an index shown exactly at `minimum` is in the band (`≥`) or not (`>`).
    public let inclusive: Bool
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
            result.append(
                Recommendation(
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
        // The next band is the lowest one the index as shown does not reach; it is reached where rounding half up
        // first shows its edge (`Predicate.lowestIndex`), the rule every report's predicate follows.
        guard let index = scorer.index(levels: levels),
            let band = pack.framework.predicates.filter({ !$0.admits(hundredths: IndexRounding.hundredths(index)) })
                .min(by: { $0.minimum < $1.minimum })
        else { return nil }
        let totalWeight = pack.indicators.reduce(0) { $0 + $1.spec.weight }
        guard totalWeight > 0 else { return nil }
        // Work in integers: weights ×1000, efforts ×10. The index is Σ(w·l)/Σw, so a band needs Σ(w·Δl) ≥ need.
        // The need is shaved by a millionth of a unit so that floating-point noise in `lowestIndex - index` never
        // asks for one unit more than an exact sum reaching the band.
        let need = Self.integer(((band.lowestIndex - index) * totalWeight * 1000 - 1e-6).rounded(.up))
        var items: [PlanItem] = []
        items.reserveCapacity(pack.indicators.count)
        for indicator in pack.indicators where indicator.spec.weight > 0 {
            let room = indicator.levels.count - levels[indicator.index]
            guard room > 0 else { continue }
            items.append(
                PlanItem(
                    indicator: indicator.index, gain: Self.integer((indicator.spec.weight * 1000).rounded()),
                    cost: max(1, Self.integer((effort(of: indicator) * 10).rounded())), room: room
                ))
        }
        // Divide the costs by their greatest common divisor: whole efforts (the usual 1…5) make the table 10× smaller.
        let divisor = items.reduce(0) { Self.greatestCommonDivisor($0, $1.cost) }
        if divisor > 1 { for position in items.indices { items[position].cost /= divisor } }
        // The table is bounded, so an odd pack (thousands of indicators) gets no plan rather than gigabytes of
        // table. The bound counts single-level rises × costs, not the table's cells (a row per indicator, of 2
        // to 8 bytes each: at most 40 to 160 MB), so that which packs get a plan does not depend on how
        // the table is stored.
        let rises = items.reduce(0) { $0 + $1.room }
        // A rise that gains nothing (a weight below 0.0005) is never part of a cheapest plan.
        items.removeAll { $0.gain == 0 }
        // The greedy plan (best gain per cost first) reaches the band at some cost: the cheapest plan costs no
        // more, so the table need not go further. Without a greedy plan, no plan reaches the band.
        guard let capacity = Self.greedyCost(items, need: need) else { return nil }
        let cells = (capacity + 1).multipliedReportingOverflow(by: rises)
        guard !cells.overflow, cells.partialValue <= Self.maxPlanCells,
            let counts = Self.cheapestCounts(items, need: need, capacity: capacity)
        else { return nil }
        // One step's gain is the index with only its rise, from one copy of the levels put back after each step.
        var raised = levels
        var alone = levels
        var steps: [Recommendation] = []
        steps.reserveCapacity(counts.count { $0 > 0 })
        for (item, count) in zip(items, counts) where count > 0 {
            let from = levels[item.indicator]
            let to = from + count
            alone[item.indicator] = to
            raised[item.indicator] = to
            steps.append(
                Recommendation(
                    indicatorIndex: item.indicator, fromLevel: from, toLevel: to,
                    gain: (scorer.index(levels: alone) ?? index) - index,
                    effort: effort(of: pack.indicators[item.indicator]) * Double(count)
                ))
            alone[item.indicator] = from
        }
        let after = scorer.index(levels: raised) ?? index
        return PredicatePlan(
            predicate: band.name, minimum: band.minimum, inclusive: band.inclusive, steps: steps,
            effort: steps.reduce(0) { $0 + $1.effort }, index: after
        )
    }

    /// An indicator that can still rise, in the plan's integers: each of its `room` single-level rises gains
    /// `gain` (weight ×1000) and costs `cost` (effort ×10, over the costs' common divisor).
    private struct PlanItem {
        let indicator: Int
        let gain: Int
        var cost: Int
        let room: Int
    }

    /// How many levels each item rises in the plan of least cost whose gain reaches `need`, no costlier than
    /// `capacity`; nil when there is none.
    ///
    /// A bounded knapsack: row i of the table holds, for every cost c, the largest gain of rises of the first i
    /// items costing at most c, and row i + 1 takes the best count of item i for each c. Walking back from the
    /// last item, each takes the fewest rises that reach its row's gain: the plan a 0/1 knapsack over single
    /// rises, in pack order, reconstructs (it keeps a rise only when the rise gains strictly more), so that
    /// among plans of equal cost the one chosen has not changed.
    private static func cheapestCounts(_ items: [PlanItem], need: Int, capacity: Int) -> [Int]? {
        // Gains in units of their greatest common divisor (50 for the SPBE 2020 weights) choose the same plans:
        // a sum of them reaches the need (at least 1) exactly when it reaches ⌈need / unit⌉ units.
        let unit = items.reduce(0) { greatestCommonDivisor($0, $1.gain) }
        guard unit > 0 else { return nil }
        let scaled = items.map { PlanItem(indicator: $0.indicator, gain: $0.gain / unit, cost: $0.cost, room: $0.room) }
        let need = (need - 1) / unit + 1
        // No gain in the table exceeds that of every rise together. The narrower its gains, the more of them the
        // table's loop adds and compares at once: eight of 16 bits, four of 32.
        let total = scaled.reduce(0.0) { $0 + Double($1.gain) * Double($1.room) }
        if total <= Double(Int16.max) {
            return cheapestCounts(scaled, need: need, capacity: capacity, gains: Int16.self)
        }
        if total <= Double(Int32.max) {
            return cheapestCounts(scaled, need: need, capacity: capacity, gains: Int32.self)
        }
        return cheapestCounts(scaled, need: need, capacity: capacity, gains: Int.self)
    }

    private static func cheapestCounts<Gain: FixedWidthInteger>(
        _ items: [PlanItem], need: Int, capacity: Int, gains: Gain.Type
    ) -> [Int]? {
        let width = capacity + 1
        let cells = (items.count + 1) * width
        // Every gain in the table is that of rises costing at most the capacity, so about the greedy plan's at
        // most (it takes the best gain per cost first): under 2⁵⁴, as the need and each rise's gain are under
        // 2⁵³; and no more than all rises' together. The sums wrap (&+) only so that the loop can be vectorised.
        // Each row is written whole from the one before: the table is never cleared first.
        let best = [Gain](unsafeUninitializedCapacity: cells) { table, initialized in
            let start = table.baseAddress!
            start.initialize(repeating: 0, count: width)
            for (row, item) in items.enumerated() {
                let before = start + row * width
                let after = before + width
                after.initialize(from: before, count: width)
                var count = 1
                while count <= item.room, count * item.cost <= capacity {
                    let shift = count * item.cost
                    let gain = Gain(count * item.gain)
                    let raised = after + shift
                    for cost in 0..<(width - shift) { raised[cost] = max(raised[cost], before[cost] &+ gain) }
                    count += 1
                }
            }
            initialized = cells
        }
        let last = items.count * width
        guard var cost = (0...capacity).first(where: { Int(best[last + $0]) >= need }) else { return nil }
        var counts = [Int](repeating: 0, count: items.count)
        for (row, item) in items.enumerated().reversed() {
            let reached = Int(best[(row + 1) * width + cost])
            var count = 0
            while Int(best[row * width + cost - count * item.cost]) + count * item.gain != reached { count += 1 }
            counts[row] = count
            cost -= count * item.cost
        }
        return counts
    }

    /// The total cost of taking single-level rises in order of gain per cost until their gain reaches `need`;
    /// nil when all of them fall short (or the sums overflow).
    private static func greedyCost(_ items: [PlanItem], need: Int) -> Int? {
        var gain = 0
        var cost = 0
        // Each item's ratio is worked out once, not at every comparison. The sort is stable: items of one ratio
        // keep pack order, as their rises one by one did.
        let ratios = items.indices.map { (ratio: Double(items[$0].gain) / Double(items[$0].cost), position: $0) }
        for (_, position) in ratios.sorted(by: { $0.ratio > $1.ratio }) {
            guard gain < need else { break }
            let item = items[position]
            // Its rises one at a time would stop at the first that reaches `need`; the sums only grow, so they
            // overflow on the way only if they do at the end.
            let count = min(item.room, (need - gain - 1) / item.gain + 1)
            let (itemGain, gainOverflow) = item.gain.multipliedReportingOverflow(by: count)
            let (itemCost, costOverflow) = item.cost.multipliedReportingOverflow(by: count)
            let (newGain, newGainOverflow) = gain.addingReportingOverflow(itemGain)
            let (newCost, newCostOverflow) = cost.addingReportingOverflow(itemCost)
            guard !gainOverflow, !costOverflow, !newGainOverflow, !newCostOverflow else { return nil }
            (gain, cost) = (newGain, newCost)
        }
        return gain >= need ? cost : nil
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
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

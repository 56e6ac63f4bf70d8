import DataModel

/// Computes the index from indicator levels: `Σ(weight × level) / Σ weight`, per aspect, domain and overall.
///
/// With PermenPANRB 59/2020's weights (in percent, summing to 100) this is exactly
/// `Indeks = Σ(BI × TK) / 100`, and each domain's index is `Σ_{i∈d}(BI × TK) / BD`.
public struct Scorer: Sendable {
    /// The pack whose weights and predicates are used.
    public let pack: CompiledPack

    /// Creates a scorer.
    public init(pack: CompiledPack) { self.pack = pack }

    /// Only the overall index of `levels` (nil when the weights are unknown): what the recommender's what-ifs need,
    /// computed without building the domain and aspect breakdown.
    public func index(levels: [Int]) -> Double? {
        guard !pack.framework.weightsUnknown else { return nil }
        var weighted = 0.0
        var weights = 0.0
        for (indicator, level) in zip(pack.indicators, levels) {
            weighted += indicator.spec.weight * Double(level)
            weights += indicator.spec.weight
        }
        return weights > 0 ? weighted / weights : nil
    }

    /// The score of a list of levels given in indicator order.
    public func score(levels: [Int]) -> Score {
        var aspectSums = [(weighted: Double, weight: Double)](filledWith: (0, 0), count: pack.aspects.count)
        var domainSums = [(weighted: Double, weight: Double)](filledWith: (0, 0), count: pack.framework.domains.count)
        var total = (weighted: 0.0, weight: 0.0)
        for (indicator, level) in zip(pack.indicators, levels) {
            let weight = indicator.spec.weight
            let weighted = weight * Double(level)
            aspectSums[indicator.aspectIndex].weighted += weighted
            aspectSums[indicator.aspectIndex].weight += weight
            domainSums[indicator.domainIndex].weighted += weighted
            domainSums[indicator.domainIndex].weight += weight
            total.weighted += weighted
            total.weight += weight
        }
        let known = !pack.framework.weightsUnknown
        func ratio(_ sum: (weighted: Double, weight: Double)) -> Double? {
            known && sum.weight > 0 ? sum.weighted / sum.weight : nil
        }
        let index = ratio(total)
        return Score(
            index: index,
            predicate: index.flatMap { pack.framework.predicate(for: $0) },
            borderlineEdge: index.flatMap { pack.framework.borderlineEdge(near: $0) },
            domains: pack.framework.domains.enumerated().map { offset, domain in
                PartScore(id: domain.id, name: domain.name, weight: domain.weight, index: ratio(domainSums[offset]))
            },
            aspects: pack.aspects.enumerated().map { offset, aspect in
                PartScore(id: aspect.id, name: aspect.name, weight: aspect.weight, index: ratio(aspectSums[offset]))
            }
        )
    }
}

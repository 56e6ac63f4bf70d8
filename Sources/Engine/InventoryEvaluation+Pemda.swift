extension InventoryEvaluation {
    /// This OPD's evaluation as a member of the pemda evaluated as `pemda`: each pemda-level indicator
    /// (`CompiledIndicator.pemdaLevelReason`) takes the pemda's level and level states, marked `fromPemda`, and
    /// both scores are computed again from the levels that result. The pemda's own evaluation is not changed.
    func withinPemda(_ pemda: InventoryEvaluation, pack: CompiledPack) -> InventoryEvaluation {
        let shared = pack.indicators.filter { $0.pemdaLevelReason != nil }.map(\.index)
        guard !shared.isEmpty else { return self }
        var indicators = self.indicators
        var levelsWithWaivers = self.levelsWithWaivers
        for position in shared {
            var result = pemda.indicators[position]
            result.fromPemda = true
            indicators[position] = result
            levelsWithWaivers?[position] = pemda.levelsWithWaivers?[position] ?? result.level
        }
        let scorer = Scorer(pack: pack)
        return InventoryEvaluation(
            source: source, opdID: opdID, opdName: opdName, pemda: self.pemda, subjects: subjects, rules: rules,
            indicators: indicators,
            score: scorer.score(levels: indicators.map(\.level)),
            scoreWithWaivers: levelsWithWaivers.map { scorer.score(levels: $0) },
            levelsWithWaivers: levelsWithWaivers, matchedWaivers: matchedWaivers
        )
    }
}

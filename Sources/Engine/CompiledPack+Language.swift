import Packs

extension CompiledPack {
    /// The pack with every indicator, domain, aspect, level and predicate name in `language` where the pack gives
    /// one (`RulePack.localized(to:)`); itself for Indonesian. Rules and compiled expressions are shared, not
    /// copied.
    public func localized(to language: String) -> CompiledPack {
        guard language != "id" else { return self }
        let localizedPack = pack.localized(to: language)
        return CompiledPack(
            pack: localizedPack, rules: rules, evaluationOrder: evaluationOrder,
            indicators: indicators.map { indicator in
                CompiledIndicator(
                    spec: indicator.spec.localized(to: language), index: indicator.index, levels: indicator.levels,
                    aspectIndex: indicator.aspectIndex, domainIndex: indicator.domainIndex,
                    lowestLevel: indicator.lowestLevel, highestLevel: indicator.highestLevel,
                    pemdaLevelReason: indicator.pemdaLevelReason)
            },
            aspects: localizedPack.framework.aspects, lookups: lookups)
    }
}

import DataModel

/// Names in the display language of a run: a pack reads every name in Indonesian and keeps the others in `names`;
/// `localized(to:)` gives the pack whose `name`s are in another language wherever the pack gives one, so every
/// report, score and document made from it speaks that language without asking for it name by name.
extension LocalizedText {
    /// The text in `language` when the pack gives one, else `fallback` (the Indonesian name already read).
    func name(in language: String, else fallback: String) -> String {
        translations[language] ?? fallback
    }
}

extension Framework {
    /// The framework with the names of its levels, domains, aspects and predicates in `language` where the pack
    /// gives them; Indonesian where it does not.
    public func localized(to language: String) -> Framework {
        Framework(
            scales: scales.map { scale in
                Scale(
                    id: scale.id,
                    levels: scale.levels.map { level in
                        var level = level
                        level.name = level.names.name(in: language, else: level.name)
                        return level
                    }, location: scale.location)
            },
            domains: domains.map { domain in
                var domain = domain
                domain.name = domain.names.name(in: language, else: domain.name)
                domain.aspects = domain.aspects.map { aspect in
                    var aspect = aspect
                    aspect.name = aspect.names.name(in: language, else: aspect.name)
                    return aspect
                }
                return domain
            },
            totalWeight: totalWeight, weightsUnknown: weightsUnknown,
            predicates: predicates.map { predicate in
                var predicate = predicate
                predicate.name = predicate.names.name(in: language, else: predicate.name)
                return predicate
            },
            pemdaLevel: pemdaLevel, location: location)
    }
}

extension IndicatorSpec {
    /// The indicator with its name in `language` where the pack gives one.
    public func localized(to language: String) -> IndicatorSpec {
        var spec = self
        spec.name = names.name(in: language, else: name)
        return spec
    }
}

extension RulePack {
    /// The pack with every framework and indicator name in `language` where it gives one; itself for Indonesian.
    public func localized(to language: String) -> RulePack {
        guard language != "id" else { return self }
        return RulePack(
            metadata: metadata, framework: framework.localized(to: language), schema: schema,
            indicators: indicators.map { $0.localized(to: language) }, rules: rules, files: files, root: root,
            provenance: provenance)
    }
}

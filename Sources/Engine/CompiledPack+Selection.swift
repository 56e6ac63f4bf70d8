import Diagnostics

/// Which rules a run evaluates (`spbe check --rules`, `--tags`).
public struct RuleSelection: Sendable, Equatable {
    /// Rule ids (or aliases) asked for.
    public var ids: [String]
    /// Tags asked for: a rule carrying any of them is selected.
    public var tags: [String]

    /// A selection of the rules named in `ids` and those tagged with any of `tags`; empty lists select nothing
    /// by that criterion, and a selection with both empty is every rule.
    public init(ids: [String] = [], tags: [String] = []) {
        self.ids = ids
        self.tags = tags
    }

    /// Whether the selection is every rule.
    public var isEverything: Bool { ids.isEmpty && tags.isEmpty }

    /// What is wrong with the selection for `pack`: an id or tag it does not know, with the closest one it does.
    public func problems(in pack: CompiledPack) -> [String] {
        let names = pack.rules.flatMap(\.spec.names)
        var known = Set<String>()
        for rule in pack.rules { known.formUnion(rule.spec.tags) }
        let unknownIDs = ids.filter { !names.contains($0) }.map { id in
            "no rule '\(id)' in pack \(pack.pack.metadata.id)"
                + (Suggestion.didYouMean(id, among: names).map { "; \($0)" } ?? "")
        }
        let unknownTags = tags.filter { !known.contains($0) }.map { tag in
            "no rule is tagged '\(tag)'"
                + (Suggestion.didYouMean(tag, among: known.sorted()).map { "; \($0)" }
                    ?? (known.isEmpty
                        ? "; the pack's rules carry no tags" : "; tags: \(known.sorted().joined(separator: ", "))"))
        }
        return unknownIDs + unknownTags
    }

    /// Whether `rule` is selected.
    func selects(_ rule: CompiledRule) -> Bool {
        isEverything || rule.spec.names.contains(where: ids.contains) || rule.spec.tags.contains(where: tags.contains)
    }
}

extension CompiledPack {
    /// The pack evaluating only the rules `selection` selects; itself for every rule.
    ///
    /// The other rules stay in the pack (ids, positions and reports' rule tables are unchanged) but are never
    /// run, so they have no findings and `passes()` reads them as unknown: a level criterion that asks about one
    /// is not evidenced, never failed.
    public func selecting(_ selection: RuleSelection) -> CompiledPack {
        guard !selection.isEverything else { return self }
        return CompiledPack(
            pack: pack, rules: rules, evaluationOrder: evaluationOrder.filter { selection.selects(rules[$0]) },
            indicators: indicators, aspects: aspects, lookups: lookups)
    }
}

import DataModel
import Diagnostics

/// Cross-reference checks of a loaded pack that need no expression compiling: ids, references, weights.
struct PackValidator {
    let pack: RulePack
    let reader: PackReader

    func validate() {
        checkFramework()
        checkIndicators()
        checkRules()
    }

    private func checkFramework() {
        let framework = pack.framework
        duplicates(framework.domains.map { ($0.id, $0.location) }, what: "domain")
        duplicates(framework.aspects.map { ($0.id, $0.location) }, what: "aspect")
        for domain in framework.domains where !framework.weightsUnknown && !reader.gaps.framework {
            let sum = domain.aspects.reduce(0) { $0 + $1.weight }
            if !nearlyEqual(sum, domain.weight) {
                reader.warning(
                    "pack.weight_sum",
                    "aspect weights of \(domain.id) add up to \(format(sum)), but the domain weighs \(format(domain.weight))",
                    at: reader.weightLocations[domain.id] ?? domain.location
                )
            }
        }
        if framework.predicates.isEmpty && !framework.weightsUnknown && !framework.domains.isEmpty {
            reader.warning("pack.no_predicates", "the framework declares no predicate bands", at: framework.location)
        }
    }

    private func checkIndicators() {
        let framework = pack.framework
        duplicates(pack.indicators.map { ($0.id, $0.location) }, what: "indicator")
        let aspectIDs = framework.aspects.map(\.id)
        let scaleIDs = framework.scales.map(\.id)
        let gaps = reader.gaps
        for indicator in pack.indicators where !gaps.framework {
            if !aspectIDs.contains(indicator.aspectID) {
                reader.error(
                    "pack.unknown_aspect", "indicator \(indicator.id) names unknown aspect '\(indicator.aspectID)'",
                    at: indicator.location, suggestion: Suggestion.didYouMean(indicator.aspectID, among: aspectIDs)
                )
            }
            if !scaleIDs.contains(indicator.scaleID) {
                reader.error(
                    "pack.unknown_scale", "indicator \(indicator.id) names unknown scale '\(indicator.scaleID)'",
                    at: indicator.location, suggestion: Suggestion.didYouMean(indicator.scaleID, among: scaleIDs)
                )
            }
        }
        let indicatorIDs = pack.indicators.map(\.id)
        duplicates(framework.pemdaLevel.map { ($0.indicatorID, $0.location) }, what: "pemda_level indicator")
        for entry in framework.pemdaLevel where !gaps.indicators && !indicatorIDs.contains(entry.indicatorID) {
            reader.error(
                "pack.unknown_indicator", "pemda_level names unknown indicator '\(entry.indicatorID)'",
                at: entry.location, suggestion: Suggestion.didYouMean(entry.indicatorID, among: indicatorIDs)
            )
        }
        // Weights of indicators or aspects that did not load would make every sum around them look wrong.
        guard !framework.weightsUnknown, !gaps.indicators, !gaps.framework else { return }
        for aspect in framework.aspects {
            let sum = pack.indicators.filter { $0.aspectID == aspect.id }.reduce(0) { $0 + $1.weight }
            if !nearlyEqual(sum, aspect.weight) {
                reader.warning(
                    "pack.weight_sum",
                    "indicator weights of aspect \(aspect.id) add up to \(format(sum)), but the aspect weighs \(format(aspect.weight))",
                    at: reader.weightLocations[aspect.id] ?? aspect.location
                )
            }
        }
        if let total = framework.totalWeight {
            let sum = pack.indicators.reduce(0) { $0 + $1.weight }
            if !nearlyEqual(sum, total) {
                reader.warning(
                    "pack.weight_sum",
                    "indicator weights add up to \(format(sum)), but total_weight is \(format(total))",
                    at: reader.weightLocations["total_weight"] ?? framework.location
                )
            }
        }
    }

    private func checkRules() {
        duplicates(pack.rules.map { ($0.id, $0.location) }, what: "rule")
        checkAliases()
        let indicatorIDs = pack.indicators.map(\.id)
        let collections = pack.schema.collections.map(\.name)
        for rule in pack.rules {
            if let indicator = rule.indicatorID, !indicatorIDs.contains(indicator), !reader.gaps.indicators,
                !reader.gaps.brokenIDs.contains(indicator)
            {
                reader.error(
                    "pack.unknown_indicator", "rule \(rule.id) names unknown indicator '\(indicator)'",
                    at: rule.indicatorLocation, suggestion: Suggestion.didYouMean(indicator, among: indicatorIDs)
                )
            }
            if let each = rule.each, !collections.contains(each), !reader.gaps.schema {
                reader.error(
                    "pack.unknown_collection", "rule \(rule.id) checks unknown collection '\(each)'",
                    at: rule.eachLocation,
                    suggestion: Suggestion.didYouMean(each, among: collections)
                        ?? "collections: \(collections.joined(separator: ", "))"
                )
            }
        }
    }

    /// An alias names one rule only, and no rule has it as its id: a waiver, a baseline or `passes()` naming it
    /// must find one rule.
    private func checkAliases() {
        let ids = Set(pack.rules.map(\.id))
        var owners: [String: String] = [:]
        for rule in pack.rules {
            for alias in rule.aliases {
                if ids.contains(alias) {
                    reader.error(
                        "pack.alias_conflict", "alias '\(alias)' of rule \(rule.id) is the id of a rule",
                        at: rule.aliasesLocation,
                        suggestion: "an alias is an id the rule had before it was renamed, and no rule has now"
                    )
                } else if let owner = owners[alias], owner != rule.id {
                    reader.error(
                        "pack.alias_conflict", "alias '\(alias)' of rule \(rule.id) is also an alias of rule \(owner)",
                        at: rule.aliasesLocation
                    )
                } else {
                    owners[alias] = rule.id
                }
            }
        }
    }

    private func duplicates(_ items: [(String, SourceLocation?)], what: String) {
        var seen: [String: SourceLocation?] = [:]
        for (id, location) in items {
            if let first = seen[id] {
                let firstPlace = first.map { " (first at \($0))" } ?? ""
                reader.error("pack.duplicate_id", "duplicate \(what) id '\(id)'\(firstPlace)", at: location)
            } else {
                seen[id] = location
            }
        }
    }

    private func nearlyEqual(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }

    private func format(_ value: Double) -> String { Value.format((value * 1e6).rounded() / 1e6) }
}

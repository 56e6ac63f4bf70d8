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
                reader.report(
                    .aspectWeightSum(
                        of: domain.id, sum: sum, weight: domain.weight,
                        at: reader.weightLocations[domain.id] ?? domain.location))
            }
        }
        if framework.predicates.isEmpty && !framework.weightsUnknown && !framework.domains.isEmpty {
            reader.report(.noPredicates(at: framework.location))
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
                reader.report(
                    .unknownAspect(indicator.aspectID, of: indicator.id, among: aspectIDs, at: indicator.location))
            }
            if !scaleIDs.contains(indicator.scaleID) {
                reader.report(
                    .unknownScale(indicator.scaleID, of: indicator.id, among: scaleIDs, at: indicator.location))
            }
        }
        let indicatorIDs = pack.indicators.map(\.id)
        duplicates(framework.pemdaLevel.map { ($0.indicatorID, $0.location) }, what: "pemda_level indicator")
        for entry in framework.pemdaLevel where !gaps.indicators && !indicatorIDs.contains(entry.indicatorID) {
            reader.report(.pemdaLevelUnknownIndicator(entry.indicatorID, among: indicatorIDs, at: entry.location))
        }
        // Weights of indicators or aspects that did not load would make every sum around them look wrong.
        guard !framework.weightsUnknown, !gaps.indicators, !gaps.framework else { return }
        for aspect in framework.aspects {
            let sum = pack.indicators.filter { $0.aspectID == aspect.id }.reduce(0) { $0 + $1.weight }
            if !nearlyEqual(sum, aspect.weight) {
                reader.report(
                    .indicatorWeightSum(
                        of: aspect.id, sum: sum, weight: aspect.weight,
                        at: reader.weightLocations[aspect.id] ?? aspect.location))
            }
        }
        if let total = framework.totalWeight {
            let sum = pack.indicators.reduce(0) { $0 + $1.weight }
            if !nearlyEqual(sum, total) {
                reader.report(
                    .totalWeightSum(sum, total: total, at: reader.weightLocations["total_weight"] ?? framework.location)
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
                reader.report(
                    .ruleUnknownIndicator(indicator, of: rule.id, among: indicatorIDs, at: rule.indicatorLocation))
            }
            if let each = rule.each, !collections.contains(each), !reader.gaps.schema {
                reader.report(.ruleUnknownCollection(each, of: rule.id, among: collections, at: rule.eachLocation))
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
                    reader.report(.aliasIsRuleID(alias, of: rule.id, at: rule.aliasesLocation))
                } else if let owner = owners[alias], owner != rule.id {
                    reader.report(.aliasTaken(alias, of: rule.id, owner: owner, at: rule.aliasesLocation))
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
                reader.report(.duplicateID(what, id, first: first, at: location))
            } else {
                seen[id] = location
            }
        }
    }

    private func nearlyEqual(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }

}

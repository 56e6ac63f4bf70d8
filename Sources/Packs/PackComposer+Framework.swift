import DataModel
import Diagnostics
import YAMLSource

/// A child pack's framework on top of its base's: new scales, domains and aspects are added (an aspect may join a
/// domain of the base by naming the base domain's id), and `override:` reweights domains and aspects; lint then
/// checks that the weights add up. Declaring a scale, a domain's aspect or a predicate band the base already has is
/// an error naming both positions.
extension PackComposer {
    func extend(_ base: Framework, with own: Framework) -> Framework {
        var scales = base.scales
        for scale in own.scales {
            if let first = base.scale(scale.id) {
                reader.report(.frameworkConflict("scale", scale.id, first: first.location, at: scale.location))
            } else {
                scales.append(scale)
            }
        }
        var domains = base.domains
        let baseAspects = base.aspects
        for domain in own.domains {
            var added: [Aspect] = []
            for aspect in domain.aspects {
                if let first = baseAspects.first(where: { $0.id == aspect.id }) {
                    reader.report(.frameworkConflict("aspect", aspect.id, first: first.location, at: aspect.location))
                } else {
                    added.append(aspect)
                }
            }
            if let index = domains.firstIndex(where: { $0.id == domain.id }) {
                let existing = domains[index]
                domains[index] = Domain(
                    id: existing.id, name: existing.name, names: existing.names, weight: existing.weight,
                    aspects: existing.aspects + added,
                    location: existing.location
                )
            } else {
                domains.append(
                    Domain(
                        id: domain.id, name: domain.name, names: domain.names, weight: domain.weight, aspects: added,
                        location: domain.location))
            }
        }
        if !own.predicates.isEmpty, !base.predicates.isEmpty {
            reader.report(.frameworkConflict("predicate bands", "", first: base.location, at: own.location))
        }
        return Framework(
            scales: scales, domains: domains, totalWeight: own.totalWeight ?? base.totalWeight,
            weightsUnknown: base.weightsUnknown || own.weightsUnknown,
            predicates: own.predicates.isEmpty ? base.predicates : own.predicates,
            pemdaLevel: base.pemdaLevel
                + own.pemdaLevel.filter { entry in !base.pemdaLevel.contains { $0.indicatorID == entry.indicatorID } },
            location: base.location
        )
    }

    /// `framework` with the weights `override: {domains: {D1: {weight: …}}, aspects: {A1: {weight: …}}}` gives.
    func reweight(_ framework: Framework, _ node: YAMLNode, overrides: inout [PackProvenance.Override]) -> Framework {
        guard let sections = node.mappingEntries else { return framework }
        var domainWeights: [String: Double] = [:]
        var aspectWeights: [String: Double] = [:]
        for section in sections {
            guard let name = section.key.scalar, name == "domains" || name == "aspects" else { continue }
            let ids = name == "domains" ? framework.domains.map(\.id) : framework.aspects.map(\.id)
            for entry in section.value.mappingEntries ?? [] {
                guard let id = reader.string(entry.key, "\(name) id") else { continue }
                guard ids.contains(id) else {
                    let location = entry.key.location
                    reader.report(
                        name == "domains"
                            ? .overrideUnknownDomain(id, among: ids, at: location)
                            : .overrideUnknownAspect(id, among: ids, at: location))
                    continue
                }
                guard
                    let keys = reader.fields(
                        entry.value, of: "the override of \(id)", allowed: ["weight"], required: ["weight"]),
                    let weight = reader.number(keys["weight"], "weight", in: PackReader.weightRange)
                else { continue }
                if name == "domains" { domainWeights[id] = weight } else { aspectWeights[id] = weight }
                reader.weightLocations[id] = keys["weight"]?.location
                let old =
                    name == "domains"
                    ? framework.domains.first { $0.id == id }?.weight : framework.aspects.first { $0.id == id }?.weight
                overrides.append(
                    PackProvenance.Override(
                        id: id, key: "weight", from: old.map(Value.format) ?? "-", to: Value.format(weight),
                        location: keys["weight"]?.location ?? entry.key.location
                    ))
            }
        }
        guard !domainWeights.isEmpty || !aspectWeights.isEmpty else { return framework }
        let domains = framework.domains.map { domain in
            Domain(
                id: domain.id, name: domain.name, names: domain.names,
                weight: domainWeights[domain.id] ?? domain.weight,
                aspects: domain.aspects.map { aspect in
                    Aspect(
                        id: aspect.id, name: aspect.name, names: aspect.names,
                        weight: aspectWeights[aspect.id] ?? aspect.weight,
                        domainID: aspect.domainID, location: aspect.location)
                },
                location: domain.location
            )
        }
        return Framework(
            scales: framework.scales, domains: domains, totalWeight: framework.totalWeight,
            weightsUnknown: framework.weightsUnknown,
            predicates: framework.predicates, pemdaLevel: framework.pemdaLevel, location: framework.location
        )
    }
}

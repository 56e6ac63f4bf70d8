import DataModel
import Diagnostics
import YAMLSource

extension PackReader {
    func metadata(_ node: YAMLNode) -> PackMetadata? {
        guard
            let entries = fields(
                node, of: "pack",
                allowed: [
                    "id", "title", "version", "framework", "legal_basis", "language", "description", "provisional",
                ],
                required: ["id", "title", "version", "framework"]
            )
        else { return nil }
        guard let id = string(entries["id"], "pack id"),
            let title = localized(entries["title"], "pack title"),
            let version = string(entries["version"], "pack version"),
            let framework = string(entries["framework"], "pack framework")
        else { return nil }
        return PackMetadata(
            id: id, title: title, version: version, framework: framework,
            legalBasis: strings(entries["legal_basis"], "legal_basis"),
            language: entries["language"].flatMap { string($0, "language") } ?? "id",
            description: localized(entries["description"], "pack description"),
            provisional: entries["provisional"].flatMap { bool($0, "provisional") } ?? false,
            location: node.location
        )
    }

    /// The framework section; a pack that extends another gives only what it adds (see `PackComposer`).
    func framework(_ node: YAMLNode, extending: Bool = false) -> Framework? {
        guard
            let entries = fields(
                node, of: "framework",
                allowed: ["scales", "domains", "total_weight", "weights_unknown", "predicates", "pemda_level"],
                required: extending ? [] : ["scales", "domains"]
            )
        else { return nil }
        if let node = entries["total_weight"] { weightLocations["total_weight"] = node.location }
        return Framework(
            scales: scales(entries["scales"]),
            domains: list(entries["domains"], "domains").compactMap { node in
                let domain = domain(node)
                if domain == nil { gaps.framework = true }
                return domain
            },
            totalWeight: entries["total_weight"].flatMap { number($0, "total_weight", in: PackReader.weightRange) },
            weightsUnknown: entries["weights_unknown"].flatMap { bool($0, "weights_unknown") } ?? false,
            predicates: list(entries["predicates"], "predicates").compactMap(predicate)
                .sorted { $0.minimum > $1.minimum },
            pemdaLevel: pemdaLevel(entries["pemda_level"]),
            location: node.location
        )
    }

    /// `pemda_level: {I01: "reason", …}`: the indicators decided for the pemda as a whole, each with its reason.
    private func pemdaLevel(_ node: YAMLNode?) -> [PemdaLevelIndicator] {
        guard let node else { return [] }
        guard let entries = node.mappingEntries else {
            report(.pemdaLevelNotMapping(at: node.location))
            return []
        }
        return entries.compactMap { entry in
            guard let id = string(entry.key, "indicator id"), let reason = string(entry.value, "reason") else {
                return nil
            }
            return PemdaLevelIndicator(indicatorID: id, reason: reason, location: entry.key.location)
        }
    }

    private func scales(_ node: YAMLNode?) -> [Scale] {
        guard let node, let entries = node.mappingEntries else {
            if let node {
                report(.scalesNotMapping(at: node.location))
            }
            return []
        }
        return entries.compactMap { entry in
            guard let id = string(entry.key, "scale name") else {
                gaps.framework = true
                return nil
            }
            let levels = list(entry.value, "scale '\(id)'").compactMap { levelName($0, scale: id) }
            // The first level is the floor: 0 (PermenPANRB 5/2018) or 1 (59/2020, Pemdi).
            let first = levels.first?.level ?? 1
            if first != 0 && first != 1 {
                report(.scaleStart(id, at: entry.value.location))
            } else {
                for (offset, level) in levels.enumerated() where level.level != first + offset {
                    report(.scaleOrder(id, first: first, at: entry.value.location))
                    break
                }
            }
            return Scale(id: id, levels: levels, location: entry.key.location)
        }
    }

    private func levelName(_ node: YAMLNode, scale: String) -> LevelName? {
        guard
            let entries = fields(
                node, of: "a level of scale '\(scale)'", allowed: ["level", "name", "description"],
                required: ["level", "name"]
            ), let level = int(entries["level"], "level"), let names = localized(entries["name"], "level name")
        else { return nil }
        return LevelName(
            level: level, name: names.text(in: "id"), names: names,
            description: localized(entries["description"], "level description"), location: node.location)
    }

    private func domain(_ node: YAMLNode) -> Domain? {
        guard
            let entries = fields(
                node, of: "a domain", allowed: ["id", "name", "weight", "aspects"], required: ["id", "name", "aspects"]
            ), let id = string(entries["id"], "domain id"), let names = localized(entries["name"], "domain name")
        else { return nil }
        let weight = entries["weight"].flatMap { number($0, "domain weight", in: PackReader.weightRange) } ?? 0
        if let node = entries["weight"] { weightLocations[id] = node.location }
        let aspects = list(entries["aspects"], "aspects of \(id)").compactMap { node in
            let aspect = aspect(node, domain: id)
            if aspect == nil { gaps.framework = true }
            return aspect
        }
        return Domain(
            id: id, name: names.text(in: "id"), names: names, weight: weight, aspects: aspects, location: node.location)
    }

    private func aspect(_ node: YAMLNode, domain: String) -> Aspect? {
        guard
            let entries = fields(
                node, of: "an aspect", allowed: ["id", "name", "weight"], required: ["id", "name"]
            ), let id = string(entries["id"], "aspect id"), let names = localized(entries["name"], "aspect name")
        else { return nil }
        let weight = entries["weight"].flatMap { number($0, "aspect weight", in: PackReader.weightRange) } ?? 0
        if let node = entries["weight"] { weightLocations[id] = node.location }
        return Aspect(
            id: id, name: names.text(in: "id"), names: names, weight: weight, domainID: domain, location: node.location)
    }

    /// `{name: Baik, min: 2.6}` (an index shown as 2.60 is Baik) or `{name: Cukup, above: 1.5}` (1.50 is not).
    private func predicate(_ node: YAMLNode) -> Predicate? {
        guard let entries = fields(node, of: "a predicate", allowed: ["name", "min", "above"], required: ["name"]),
            let names = localized(entries["name"], "predicate name")
        else { return nil }
        let name = names.text(in: "id")
        switch (entries["min"], entries["above"]) {
        case (let min?, nil):
            return number(min, "predicate min", in: PackReader.predicateRange).map {
                Predicate(name: name, names: names, minimum: $0, location: node.location)
            }
        case (nil, let above?):
            return number(above, "predicate above", in: PackReader.predicateRange).map {
                Predicate(name: name, names: names, minimum: $0, inclusive: false, location: node.location)
            }
        default:
            report(.predicateEdge(name, at: node.location))
            return nil
        }
    }
}

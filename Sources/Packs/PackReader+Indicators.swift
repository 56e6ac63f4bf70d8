import DataModel
import Diagnostics
import YAMLSource

extension PackReader {
    /// An indicator; one whose id was read but not its name, aspect, scale or weight is left out and its id
    /// remembered, so rules naming it get no second error and weight sums are not checked without it.
    func indicator(_ node: YAMLNode) -> IndicatorSpec? {
        guard
            let entries = fields(
                node, of: "an indicator",
                allowed: [
                    "id", "number", "part", "name", "aspect", "weight", "scale", "target", "effort", "references",
                    "note", "levels",
                ],
                required: ["id", "name", "aspect", "weight", "scale"]
            )
        else {
            gaps.indicators = true
            return nil
        }
        let id = string(entries["id"], "indicator id")
        let names = localized(entries["name"], "indicator name")
        let aspect = string(entries["aspect"], "aspect")
        let scale = string(entries["scale"], "scale")
        let weight = number(entries["weight"], "weight", in: PackReader.weightRange)
        let target = entries["target"].flatMap { int($0, "target") }
        if let target, !(1...5).contains(target) {
            report(.invalidTarget(at: entries["target"]?.location))
        }
        let levels = levels(entries["levels"], indicator: id ?? "the indicator")
        guard let id else {
            gaps.indicators = true
            return nil
        }
        guard let names, let aspect, let scale, let weight else {
            gaps.indicators = true
            gaps.brokenIDs.insert(id)
            return nil
        }
        return IndicatorSpec(
            id: id, number: entries["number"].flatMap { int($0, "number") }, part: part(entries["part"]),
            name: names.text(in: "id"), names: names, aspectID: aspect,
            weight: weight, scaleID: scale, target: target,
            effort: entries["effort"].flatMap { number($0, "effort", in: PackReader.effortRange) },
            references: strings(entries["references"], "references"),
            note: entries["note"].flatMap { string($0, "note") },
            levels: levels,
            location: node.location
        )
    }

    private func part(_ node: YAMLNode?) -> Int? {
        guard let part = node.flatMap({ int($0, "part") }) else { return nil }
        guard part > 0 else {
            report(.invalidPart(at: node?.location))
            return nil
        }
        return part
    }

    private func levels(_ node: YAMLNode?, indicator: String) -> [LevelSpec] {
        guard let node, !node.isNull else { return [] }
        guard let entries = node.mappingEntries else {
            report(.indicatorLevelsNotMapping(indicator, at: node.location))
            return []
        }
        var result: [LevelSpec] = []
        for entry in entries {
            guard case .int(let level) = entry.key.plainScalarKind, (1...5).contains(level) else {
                report(.invalidLevelKey(of: indicator, at: entry.key.location))
                continue
            }
            guard let spec = levelSpec(entry.value, level: level, indicator: indicator) else { continue }
            result.append(spec)
        }
        result.sort { $0.level < $1.level }
        for (offset, spec) in result.enumerated() where spec.level != offset + 1 {
            report(.levelGap(indicator, level: spec.level, missing: offset + 1, at: spec.location))
            break
        }
        return result
    }

    private func levelSpec(_ node: YAMLNode, level: Int, indicator: String) -> LevelSpec? {
        guard
            let entries = fields(
                node, of: "level \(level) of \(indicator)",
                allowed: ["require", "description", "criterion", "note", "evidence"]
            )
        else { return nil }
        return LevelSpec(
            level: level,
            require: entries["require"].flatMap { expression($0, "require") },
            description: localized(entries["description"], "description"),
            criterion: entries["criterion"].flatMap { string($0, "criterion") },
            note: entries["note"].flatMap { string($0, "note") },
            evidence: strings(entries["evidence"], "evidence"),
            location: node.location
        )
    }
}

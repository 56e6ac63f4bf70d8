import DataModel
import Packs

/// Where each part of a rule or indicator of an effective (possibly composed) pack comes from.
public struct PackExplanation {
    /// The effective pack.
    public let pack: RulePack

    /// Creates an explanation of `pack`.
    public init(pack: RulePack) { self.pack = pack }

    /// The explanation of the rule or indicator `id`, or nil when the pack has none.
    public func explain(_ id: String) -> String? {
        let provenance = pack.provenance
        let origin = provenance.inherited.contains(id) ? "base pack" : "this pack"
        var lines: [String] = []
        if let rule = pack.rules.first(where: { $0.id == id }) {
            lines.append("rule \(id): defined in \(origin) at \(rule.location)")
            lines.append("  title: \(rule.title.text())")
            lines.append("  severity: \(rule.severity.rawValue)")
            lines.append("  indicator: \(rule.indicatorID ?? "-")")
            lines.append("  each: \(rule.each ?? "(the OPD)")")
            if let filter = rule.filter { lines.append("  where: \(filter.text)  (\(filter.location))") }
            lines.append("  require: \(rule.require.text)  (\(rule.require.location))")
        } else if let indicator = pack.indicators.first(where: { $0.id == id }) {
            lines.append("indicator \(id): defined in \(origin) at \(indicator.location)")
            lines.append("  name: \(indicator.name)")
            lines.append("  weight: \(Value.format(indicator.weight))")
            lines.append("  target: \(indicator.target.map(String.init) ?? "-")")
            lines.append("  levels: \(indicator.levels.count)")
        } else if let disabled = provenance.disabled.first(where: { $0.id == id }) {
            lines.append("rule \(id): defined in base pack at \(disabled.rule.location)")
            lines.append("  disabled at \(disabled.location)")
            return lines.joined(separator: "\n") + "\n"
        } else {
            return nil
        }
        let overrides = provenance.overrides.filter { $0.id == id }
        for change in overrides {
            lines.append("  \(change.key) overridden at \(change.location): \(change.from) → \(change.to)")
        }
        if overrides.isEmpty && provenance.inherited.contains(id) { lines.append("  no overrides") }
        return lines.joined(separator: "\n") + "\n"
    }
}

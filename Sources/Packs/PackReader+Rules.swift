import DataModel
import Diagnostics
import YAMLSource

extension PackReader {
    func rule(_ node: YAMLNode) -> RuleSpec? {
        guard let entries = fields(
            node, of: "a rule",
            allowed: [
                "id", "title", "indicator", "severity", "each", "where", "require", "message",
                "recommendation", "references", "note", "aliases",
            ],
            required: ["id", "title", "severity", "require"]
        ), let id = string(entries["id"], "rule id"),
           let title = localized(entries["title"], "title"),
           let require = expression(entries["require"], "require") else { return nil }
        guard let severity = severity(entries["severity"]) else { return nil }
        return RuleSpec(
            id: id, title: title,
            indicatorID: entries["indicator"].flatMap { string($0, "indicator") },
            indicatorLocation: entries["indicator"]?.location,
            severity: severity,
            each: entries["each"].flatMap { string($0, "each") },
            eachLocation: entries["each"]?.location,
            filter: entries["where"].flatMap { expression($0, "where") },
            require: require,
            message: localizedSources(entries["message"], "message"),
            recommendation: localized(entries["recommendation"], "recommendation"),
            references: strings(entries["references"], "references"),
            note: entries["note"].flatMap { string($0, "note") },
            location: node.location,
            aliases: strings(entries["aliases"], "aliases"),
            aliasesLocation: entries["aliases"]?.location
        )
    }

    private func severity(_ node: YAMLNode?) -> RuleSeverity? {
        guard let node, let text = string(node, "severity") else { return nil }
        guard let severity = RuleSeverity(rawValue: text) else {
            let names = RuleSeverity.allCases.map(\.rawValue)
            error(
                "pack.unknown_severity", "unknown severity '\(text)'", at: node.location,
                suggestion: Suggestion.didYouMean(text, among: names) ?? "use one of: \(names.joined(separator: ", "))"
            )
            return nil
        }
        return severity
    }
}

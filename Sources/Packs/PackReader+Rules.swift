import DataModel
import Diagnostics
import YAMLSource

extension PackReader {
    /// A rule; one with a bad title or severity is still returned (the error is reported) so that its `each:`,
    /// `where:` and `require:` are checked in the same run. Nil when its id or condition cannot be read.
    func rule(_ node: YAMLNode) -> RuleSpec? {
        guard
            let entries = fields(
                node, of: "a rule",
                allowed: [
                    "id", "title", "indicator", "severity", "each", "where", "require", "message",
                    "recommendation", "references", "note", "aliases", "tags",
                ],
                required: ["id", "title", "severity", "require"]
            )
        else {
            gaps.rules = true
            return nil
        }
        let id = string(entries["id"], "rule id")
        let title = localized(entries["title"], "title")
        let severity = severity(entries["severity"])
        let require = expression(entries["require"], "require")
        let indicatorID = entries["indicator"].flatMap { string($0, "indicator") }
        let each = entries["each"].flatMap { string($0, "each") }
        let filter = entries["where"].flatMap { expression($0, "where") }
        let message = localizedSources(entries["message"], "message")
        let recommendation = localized(entries["recommendation"], "recommendation")
        let references = strings(entries["references"], "references")
        let note = entries["note"].flatMap { string($0, "note") }
        guard let id else {
            gaps.rules = true
            return nil
        }
        // A rule whose condition is missing (an error already) stands in with 'true', so its filter and message
        // are still checked; a pack with errors is never evaluated.
        let condition =
            require ?? ExpressionSource(text: "true", map: .starting(at: node.location), location: node.location)
        return RuleSpec(
            id: id, title: title ?? LocalizedText(indonesian: id),
            indicatorID: indicatorID,
            indicatorLocation: entries["indicator"]?.location,
            severity: severity ?? .info,
            each: each,
            eachLocation: entries["each"]?.location,
            filter: filter,
            require: condition,
            message: message,
            recommendation: recommendation,
            references: references,
            note: note,
            location: node.location,
            aliases: strings(entries["aliases"], "aliases"),
            aliasesLocation: entries["aliases"]?.location,
            tags: tags(entries["tags"])
        )
    }

    private func severity(_ node: YAMLNode?) -> RuleSeverity? {
        guard let node, let text = string(node, "severity") else { return nil }
        guard let severity = RuleSeverity(rawValue: text) else {
            let names = RuleSeverity.allCases.map(\.rawValue)
            report(.unknownSeverity(text, among: names, at: node.location))
            return nil
        }
        return severity
    }
}

import DataModel
import Expressions
import Foundation
import Packs

/// What a pack defines, for completion, hover and definition: its fields, rules, indicators and the bundled
/// pack names, each with its position.
struct PackVocabulary {
    /// The pack the document is written against, nil when none has loaded yet.
    let snapshot: PackSnapshot?
    /// The folders of the bundled packs (`rules/*`), by name.
    let bundled: [String: String]

    /// Keys of a pack file's top level.
    static let sectionKeys = [
        "spbe_pack", "extends", "pack", "framework", "schema", "indicators", "rules", "override", "disable",
    ]
    /// Keys of a rule, in their canonical order.
    static let ruleKeys = [
        "id", "aliases", "title", "indicator", "severity", "tags", "each", "where", "require", "message",
        "recommendation", "references", "note",
    ]
    /// Keys of an indicator, in their canonical order.
    static let indicatorKeys = [
        "id", "number", "part", "name", "aspect", "weight", "scale", "target", "effort", "references", "note",
        "levels",
    ]
    /// Keys of a level criterion.
    static let levelKeys = ["require", "description", "evidence"]

    /// Every record schema: the inventory header first, then the collections.
    var records: [RecordSchema] {
        guard let schema = snapshot?.pack.schema else { return [] }
        return [schema.header] + schema.collections
    }

    /// The field named `name` (plain, or `collection.field`), with its record.
    func field(_ name: String) -> (record: RecordSchema, field: FieldSchema)? {
        let parts = name.split(separator: ".").map(String.init)
        if parts.count == 2, let record = records.first(where: { $0.name == parts[0] }),
            let field = record.field(named: parts[1])
        {
            return (record, field)
        }
        for record in records { if let field = record.field(named: parts.last ?? name) { return (record, field) } }
        return nil
    }

    /// The rule with id `id`.
    func rule(_ id: String) -> RuleSpec? { snapshot?.pack.rules.first { $0.id == id } }

    /// The indicator with id `id`.
    func indicator(_ id: String) -> IndicatorSpec? { snapshot?.pack.indicators.first { $0.id == id } }

    /// The folders of the bundled packs under `rulesFolder`, by name.
    static func bundledPacks(in rulesFolder: String?) -> [String: String] {
        guard let rulesFolder else { return [:] }
        var packs: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: rulesFolder)) ?? [] {
            let folder = (rulesFolder as NSString).appendingPathComponent(name)
            if DocumentKind.isPackFolder(folder) { packs[name] = folder }
        }
        return packs
    }

    /// A Markdown description of a field.
    func describe(_ record: RecordSchema, _ field: FieldSchema) -> String {
        var lines = ["**\(record.name).\(field.name)**: `\(field.type)`\(field.required ? ", required" : "")"]
        if let label = field.label { lines.append(label) }
        if let description = field.description { lines.append(description.text(in: "en")) }
        return lines.joined(separator: "\n\n")
    }

    /// A Markdown description of an indicator: name, aspect, weight and each level's criterion.
    func describe(_ indicator: IndicatorSpec) -> String {
        var lines = [
            "**\(indicator.id)** \(indicator.name)",
            "aspect \(indicator.aspectID), weight \(Self.number(indicator.weight))",
        ]
        for level in indicator.levels {
            var line = "- level \(level.level)"
            if let require = level.require {
                line += ": `\(require.text.trimmingCharacters(in: .whitespacesAndNewlines))`"
            }
            if let description = level.description { line += " (\(description.text(in: "en")))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n\n")
    }

    /// A Markdown description of a rule.
    func describe(_ rule: RuleSpec) -> String {
        var lines = ["**\(rule.id)** \(rule.title.text(in: "en"))", "severity \(rule.severity.rawValue)"]
        if let indicator = rule.indicatorID { lines[1] += ", indicator \(indicator)" }
        if let each = rule.each { lines[1] += ", each \(each)" }
        lines.append("`\(rule.require.text.trimmingCharacters(in: .whitespacesAndNewlines))`")
        return lines.joined(separator: "\n\n")
    }

    /// `2`, `0.5`: a weight without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

import DataModel
import Diagnostics
import YAMLSource

/// Builds the effective pack of a pack that extends others: the bases' content, then the pack's own.
///
/// Own rules and indicators are added (an id a base already has is an error: change it with `override:`);
/// own schema fields are added to the base's records and collections (a field the base already declares is an
/// error); `override:` changes keys of base rules (`severity`, `title`, `message`, `recommendation`,
/// `references`, `note`) and indicators (`weight`, `target`, `effort`, `references`, `note`); `disable:` drops
/// base rules. Overrides and disables of unknown ids are errors with a suggestion.
struct PackComposer {
    let reader: PackReader

    /// What the extending pack itself declares.
    struct Own {
        let metadata: PackMetadata
        let framework: Framework?
        let schema: InventorySchema?
        let indicators: [IndicatorSpec]
        let rules: [RuleSpec]
        let override: YAMLNode?
        let disabled: [(id: String, location: SourceLocation)]
        let files: [String]
        let root: String
    }

    static let ruleOverrideKeys = ["severity", "title", "message", "recommendation", "references", "note"]
    static let indicatorOverrideKeys = ["weight", "target", "effort", "references", "note"]

    func compose(_ own: Own, bases: [RulePack], basePaths: [String]) -> RulePack? {
        let baseFramework = bases.first?.framework
        guard
            var framework = baseFramework.map({ base in own.framework.map { extend(base, with: $0) } ?? base })
                ?? own.framework ?? (reader.gaps.framework ? Framework.none : nil)
        else {
            return nil
        }
        var schema = bases.first?.schema
        var indicators = bases.first?.indicators ?? []
        var rules = bases.first?.rules ?? []
        for base in bases.dropFirst() {
            schema = schema.map { merge($0, base.schema) } ?? base.schema
            indicators = add(base.indicators, to: indicators, what: "indicator")
            rules = add(base.rules, to: rules, what: "rule")
        }
        if let ownSchema = own.schema { schema = schema.map { merge($0, ownSchema) } ?? ownSchema }
        if schema == nil && reader.gaps.schema {
            schema = InventorySchema(header: RecordSchema(name: "opd", fields: []), collections: [])
        }
        guard let schema else { return nil }
        let inherited = Set(indicators.map(\.id) + rules.map(\.id))
        var overrides: [PackProvenance.Override] = []
        if let node = own.override {
            apply(node, rules: &rules, indicators: &indicators, overrides: &overrides)
            framework = reweight(framework, node, overrides: &overrides)
        }
        var disabled: [PackProvenance.Disabled] = []
        for (id, location) in own.disabled {
            guard let index = rules.firstIndex(where: { $0.id == id }) else {
                reader.report(.disableUnknownRule(id, among: rules.map(\.id), at: location))
                continue
            }
            disabled.append(PackProvenance.Disabled(id: id, rule: rules[index], location: location))
            rules.remove(at: index)
        }
        indicators = add(own.indicators, to: indicators, what: "indicator")
        rules = add(own.rules, to: rules, what: "rule")
        return RulePack(
            metadata: own.metadata, framework: framework, schema: schema, indicators: indicators, rules: rules,
            files: bases.flatMap(\.files) + own.files, root: own.root,
            provenance: PackProvenance(
                bases: basePaths, overrides: overrides, disabled: disabled,
                inherited: inherited.union(bases.flatMap(\.provenance.inherited)), ownFiles: own.files
            )
        )
    }

    /// `base` with the fields and collections of `addition` added; a field declared twice is an error.
    private func merge(_ base: InventorySchema, _ addition: InventorySchema) -> InventorySchema {
        let header = mergeRecord(base.header, addition.header)
        var collections = base.collections
        for collection in addition.collections {
            if let index = collections.firstIndex(where: { $0.name == collection.name }) {
                collections[index] = mergeRecord(collections[index], collection)
            } else {
                collections.append(collection)
            }
        }
        return InventorySchema(header: header, collections: collections)
    }

    private func mergeRecord(_ base: RecordSchema, _ addition: RecordSchema) -> RecordSchema {
        var fields = base.fields
        for field in addition.fields {
            if let existing = base.field(named: field.name) {
                reader.report(
                    .duplicateBaseField(field.name, of: base.name, first: existing.location, at: field.location))
                continue
            }
            fields.append(field)
        }
        return RecordSchema(
            name: base.name, fields: fields, description: base.description ?? addition.description,
            location: base.location)
    }

    private func add<Spec: Identified>(_ specs: [Spec], to existing: [Spec], what: String) -> [Spec] {
        var result = existing
        for spec in specs {
            if let first = existing.first(where: { $0.id == spec.id }) {
                reader.report(.duplicateBaseID(what, spec.id, first: first.location, at: spec.location))
                continue
            }
            result.append(spec)
        }
        return result
    }

    private func apply(
        _ node: YAMLNode, rules: inout [RuleSpec], indicators: inout [IndicatorSpec],
        overrides: inout [PackProvenance.Override]
    ) {
        guard
            let sections = reader.fields(node, of: "override", allowed: ["rules", "indicators", "domains", "aspects"])
        else { return }
        for entry in sections["rules"]?.mappingEntries ?? [] {
            guard let id = reader.string(entry.key, "rule id") else { continue }
            guard let index = rules.firstIndex(where: { $0.id == id }) else {
                reader.report(.overrideUnknownRule(id, among: rules.map(\.id), at: entry.key.location))
                continue
            }
            guard let keys = reader.fields(entry.value, of: "the override of \(id)", allowed: Self.ruleOverrideKeys)
            else { continue }
            for (key, value) in keys.sorted(by: { $0.value.location < $1.value.location }) {
                if let change = override(&rules[index], key: key, value: value) {
                    overrides.append(
                        PackProvenance.Override(
                            id: id, key: key, from: change.from, to: change.to, location: value.location))
                }
            }
        }
        for entry in sections["indicators"]?.mappingEntries ?? [] {
            guard let id = reader.string(entry.key, "indicator id") else { continue }
            guard let index = indicators.firstIndex(where: { $0.id == id }) else {
                reader.report(.overrideUnknownIndicator(id, among: indicators.map(\.id), at: entry.key.location))
                continue
            }
            guard
                let keys = reader.fields(entry.value, of: "the override of \(id)", allowed: Self.indicatorOverrideKeys)
            else { continue }
            for (key, value) in keys.sorted(by: { $0.value.location < $1.value.location }) {
                if let change = override(&indicators[index], key: key, value: value) {
                    overrides.append(
                        PackProvenance.Override(
                            id: id, key: key, from: change.from, to: change.to, location: value.location))
                }
            }
        }
    }

    private func override(_ rule: inout RuleSpec, key: String, value: YAMLNode) -> (from: String, to: String)? {
        switch key {
        case "severity":
            guard let text = reader.string(value, "severity") else { return nil }
            guard let severity = RuleSeverity(rawValue: text) else {
                let names = RuleSeverity.allCases.map(\.rawValue)
                reader.report(.unknownSeverity(text, among: names, at: value.location))
                return nil
            }
            defer { rule.severity = severity }
            return (rule.severity.rawValue, severity.rawValue)
        case "title":
            guard let title = reader.localized(value, "title") else { return nil }
            defer { rule.title = title }
            return (rule.title.text(), title.text())
        case "message":
            guard let message = reader.localizedSources(value, "message") else { return nil }
            defer { rule.message = message }
            return (rule.message?.translations["id"]?.text ?? "-", message.translations["id"]?.text ?? "-")
        case "recommendation":
            guard let recommendation = reader.localized(value, "recommendation") else { return nil }
            defer { rule.recommendation = recommendation }
            return (rule.recommendation?.text() ?? "-", recommendation.text())
        case "references":
            let references = reader.strings(value, "references")
            defer { rule.references = references }
            return (rule.references.joined(separator: "; "), references.joined(separator: "; "))
        default:
            guard let note = reader.string(value, "note") else { return nil }
            defer { rule.note = note }
            return (rule.note ?? "-", note)
        }
    }

    private func override(_ indicator: inout IndicatorSpec, key: String, value: YAMLNode) -> (from: String, to: String)?
    {
        switch key {
        case "weight":
            guard let weight = reader.number(value, "weight", in: PackReader.weightRange) else { return nil }
            defer { indicator.weight = weight }
            return (Value.format(indicator.weight), Value.format(weight))
        case "target":
            guard let target = reader.int(value, "target") else { return nil }
            guard (1...5).contains(target) else {
                reader.report(.invalidTarget(at: value.location))
                return nil
            }
            defer { indicator.target = target }
            return (indicator.target.map(String.init) ?? "-", String(target))
        case "effort":
            guard let effort = reader.number(value, "effort", in: PackReader.effortRange) else { return nil }
            defer { indicator.effort = effort }
            return (indicator.effort.map(Value.format) ?? "-", Value.format(effort))
        case "references":
            let references = reader.strings(value, "references")
            defer { indicator.references = references }
            return (indicator.references.joined(separator: "; "), references.joined(separator: "; "))
        default:
            guard let note = reader.string(value, "note") else { return nil }
            defer { indicator.note = note }
            return (indicator.note ?? "-", note)
        }
    }
}

/// Rules and indicators: what composition matches by id.
protocol Identified {
    var id: String { get }
    var location: SourceLocation { get }
}

extension RuleSpec: Identified {}
extension IndicatorSpec: Identified {}

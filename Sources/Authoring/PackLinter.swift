import DataModel
import Diagnostics
import Engine
import Expressions
import Packs

/// Lints a compiled pack: what compiles but is probably a mistake.
///
/// The loader and compiler already report errors (unknown keys, unknown ids, type errors) and weight sums; the
/// linter adds what needs the whole compiled pack: indicators that can never rise above 0, rules that tell no
/// one what to do or on what basis, schema fields nothing reads, and levels that cannot be told apart.
public struct PackLinter {
    /// The pack to lint.
    public let pack: CompiledPack

    /// Whether `pack` holds every rule and indicator of its source: a partial pack (one with errors) is linted
    /// too, but fields read only by what did not compile would look unused, so they are not reported.
    public let complete: Bool

    /// Creates a linter for `pack`.
    public init(pack: CompiledPack, complete: Bool = true) {
        self.pack = pack
        self.complete = complete
    }

    /// Fields that identify or describe a record; they are read by people, not rules, so they are never "unused".
    public static let descriptiveFields: Set<String> = ["id", "name", "title", "description", "url"]
    /// Header fields the tool itself reads (the pemda's name and whether an inventory is the pemda's own).
    public static let headerFields: Set<String> = ["pemda", "kind"]

    /// Every warning, in pack order.
    public func lint() -> [Diagnostic] {
        var bag = DiagnosticBag()
        for indicator in pack.indicators { lint(indicator, into: &bag) }
        for rule in pack.rules { lint(rule, into: &bag) }
        if complete { unusedFields(into: &bag) }
        missingEnglishNames(into: &bag)
        return bag.diagnostics
    }

    private func lint(_ indicator: CompiledIndicator, into bag: inout DiagnosticBag) {
        let spec = indicator.spec
        if spec.levels.allSatisfy({ $0.require == nil }) {
            bag.warning(
                "lint.no_criteria", "indicator \(spec.id) has no level criteria: its level is always 0",
                at: spec.location, suggestion: "give level 1 a 'require:' condition"
            )
        }
        var seen: [String: Int] = [:]
        for level in spec.levels {
            guard let require = level.require else { continue }
            let normalized = require.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if normalized == "false" {
                bag.warning(
                    "lint.unreachable_level",
                    "level \(level.level) of \(spec.id) requires 'false' and can never be reached",
                    at: require.location
                )
            }
            if let lower = seen[normalized] {
                bag.warning(
                    "lint.unreachable_level",
                    "level \(level.level) of \(spec.id) requires exactly what level \(lower) requires, so the two cannot be told apart",
                    at: require.location, suggestion: "state what is new at level \(level.level)"
                )
            } else {
                seen[normalized] = level.level
            }
        }
    }

    private func lint(_ rule: CompiledRule, into bag: inout DiagnosticBag) {
        let spec = rule.spec
        if spec.recommendation == nil {
            bag.warning(
                "lint.no_recommendation", "rule \(spec.id) has no recommendation", at: spec.location,
                suggestion: "add 'recommendation:' saying what to do, in words an OPD can act on"
            )
        }
        if spec.references.isEmpty {
            bag.warning(
                "lint.no_reference", "rule \(spec.id) has no reference", at: spec.location,
                suggestion: "add 'references:' naming the regulation, article or indicator it rests on"
            )
        }
        if spec.indicatorID == nil {
            bag.warning(
                "lint.no_indicator", "rule \(spec.id) gives evidence for no indicator", at: spec.location,
                suggestion: "add 'indicator:' so its findings are grouped and prioritised"
            )
        }
    }

    /// Fields declared in the pack's own files that nothing reads; a schema-only pack (one that other packs
    /// extend) and fields a base pack declares are left alone.
    private func unusedFields(into bag: inout DiagnosticBag) {
        guard !pack.rules.isEmpty || !pack.indicators.isEmpty else { return }
        let ownFiles = Set(pack.pack.provenance.ownFiles)
        var used = Set<FieldReference>()
        for rule in pack.rules {
            used.formUnion(rule.condition.referencedFields)
            used.formUnion(rule.filter?.referencedFields ?? [])
            for template in rule.messages.values { used.formUnion(template.referencedFields) }
        }
        for indicator in pack.indicators {
            for level in indicator.levels { used.formUnion(level?.referencedFields ?? []) }
        }
        for record in [pack.schema.header] + pack.schema.collections {
            let exempt =
                record.name == pack.schema.header.name
                ? Self.descriptiveFields.union(Self.headerFields) : Self.descriptiveFields
            for field in record.fields
            where !exempt.contains(field.name) && field.location.map({ ownFiles.contains($0.file) }) ?? true {
                guard !used.contains(FieldReference(record: record.name, field: field.name)) else { continue }
                bag.warning(
                    "lint.unused_field", "field '\(field.name)' of \(record.name) is read by no rule, level or message",
                    at: field.location, suggestion: "use it in a rule, or remove it from the schema"
                )
            }
        }
    }
}

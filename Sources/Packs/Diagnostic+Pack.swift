import DataModel
import Diagnostics

/// The wording of every diagnostic of loading a pack (`pack.*`, `schema.*`) or a waiver file (`waiver.*`), in one
/// place. Codes are stable; docs/diagnostics.md lists them.
extension Diagnostic {
    // MARK: Values of a pack file (PackReader)

    static func packInvalidTag(_ tag: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.invalid_tag", "tag '\(tag)' must be a lowercase word, or words joined by '-' or '_'",
            at: location, suggestion: RuleTag.repaired(tag).map { "write '\($0)'" })
    }

    static func packDuplicateTag(_ tag: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.duplicate_tag", "tag '\(tag)' is given twice", at: location)
    }

    static func packExpectedMapping(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_mapping", "\(what) must be a mapping (key: value pairs)", at: location)
    }

    static func packInvalidKey(in what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.invalid_key", "keys of \(what) must be plain names", at: location)
    }

    static func packUnknownKey(_ key: String, in what: String, allowed: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.unknown_key", "unknown key '\(key)' in \(what)", at: location,
            suggestion: Suggestion.didYouMean(key, among: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))"
        )
    }

    static func packMissingKey(_ key: String, in what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.missing_key", "\(what) needs '\(key)'", at: location)
    }

    static func packExpectedString(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_string", "\(what) must be a text value", at: location)
    }

    static func packExpectedInt(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_int", "\(what) must be a whole number", at: location)
    }

    static func packExpectedNumber(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_number", "\(what) must be a number", at: location)
    }

    static func packOutOfRange(_ what: String, value: Double, range: ClosedRange<Double>, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.out_of_range",
            "\(what) must be between \(Value.format(range.lowerBound)) and \(Value.format(range.upperBound)), found \(Value.format(value))",
            at: location)
    }

    static func packExpectedBool(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_bool", "\(what) must be true or false", at: location)
    }

    static func packExpectedTexts(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_list", "\(what) must be a list of texts", at: location)
    }

    static func packExpectedList(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_list", "\(what) must be a list", at: location)
    }

    // MARK: Indicators and rules

    static func invalidTarget(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.invalid_level", "target must be a level from 1 to 5", at: location)
    }

    static func invalidPart(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.invalid_part", "part must be a whole number from 1", at: location)
    }

    static func indicatorLevelsNotMapping(_ indicator: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.expected_mapping",
            "levels of \(indicator) must map a level number (1–5) to its criteria", at: location)
    }

    static func invalidLevelKey(of indicator: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.invalid_level", "level keys of \(indicator) must be numbers from 1 to 5", at: location)
    }

    static func levelGap(_ indicator: String, level: Int, missing: Int, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.level_gap", "\(indicator) declares level \(level) without level \(missing)",
            at: location)
    }

    static func unknownSeverity(_ text: String, among names: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unknown_severity", "unknown severity '\(text)'", at: location,
            suggestion: Suggestion.didYouMean(text, among: names) ?? "use one of: \(names.joined(separator: ", "))")
    }

    // MARK: The inventory schema

    static func reservedCollectionName(_ name: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "schema.reserved_name", "'\(name)' cannot name a collection", at: location)
    }

    static func collectionsNotMapping(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.expected_mapping", "collections must map a collection name to its fields", at: location)
    }

    static func fieldsNotMapping(of collection: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.expected_mapping", "fields of '\(collection)' must map a field name to its type",
            at: location)
    }

    static func invalidFieldName(_ name: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "schema.invalid_name",
            "field name '\(name)' must be letters, digits and '_' (not starting with a digit)", at: location)
    }

    static func missingElementType(field: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "schema.missing_element_type", "list field '\(field)' needs 'of: <type>'", at: location)
    }

    static func elementTypeOutsideList(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "schema.unexpected_key", "'of' only applies to list fields", at: location)
    }

    static func missingEnumValues(field: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "schema.missing_values", "enum field '\(field)' needs 'values: [...]'", at: location)
    }

    static func unknownFieldType(_ name: String, field: String, types: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "schema.unknown_type", "unknown type '\(name)' for field '\(field)'", at: location,
            suggestion: Suggestion.didYouMean(name, among: types) ?? "types: \(types.joined(separator: ", "))")
    }

    // MARK: The framework's sections

    static func pemdaLevelNotMapping(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.expected_mapping",
            "pemda_level must map an indicator id to the reason the pemda decides it", at: location)
    }

    static func scalesNotMapping(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.expected_mapping", "scales must map a scale name to its levels", at: location)
    }

    static func scaleStart(_ id: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.scale_order", "scale '\(id)' must start at level 0 or 1, its lowest level",
            at: location)
    }

    static func scaleOrder(_ id: String, first: Int, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.scale_order",
            "levels of scale '\(id)' must be numbered \(first), \(first + 1), \(first + 2)… in order", at: location)
    }

    static func predicateEdge(_ name: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.predicate_edge",
            "predicate '\(name)' needs exactly one of 'min' (the edge is in the band) or 'above' (it is in the band below)",
            at: location)
    }

    // MARK: Checks across the pack (PackValidator)

    static func aspectWeightSum(of domain: String, sum: Double, weight: Double, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .warning, code: "pack.weight_sum",
            "aspect weights of \(domain) add up to \(weightText(sum)), but the domain weighs \(weightText(weight))",
            at: location)
    }

    static func indicatorWeightSum(of aspect: String, sum: Double, weight: Double, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .warning, code: "pack.weight_sum",
            "indicator weights of aspect \(aspect) add up to \(weightText(sum)), but the aspect weighs \(weightText(weight))",
            at: location)
    }

    static func totalWeightSum(_ sum: Double, total: Double, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .warning, code: "pack.weight_sum",
            "indicator weights add up to \(weightText(sum)), but total_weight is \(weightText(total))", at: location)
    }

    static func noPredicates(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code: "pack.no_predicates", "the framework declares no predicate bands", at: location)
    }

    static func unknownAspect(_ aspect: String, of indicator: String, among ids: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.unknown_aspect", "indicator \(indicator) names unknown aspect '\(aspect)'",
            at: location, suggestion: Suggestion.didYouMean(aspect, among: ids))
    }

    static func unknownScale(_ scale: String, of indicator: String, among ids: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.unknown_scale", "indicator \(indicator) names unknown scale '\(scale)'", at: location,
            suggestion: Suggestion.didYouMean(scale, among: ids))
    }

    static func pemdaLevelUnknownIndicator(_ id: String, among ids: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.unknown_indicator", "pemda_level names unknown indicator '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func ruleUnknownIndicator(_ id: String, of rule: String, among ids: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.unknown_indicator", "rule \(rule) names unknown indicator '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func ruleUnknownCollection(
        _ collection: String, of rule: String, among collections: [String], at location: SourceLocation?
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unknown_collection", "rule \(rule) checks unknown collection '\(collection)'",
            at: location,
            suggestion: Suggestion.didYouMean(collection, among: collections)
                ?? "collections: \(collections.joined(separator: ", "))")
    }

    static func aliasIsRuleID(_ alias: String, of rule: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.alias_conflict", "alias '\(alias)' of rule \(rule) is the id of a rule", at: location,
            suggestion: "an alias is an id the rule had before it was renamed, and no rule has now")
    }

    static func aliasTaken(_ alias: String, of rule: String, owner: String, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.alias_conflict", "alias '\(alias)' of rule \(rule) is also an alias of rule \(owner)",
            at: location)
    }

    static func duplicateID(_ what: String, _ id: String, first: SourceLocation?, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.duplicate_id", "duplicate \(what) id '\(id)'\(first.map { " (first at \($0))" } ?? "")",
            at: location)
    }

    /// A weight as the weight-sum warnings show it: to six decimals, without trailing zeros.
    private static func weightText(_ value: Double) -> String { Value.format((value * 1e6).rounded() / 1e6) }

    // MARK: Packs extending packs (PackComposer)

    static func disableUnknownRule(_ id: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unknown_rule", "cannot disable unknown rule '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func overrideUnknownRule(_ id: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unknown_rule", "cannot override unknown rule '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func overrideUnknownIndicator(_ id: String, among ids: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.unknown_indicator", "cannot override unknown indicator '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func overrideUnknownDomain(_ id: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unknown_domain", "cannot override unknown domain '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func overrideUnknownAspect(_ id: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unknown_aspect", "cannot override unknown aspect '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func duplicateBaseField(
        _ field: String, of collection: String, first: SourceLocation?, at location: SourceLocation?
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.duplicate_field",
            "field '\(field)' of \(collection) is already declared by the base pack\(first.map { " (declared at \($0))" } ?? "")",
            at: location, suggestion: "give the new field another name")
    }

    static func duplicateBaseID(_ what: String, _ id: String, first: SourceLocation, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "pack.duplicate_id", "\(what) '\(id)' is already defined by a base pack (at \(first))",
            at: location, suggestion: "change it with 'override:', or choose another id")
    }

    static func frameworkConflict(_ what: String, _ id: String, first: SourceLocation?, at location: SourceLocation?)
        -> Diagnostic
    {
        let name = id.isEmpty ? what : "\(what) '\(id)'"
        return Diagnostic(
            .error, code: "pack.framework_conflict",
            "\(name) is already declared by the base pack\(first.map { " (at \($0))" } ?? "")", at: location,
            suggestion:
                "a pack that extends another adds new scales, domains and aspects; change weights with 'override:'"
        )
    }

    // MARK: Pack files and folders (PackLoader)

    static func emptyPackFile(_ file: String) -> Diagnostic {
        Diagnostic(
            .warning, code: "pack.empty_file", "pack file is empty", at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func packNotFound(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.not_found", "no rule pack at '\(path)'", at: nil,
            suggestion: "pass a pack folder or file with --pack")
    }

    static func emptyPackFolder(_ path: String) -> Diagnostic {
        Diagnostic(.error, code: "pack.empty", "the folder '\(path)' holds no .yaml pack files", at: nil)
    }

    static func extendsCycle(through path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.extends_cycle", "packs extend each other in a cycle through '\(path)'", at: location)
    }

    static func extendsTooDeep(_ depth: Int, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.extends_depth", "'extends' goes more than \(depth) packs deep", at: location)
    }

    static func tooManyBases(_ count: Int, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.too_many_bases", "loading this pack reads more than \(count) packs through 'extends'",
            at: location)
    }

    static func baseNotAPack(_ path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.not_found", "the base pack '\(path)' is not a folder or a pack file", at: location)
    }

    static func baseNotLoaded(_ path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.extends_failed", "the base pack '\(path)' could not be loaded", at: location)
    }

    static func baseHasErrors(_ path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.extends_failed", "the base pack '\(path)' has errors (above)", at: location)
    }

    static func baseNotFound(_ name: String, resolved: String, bundled: [String], at location: SourceLocation)
        -> Diagnostic
    {
        let choices = bundled.isEmpty ? "" : "; the bundled packs are \(bundled.joined(separator: ", "))"
        return Diagnostic(
            .error, code: "pack.extends_not_found", "the base pack '\(name)' is not found (looked for '\(resolved)')",
            at: location,
            suggestion: (Suggestion.didYouMean(name, among: bundled)
                ?? "name a bundled pack, or give a path relative to this pack's folder or an absolute one") + choices
        )
    }

    static func unsupportedPackFormat(_ version: Int, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.unsupported_format",
            "pack format \(version) is not supported by this version of spbe (reads: 1)", at: location)
    }

    static func duplicateSection(_ key: String, first: SourceLocation, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.duplicate_section", "'\(key)' is declared twice (first at \(first))", at: location)
    }

    static func missingPackFormat(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.missing_format", "no pack file declares 'spbe_pack: 1'", at: location,
            suggestion: "add 'spbe_pack: 1' to pack.yaml")
    }

    /// `section` as the message names it: `'pack:' metadata`, `'framework:'`, `'schema:'`.
    static func missingSection(_ section: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "pack.missing_section", "the pack has no \(section) section", at: location)
    }

    /// `key` is `override` or `disable`.
    static func overrideWithoutBase(_ key: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "pack.override_without_base", "'\(key)' needs a base pack: add 'extends: [PATH]'",
            at: location)
    }

    // MARK: Waiver files (WaiverLoader)

    static func waiverFileEmpty(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "waiver.empty", "the waiver file is empty", at: location)
    }

    static func unsupportedWaiverFormat(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "waiver.unsupported_format", "this version of spbe reads 'spbe_waivers: 1'", at: location)
    }

    static func invalidWaiverDate(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "waiver.invalid_date", "until must be a date written YYYY-MM-DD", at: location)
    }

    static func waiverUnknownRule(_ rule: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "waiver.unknown_rule", "the pack has no rule '\(rule)'", at: location,
            suggestion: Suggestion.didYouMean(rule, among: ids))
    }

    static func duplicateWaiver(rule: String, subject: String, firstLine: Int, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "waiver.duplicate", "another waiver covers \(rule) on \(subject) (at line \(firstLine))",
            at: location)
    }
}

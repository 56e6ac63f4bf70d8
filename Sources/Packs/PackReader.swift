import DataModel
import Diagnostics
import YAMLSource

/// Reads pack sections from YAML nodes, reporting every problem as a diagnostic with its position.
///
/// Unknown keys are errors, never ignored: a misspelt `requre:` must not silently disable a rule.
final class PackReader {
    private(set) var diagnostics = DiagnosticBag()
    /// What failed to load so far, for later checks to skip what would only repeat an error.
    var gaps = PackGaps()
    /// Where each domain's and aspect's `weight:` is written, by id, for weight-sum warnings to point at.
    var weightLocations: [String: SourceLocation] = [:]

    /// How many errors were reported so far: a section read with more errors after than before is incomplete.
    var errorCount: Int { diagnostics.diagnostics.count { $0.severity == .error } }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.report(diagnostic)
    }

    /// The entries of a mapping node keyed by their text, checking keys against `allowed` and `required`.
    func fields(
        _ node: YAMLNode, of what: String, allowed: [String], required: [String] = []
    ) -> [String: YAMLNode]? {
        guard let entries = node.mappingEntries else {
            report(.packExpectedMapping(what, at: node.location))
            return nil
        }
        var result: [String: YAMLNode] = [:]
        var misspelt: [String] = []
        for entry in entries {
            guard let key = entry.key.scalar else {
                report(.packInvalidKey(in: what, at: entry.key.location))
                continue
            }
            guard allowed.contains(key) else {
                report(.packUnknownKey(key, in: what, allowed: allowed, at: entry.key.location))
                misspelt.append(key)
                continue
            }
            result[key] = entry.value
        }
        for key in required where result[key] == nil || result[key]!.isNull {
            // A misspelt key was reported already: saying that the key it was meant to be is missing repeats it.
            if result[key] == nil && misspelt.contains(where: { Suggestion.didYouMean($0, among: [key]) != nil }) {
                continue
            }
            report(.packMissingKey(key, in: what, at: node.location))
        }
        return result
    }

    /// A non-empty scalar's text.
    func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar, !node.isNull, !text.isEmpty else {
            report(.packExpectedString(what, at: node.location))
            return nil
        }
        return text
    }

    /// An integer scalar.
    func int(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let node else { return nil }
        if case .int(let value) = node.plainScalarKind { return value }
        report(.packExpectedInt(what, at: node.location))
        return nil
    }

    /// A number scalar (integer or decimal).
    func number(_ node: YAMLNode?, _ what: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let node else { return nil }
        let value: Double
        switch node.plainScalarKind {
        case .int(let integer): value = Double(integer)
        case .float(let float) where float.isFinite: value = float
        default:
            report(.packExpectedNumber(what, at: node.location))
            return nil
        }
        if let range, !range.contains(value) {
            report(.packOutOfRange(what, value: value, range: range, at: node.location))
            return nil
        }
        return value
    }

    /// The range of weights (domains, aspects, indicators, `total_weight`).
    static let weightRange: ClosedRange<Double> = 0...1_000_000
    /// The range of an indicator's `effort` (1 small … 5 large; fractions allowed).
    static let effortRange: ClosedRange<Double> = 0.1...5
    /// The range of a predicate's `min`: an index lies between level 0 and level 5.
    static let predicateRange: ClosedRange<Double> = 0...5

    /// A boolean scalar.
    func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if case .bool(let value) = node.plainScalarKind { return value }
        report(.packExpectedBool(what, at: node.location))
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    func strings(_ node: YAMLNode?, _ what: String) -> [String] {
        guard let node else { return [] }
        if node.scalar != nil { return string(node, what).map { [$0] } ?? [] }
        guard let items = node.sequenceItems else {
            report(.packExpectedTexts(what, at: node.location))
            return []
        }
        return items.compactMap { string($0, "each entry of \(what)") }
    }

    /// A list node's items, or an error.
    func list(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node else { return [] }
        if node.isNull { return [] }
        guard let items = node.sequenceItems else {
            report(.packExpectedList(what, at: node.location))
            return []
        }
        return items
    }

    /// A text in one or more languages: a plain text (Indonesian) or a mapping `{id: …, en: …}`.
    ///
    /// Plain texts need no position map (only templates and expressions do), so none is computed.
    func localized(_ node: YAMLNode?, _ what: String) -> LocalizedText? {
        guard let node, !node.isNull else { return nil }
        if node.scalar != nil { return string(node, what).map { LocalizedText(indonesian: $0) } }
        guard let entries = fields(node, of: what, allowed: PackReader.languages, required: ["id"]) else { return nil }
        var translations: [String: String] = [:]
        for (language, value) in entries {
            if let text = string(value, "\(what) (\(language))") { translations[language] = text }
        }
        guard translations["id"] != nil else { return nil }
        return LocalizedText(translations)
    }

    /// Like `localized`, keeping each translation's position for templates.
    func localizedSources(_ node: YAMLNode?, _ what: String) -> LocalizedSource? {
        guard let node, !node.isNull else { return nil }
        if node.scalar != nil {
            guard let source = expression(node, what) else { return nil }
            return LocalizedSource(translations: ["id": source], location: node.location)
        }
        guard let entries = fields(node, of: what, allowed: PackReader.languages, required: ["id"]) else { return nil }
        var translations: [String: ExpressionSource] = [:]
        for (language, value) in entries {
            if let source = expression(value, "\(what) (\(language))") { translations[language] = source }
        }
        guard translations["id"] != nil else { return nil }
        return LocalizedSource(translations: translations, location: node.location)
    }

    /// A scalar kept with its position map, for expressions and templates.
    func expression(_ node: YAMLNode?, _ what: String) -> ExpressionSource? {
        guard let node else { return nil }
        guard let text = string(node, what) else { return nil }
        return ExpressionSource(
            text: text, map: node.contentMap ?? .starting(at: node.location), location: node.location
        )
    }

    /// Language codes a pack text may carry.
    static let languages = ["id", "en"]
}

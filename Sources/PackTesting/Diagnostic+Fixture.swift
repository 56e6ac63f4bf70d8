import Diagnostics

/// The wording of every diagnostic of reading a pack's fixture files (`test.*`), in one place. Codes are stable;
/// docs/diagnostics.md lists them.
extension Diagnostic {
    static func fixtureEmpty(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "test.empty", "the fixture file is empty", at: SourceLocation(file: path, line: 1, column: 1))
    }

    static func fixtureFormat(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.format", "a fixture file starts with 'spbe_pack_test: 1'", at: location)
    }

    static func fixtureWithoutCases(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.no_cases", "the fixture file needs 'cases:', a list of cases", at: location)
    }

    static func caseWithoutName(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.missing_key", "a case needs 'name'", at: location)
    }

    /// `what` names the key as the message shows it: `'inventory'`, `'expect'`.
    static func caseMissingKey(_ name: String, _ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.missing_key", "case '\(name)' needs \(what)", at: location)
    }

    static func expectedSubjectsNotMapping(_ key: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.expected_mapping", "'\(key)' maps rule ids to lists of subjects", at: location)
    }

    static func expectedSubjectsNotList(of rule: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.expected_list", "subjects of \(rule) must be a list of ids", at: location)
    }

    static func fixtureInvalidLevel(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.invalid_level", "levels map indicator ids to a level from 0 to 5", at: location)
    }

    static func fixtureInvalidIndex(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.invalid_index", "index must be a number", at: location)
    }

    static func fixtureInvalidDate(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.invalid_date", "as_of must be a date written YYYY-MM-DD", at: location)
    }

    static func fixtureExpectedMapping(_ what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: "test.expected_mapping", "\(what) must be a mapping", at: location)
    }

    static func fixtureUnknownKey(_ key: String, in what: String, allowed: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "test.unknown_key", "unknown key '\(key)' in \(what)", at: location,
            suggestion: Suggestion.didYouMean(key, among: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))"
        )
    }

    static func fixtureUnknownRule(_ id: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "test.unknown_rule", "the pack has no rule '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func fixtureUnknownIndicator(_ id: String, among ids: [String], at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "test.unknown_indicator", "the pack has no indicator '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }
}

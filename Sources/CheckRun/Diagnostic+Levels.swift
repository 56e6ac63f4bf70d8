import Diagnostics

/// The wording of the diagnostics of a self-assessment file (`spbe score --levels`), in one place.
extension Diagnostic {
    /// The file names another framework than the pack's.
    static func levelsFramework(_ framework: String, pack: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.framework", "the levels are for framework '\(framework)' but the pack is '\(pack)'",
            at: location, suggestion: "pass the matching pack with --pack rules/\(framework)")
    }

    /// A level is given for an indicator number the pack does not have (`keys`, in the form's order).
    static func levelsUnknownIndicator(_ key: String, among keys: [String], at location: SourceLocation?) -> Diagnostic
    {
        Diagnostic(
            .error, code: "levels.unknown_indicator", "the pack has no indicator number \(key)", at: location,
            suggestion: Suggestion.didYouMean(key, among: keys)
                ?? "indicator numbers run from \(keys.first ?? "?") to \(keys.last ?? "?")")
    }

    /// A level is off its indicator's scale.
    static func levelsOutOfScale(
        _ level: Int, indicator key: String, scale: ClosedRange<Int>, framework: String, at location: SourceLocation?
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.out_of_scale",
            "level \(level) is not on the scale of indicator \(key), which runs from \(scale.lowerBound) to \(scale.upperBound)",
            at: location,
            suggestion: scale.lowerBound > level
                ? "under \(framework) the lowest level is \(scale.lowerBound): an indicator with nothing yet is at level \(scale.lowerBound)"
                : nil)
    }

    /// Indicators have no level in the file, and `--allow-missing` was not given.
    static func levelsNotGiven(_ missing: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.missing", "no level for indicator(s) \(missing.joined(separator: ", "))",
            at: location,
            suggestion: "fill them in, or pass --allow-missing to count them at their scale's lowest level")
    }
}

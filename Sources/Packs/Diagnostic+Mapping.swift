import Diagnostics

/// The wording of every diagnostic about framework mapping files (`mapping.*`), in one place.
extension Diagnostic {
    static func mappingFileEmpty(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "mapping.empty", "the mapping file is empty", at: location)
    }

    static func unsupportedMappingFormat(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.unsupported_format", "this version of spbe reads 'spbe_mapping: 1'", at: location)
    }

    static func mappingUnknownIndicator(_ id: String, among ids: [String], at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.unknown_indicator", "the pack has no indicator '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: ids))
    }

    static func mappingConfidence(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.confidence", "confidence must be exact, partial or none", at: location,
            suggestion: "exact: the same subject renamed; partial: covered in part; none: no counterpart")
    }

    static func mappingNoteMissing(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.note_missing", "an entry that is not exact needs a note saying what is uncertain",
            at: location)
    }

    static func mappingTargets(_ confidence: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.targets",
            confidence == "none"
                ? "an entry of confidence none maps to no indicator (to: [])"
                : "an entry of confidence \(confidence) maps to at least one indicator",
            at: location)
    }

    static func mappingDuplicate(_ id: String, firstLine: Int, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.duplicate", "\(id) is mapped twice (first at line \(firstLine))", at: location)
    }

    static func mappingUnlisted(_ id: String, pack: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .warning, code: "mapping.unlisted", "indicator \(id) of \(pack) is not in the mapping", at: location,
            suggestion: "add it, with confidence none and a note when nothing corresponds")
    }
}

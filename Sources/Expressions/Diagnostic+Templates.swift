import Diagnostics

/// The wording of every template diagnostic, in one place. Codes are stable (`template.*`).
extension Diagnostic {
    static func unmatchedBrace(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "template.unmatched_brace", "'}' without a matching '{'", at: location,
            suggestion: "write '}}' for a literal brace"
        )
    }

    static func unclosedPlaceholder(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "template.unclosed_placeholder", "placeholder is not closed with '}' on its line",
            at: location, suggestion: "write '{{' for a literal brace"
        )
    }

    static func invalidPlaceholder(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "template.invalid_placeholder",
            "placeholder '{\(path)}' must name a field of the subject ('{name}', '{self.name}') or of the OPD ('{opd.name}')",
            at: location
        )
    }
}

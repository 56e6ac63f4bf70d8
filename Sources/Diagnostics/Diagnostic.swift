/// A problem found in an input file: data, not control flow.
///
/// `code` is a stable identifier by phase (`yaml.syntax`, `parse.unexpected_token`, `type.mismatch`,
/// `pack.unknown_key`) that tests and editors can match on; `message` is for people.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public var severity: Severity
    /// Stable identifier of the kind of problem, `phase.name`.
    public var code: String
    /// One sentence, lower-case start, no trailing period.
    public var message: String
    /// Where the problem is, when there is a position to point at.
    public var location: SourceLocation?
    /// A fix to try, such as `did you mean 'hosting'?`.
    public var suggestion: String?
    /// Further lines of explanation.
    public var notes: [String]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        code: String,
        _ message: String,
        at location: SourceLocation?,
        suggestion: String? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.suggestion = suggestion
        self.notes = notes
    }

    /// `file:line:col: severity[code]: message; suggestion`, the one-line form.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(code)]: \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text
    }
}

extension Diagnostic {
    /// Orders diagnostics by location (those without one last), then by message, for stable output.
    public static func sortedForDisplay(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case (let left?, let right?) where left != right: return left < right
            case (.some, .none): return true
            case (.none, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

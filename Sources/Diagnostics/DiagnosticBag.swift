/// Collects the diagnostics of one or more phases so that every problem is reported in one run.
public struct DiagnosticBag: Sendable {
    /// Everything collected, in the order it was reported.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty bag.
    public init() {}

    /// Whether any error (not warning) was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Adds a diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Adds every diagnostic of `other`.
    public mutating func report(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Adds an error.
    public mutating func error(
        _ code: String, _ message: String, at location: SourceLocation?, suggestion: String? = nil
    ) {
        report(Diagnostic(.error, code: code, message, at: location, suggestion: suggestion))
    }

    /// Adds a warning.
    public mutating func warning(
        _ code: String, _ message: String, at location: SourceLocation?, suggestion: String? = nil
    ) {
        report(Diagnostic(.warning, code: code, message, at: location, suggestion: suggestion))
    }
}

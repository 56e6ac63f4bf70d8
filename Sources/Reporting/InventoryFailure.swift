import Diagnostics

/// An inventory the run read but could not report on: its evaluation went over a cost budget (of one rule or
/// indicator, of the whole run, or of its findings). The run goes on for the others, and every report format
/// shows it as an error entry; the run then exits 2.
public struct InventoryFailure: Sendable, Equatable {
    /// The inventory, as the run names it (its path).
    public let source: String
    /// The diagnostic code (`eval.cost_exceeded`).
    public let code: String
    /// What went wrong, in one sentence.
    public let message: String
    /// Where in the pack the rule or indicator that went over is declared, when known.
    public let location: SourceLocation?

    /// The failure of the inventory `source` that `diagnostic` describes.
    public init(source: String, diagnostic: Diagnostic) {
        self.source = source
        code = diagnostic.code
        message = diagnostic.message
        location = diagnostic.location
    }

    /// `examples/x.yaml: rule APP-SSO went over … [eval.cost_exceeded]`, one line.
    var line: String { "\(source): \(message) [\(code)]" }
}

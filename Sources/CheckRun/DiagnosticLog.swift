import Diagnostics

/// The diagnostics a run met, in the order it met them, each batch with the texts it points into: a front end
/// shows them batch by batch (as a compiler prints each file's errors together) and draws carets from the
/// texts kept, without reading a file again.
public struct DiagnosticLog: Sendable {
    /// One batch: the diagnostics of one step (a path search, a file, an evaluation) and the texts they point
    /// into.
    public struct Batch: Sendable {
        /// The diagnostics, in the order they were made.
        public let diagnostics: [Diagnostic]
        /// The texts of the files they point into.
        public let sources: SourceStore
    }

    /// The batches, in the order they arose; none is empty.
    public private(set) var batches: [Batch] = []

    /// An empty log.
    public init() {}

    /// Adds `diagnostics` as a batch, with the texts they point into (nothing when there are none).
    public mutating func append(_ diagnostics: [Diagnostic], sources: SourceStore = [:]) {
        if !diagnostics.isEmpty { batches.append(Batch(diagnostics: diagnostics, sources: sources)) }
    }

    /// Every diagnostic, batch after batch.
    public var diagnostics: [Diagnostic] { batches.flatMap(\.diagnostics) }

    /// Whether an error is among them.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

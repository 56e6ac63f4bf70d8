import DataModel
import Diagnostics

/// Who wrote a pack, for which framework, and on which legal basis.
public struct PackMetadata: Sendable {
    /// Stable identifier (`spbe-2020`).
    public let id: String
    /// Human title.
    public let title: LocalizedText
    /// The pack's own version (`1.0.0`).
    public let version: String
    /// The evaluation framework the pack encodes (`PermenPANRB 59/2020`).
    public let framework: String
    /// Regulations the pack is based on.
    public let legalBasis: [String]
    /// Language of the pack's texts (`id`).
    public let language: String
    /// Longer description.
    public let description: LocalizedText?
    /// Whether the framework's content is provisional (reported in every output that uses the pack).
    public let provisional: Bool
    /// Where the `pack:` mapping is.
    public let location: SourceLocation?
}

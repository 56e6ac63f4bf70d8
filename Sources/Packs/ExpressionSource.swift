import Diagnostics

/// The text of an expression or template as written in a pack, with the map back to its file position.
public struct ExpressionSource: Sendable, Hashable {
    /// The scalar's value.
    public let text: String
    /// Maps positions inside `text` to the pack file.
    public let map: SourceMap
    /// Where the scalar starts.
    public let location: SourceLocation

    /// Creates a source.
    public init(text: String, map: SourceMap, location: SourceLocation) {
        self.text = text
        self.map = map
        self.location = location
    }
}

/// A text that may differ by language and may contain `{field}` placeholders: one source per language code.
public struct LocalizedSource: Sendable {
    /// Sources by language code (`id`, `en`).
    public let translations: [String: ExpressionSource]
    /// Where the text is.
    public let location: SourceLocation
}

/// The texts of the files a phase read, by path, kept beside the diagnostics that point into them (as cel-go
/// keeps a `Source` with its errors): any front end renders excerpts and carets from the result it was handed,
/// without reading a file again or collecting texts on the side.
///
/// A file is read once; the first text stored for a path is kept.
public struct SourceStore: Sendable, ExpressibleByDictionaryLiteral {
    private var texts: [String: String]

    /// An empty store.
    public init() { texts = [:] }

    /// A store of `texts`, by path.
    public init(_ texts: [String: String]) { self.texts = texts }

    /// A store of the given (path, text) pairs; the first text of a path is kept.
    public init(dictionaryLiteral elements: (String, String)...) {
        texts = Dictionary(elements) { first, _ in first }
    }

    /// The text of `path`, when it was read.
    public func text(of path: String) -> String? { texts[path] }

    /// The paths whose texts are kept, sorted.
    public var paths: [String] { texts.keys.sorted() }

    /// Whether no text is kept.
    public var isEmpty: Bool { texts.isEmpty }

    /// Keeps `text` as the text of `path`, unless one is kept already.
    public mutating func add(_ text: String, of path: String) {
        if texts[path] == nil { texts[path] = text }
    }

    /// Keeps every text of `other` whose path has none here yet.
    public mutating func merge(_ other: SourceStore) {
        texts.merge(other.texts) { first, _ in first }
    }

    /// This store with the texts of `other` added (those of paths kept here win).
    public func merging(_ other: SourceStore) -> SourceStore {
        var merged = self
        merged.merge(other)
        return merged
    }
}

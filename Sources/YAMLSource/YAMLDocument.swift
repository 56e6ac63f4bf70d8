import Diagnostics

/// A file read and composed: its path, its text (for source excerpts) and its root node.
public struct YAMLDocument: Sendable {
    /// The path as given.
    public let path: String
    /// The file's text as UTF-8, without a byte order mark.
    public let text: String
    /// The root node; nil for a file with no content (only comments or nothing).
    public let root: YAMLNode?
}

/// The outcome of reading one file: a document, or the one diagnostic that says why there is none.
public enum YAMLReadResult: Sendable {
    case success(YAMLDocument)
    case failure(Diagnostic)
}

/// The lines of a document's text, kept by nodes so a scalar can map positions inside it back to the file.
final class YAMLSourceText: Sendable {
    let path: String
    let lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// The 1-based `line`, or nil past the end.
    func line(_ line: Int) -> Substring? {
        line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }
}

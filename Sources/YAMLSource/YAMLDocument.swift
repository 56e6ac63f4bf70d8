import Diagnostics
import Foundation

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
///
/// The lines are split on first use (only pack expressions need them), not for every inventory read.
final class YAMLSourceText: @unchecked Sendable {
    let path: String
    private let text: String
    private var split: [Substring]?
    private let lock = NSLock()

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The 1-based `line`, or nil past the end.
    func line(_ line: Int) -> Substring? {
        lock.lock()
        defer { lock.unlock() }
        if split == nil {
            split = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasSuffix("\r") ? line.dropLast() : line
            }
        }
        let lines = split ?? []
        return line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }
}

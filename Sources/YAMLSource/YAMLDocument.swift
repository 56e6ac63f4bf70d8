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

/// A file's content checked and ready for the parser (see `YAMLReader.prepare`).
public struct YAMLInput: Sendable {
    /// Checked bytes or the diagnostic that says why the file cannot be parsed.
    public enum Outcome: Sendable {
        case success(YAMLInput)
        case failure(Diagnostic)
    }

    /// The path, for positions.
    public let path: String
    /// The bytes to parse: valid UTF-8, without a byte order mark.
    public let bytes: [UInt8]
    /// The same content as text.
    public let text: String
}

/// The outcome of reading one file: a document, or the one diagnostic that says why there is none.
public enum YAMLReadResult: Sendable {
    case success(YAMLDocument)
    case failure(Diagnostic)
}

/// The lines of a document's text, kept by nodes so a scalar can map positions inside it back to the file.
///
/// Line starts are found on first use (only pack expressions need them), by a scan of the UTF-8 bytes.
final class YAMLSourceText: @unchecked Sendable {
    let path: String
    private let text: String
    private var starts: [String.Index]?
    private let lock = NSLock()

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The 1-based `line` without its line break, or nil past the end.
    func line(_ line: Int) -> Substring? {
        lock.lock()
        defer { lock.unlock() }
        if starts == nil {
            // Line breaks found in the bytes, then turned into indexes (an offset into a native string is one step).
            let utf8 = text.utf8
            let offsets =
                utf8.withContiguousStorageIfAvailable { bytes in
                    bytes.indices.filter { bytes[$0] == 0x0A }
                } ?? Array(utf8.enumerated().filter { $0.element == 0x0A }.map(\.offset))
            starts = [utf8.startIndex] + offsets.map { utf8.index(utf8.startIndex, offsetBy: $0 + 1) }
        }
        guard let starts, line >= 1, line <= starts.count else { return nil }
        let start = starts[line - 1]
        var end = line < starts.count ? text.utf8.index(before: starts[line]) : text.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
        return text[start..<end]
    }
}

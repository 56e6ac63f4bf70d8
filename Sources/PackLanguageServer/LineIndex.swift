import Diagnostics

/// A zero-based LSP position: a line and a column in UTF-16 code units.
public struct LSPPosition: Hashable, Sendable, Comparable {
    /// 0-based line.
    public var line: Int
    /// 0-based column in UTF-16 code units, as LSP counts by default.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Orders by line, then column.
    public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    /// The position as an LSP JSON object.
    var json: [String: Any] { ["line": line, "character": character] }

    /// Reads an LSP JSON position.
    init?(json: Any?) {
        guard let object = json as? [String: Any], let line = object["line"] as? Int,
            let character = object["character"] as? Int
        else { return nil }
        self.init(line: line, character: character)
    }
}

/// A range between two LSP positions, end exclusive.
public struct LSPRange: Hashable, Sendable {
    /// First position.
    public var start: LSPPosition
    /// Position after the last character.
    public var end: LSPPosition

    /// Creates a range.
    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    /// The range as an LSP JSON object.
    var json: [String: Any] { ["start": start.json, "end": end.json] }
}

/// The lines of one text, for converting between our positions (1-based lines, columns in Unicode scalars, as
/// libyaml counts) and LSP's (0-based lines, columns in UTF-16 code units).
public struct LineIndex: Sendable {
    /// The text's lines, without their line breaks.
    public let lines: [Substring]

    /// Splits `text` at LF and CRLF (Swift reads CRLF as one character).
    public init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The line at a 0-based index, empty past the end.
    public func line(_ index: Int) -> Substring { lines.indices.contains(index) ? lines[index] : "" }

    /// The LSP position of a 1-based line and 1-based column in Unicode scalars (clamped to the text).
    public func position(line: Int, column: Int) -> LSPPosition {
        let text = self.line(line - 1)
        let scalars = text.unicodeScalars.prefix(max(0, column - 1))
        return LSPPosition(line: max(0, line - 1), character: scalars.reduce(0) { $0 + $1.utf16.count })
    }

    /// The LSP range of a diagnostic at `location`: the word it points at, or one character.
    public func range(of location: SourceLocation) -> LSPRange {
        let start = position(line: location.line, column: location.column)
        let rest = self.line(location.line - 1).unicodeScalars.dropFirst(max(0, location.column - 1))
        let word = rest.prefix { LineIndex.isWordScalar($0) }
        let length = word.isEmpty ? (rest.first.map { $0.utf16.count } ?? 0) : word.reduce(0) { $0 + $1.utf16.count }
        return LSPRange(start: start, end: LSPPosition(line: start.line, character: start.character + length))
    }

    /// The 1-based column in Unicode scalars of an LSP position (a position inside a surrogate pair rounds down).
    public func column(of position: LSPPosition) -> Int {
        var units = 0
        var column = 1
        for scalar in line(position.line).unicodeScalars {
            units += scalar.utf16.count
            if units > position.character { break }
            column += 1
        }
        return column
    }

    /// The identifier-like word around an LSP position (letters, digits, `_`, `-`, `.`), with its range.
    public func word(at position: LSPPosition) -> (text: String, range: LSPRange)? {
        let scalars = Array(line(position.line).unicodeScalars)
        let cursor = min(column(of: position) - 1, scalars.count)
        var start = cursor
        while start > 0, LineIndex.isWordScalar(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < scalars.count, LineIndex.isWordScalar(scalars[end]) { end += 1 }
        guard start < end else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        let range = LSPRange(
            start: self.position(line: position.line + 1, column: start + 1),
            end: self.position(line: position.line + 1, column: end + 1))
        return (String(text), range)
    }

    /// The text of a line before an LSP position.
    public func prefix(before position: LSPPosition) -> String {
        String(String.UnicodeScalarView(line(position.line).unicodeScalars.prefix(column(of: position) - 1)))
    }

    /// Letters, digits and the characters of ids and qualified names.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            || scalar == "."
    }
}

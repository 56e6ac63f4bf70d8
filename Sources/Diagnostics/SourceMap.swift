/// Maps positions inside a piece of text embedded in a file (an expression in a YAML scalar) back to the file.
///
/// The map is a list of anchors: "the character at text line L, column C is at file line l, column c". A
/// position is mapped from the nearest anchor at or before it on the same text line, so an error in the third
/// line of a `|` block scalar, or in the second source line of a `>` scalar folded into one text line, points at
/// the real line and column of the pack file.
public struct SourceMap: Sendable, Hashable {
    /// Where one line of the embedded text starts in the file.
    public struct Segment: Sendable, Hashable {
        /// 1-based line in the file.
        public var line: Int
        /// 1-based column in the file of the segment's first character.
        public var column: Int
        /// Creates a segment starting at `line`:`column` (both 1-based).
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// A text position (0-based line and column, in Unicode scalars) and the file position it stands at.
    public struct Anchor: Sendable, Hashable {
        /// 0-based line inside the embedded text.
        public var textLine: Int
        /// 0-based column inside that text line, in Unicode scalars.
        public var textColumn: Int
        /// Where that character is in the file.
        public var file: Segment
        /// Creates an anchor.
        public init(textLine: Int, textColumn: Int, file: Segment) {
            self.textLine = textLine
            self.textColumn = textColumn
            self.file = file
        }
    }

    /// The file the text comes from.
    public let file: String
    /// Anchors in text order; never empty.
    public let anchors: [Anchor]

    /// Creates a map with one segment per line of the embedded text; an empty `segments` means text at 1:1.
    public init(file: String, segments: [Segment]) {
        let lines = segments.isEmpty ? [Segment(line: 1, column: 1)] : segments
        self.init(file: file, anchors: lines.enumerated().map { Anchor(textLine: $0, textColumn: 0, file: $1) })
    }

    /// Creates a map from anchors; they are sorted into text order, and an empty list means text at 1:1.
    public init(file: String, anchors: [Anchor]) {
        self.file = file
        let sorted = anchors.sorted { ($0.textLine, $0.textColumn) < ($1.textLine, $1.textColumn) }
        self.anchors = sorted.isEmpty ? [Anchor(textLine: 0, textColumn: 0, file: Segment(line: 1, column: 1))] : sorted
    }

    /// A map for text that starts at `line`:`column` of `file` and whose following lines start at column 1.
    public static func starting(at location: SourceLocation) -> SourceMap {
        SourceMap(file: location.file, segments: [Segment(line: location.line, column: location.column)])
    }

    /// The file location of the character at `line` (0-based, inside the text) and `column` (0-based scalars).
    public func location(line: Int, column: Int) -> SourceLocation {
        var best = anchors[0]
        for anchor in anchors {
            guard (anchor.textLine, anchor.textColumn) <= (line, column) else { break }
            best = anchor
        }
        if best.textLine == line {
            return SourceLocation(file: file, line: best.file.line, column: best.file.column + column - best.textColumn)
        }
        // A line without an anchor of its own: assume it follows the anchor's line directly, starting at column 1.
        return SourceLocation(file: file, line: best.file.line + line - best.textLine, column: 1 + column)
    }
}

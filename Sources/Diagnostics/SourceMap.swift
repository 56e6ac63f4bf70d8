/// Maps positions inside a piece of text embedded in a file (an expression in a YAML scalar) back to the file.
///
/// Each line of the embedded text has a segment giving where that line starts in the file, so an error in the
/// third line of a `|` block scalar points at the real line and column of the pack file.
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

    /// The file the text comes from.
    public let file: String
    /// One segment per line of the embedded text, in order; never empty.
    public let segments: [Segment]

    /// Creates a map; an empty `segments` is treated as text starting at 1:1.
    public init(file: String, segments: [Segment]) {
        self.file = file
        self.segments = segments.isEmpty ? [Segment(line: 1, column: 1)] : segments
    }

    /// A map for text that starts at `line`:`column` of `file` and whose following lines start at column 1.
    public static func starting(at location: SourceLocation) -> SourceMap {
        SourceMap(file: location.file, segments: [Segment(line: location.line, column: location.column)])
    }

    /// The file location of the character at `line` (0-based, inside the text) and `column` (0-based scalars).
    public func location(line: Int, column: Int) -> SourceLocation {
        if line < segments.count {
            let segment = segments[line]
            return SourceLocation(file: file, line: segment.line, column: segment.column + column)
        }
        // Lines past the known segments: assume they follow the last one directly, starting at column 1.
        let last = segments[segments.count - 1]
        return SourceLocation(file: file, line: last.line + line - (segments.count - 1), column: 1 + column)
    }
}

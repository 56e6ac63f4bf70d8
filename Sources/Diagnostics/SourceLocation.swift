/// A position in a source file: the file's path as the user gave it, a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, as libyaml does, so a caret drawn under a line of text lines up with it.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Path of the file, as given on the command line or found in a folder.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location; `line` and `column` are 1-based.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A position in a source file: the file's path as the user gave it, a 1-based line and a 1-based column, and
/// for a workbook the sheet, where line and column are the cell's row and column.
///
/// Columns count Unicode scalars, as libyaml does, so a caret drawn under a line of text lines up with it. In a
/// CSV file the column is the cell's position in its row (3 for the third cell), the line the physical line the
/// cell starts on.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Path of the file, as given on the command line or found in a folder.
    public var file: String
    /// 1-based line number (for a workbook, the row number).
    public var line: Int
    /// 1-based column, counted in Unicode scalars (for a workbook, the column number: 3 for C).
    public var column: Int
    /// The sheet of a workbook (`aplikasi`), nil for text files.
    public var sheet: String?

    /// Creates a location; `line` and `column` are 1-based; `sheet` names a workbook's sheet.
    public init(file: String, line: Int, column: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:col`, the form editors and terminals turn into links; in a workbook `file:Sheet!C12`, the
    /// form spreadsheet programs accept as a cell reference (the sheet quoted when it is not a plain name).
    public var description: String {
        guard let sheet else { return "\(file):\(line):\(column)" }
        return "\(file):\(SourceLocation.quotedSheet(sheet))!\(cell)"
    }

    /// The cell reference without the sheet, `C12`.
    public var cell: String { SourceLocation.columnLetters(column) + String(line) }

    /// Orders by file, then sheet, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }

    /// Spreadsheet column letters of a 1-based column number: 1 is `A`, 26 `Z`, 27 `AA`.
    public static func columnLetters(_ column: Int) -> String {
        var number = max(1, column)
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    private static func quotedSheet(_ name: String) -> String {
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
            }
        return plain
            ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}

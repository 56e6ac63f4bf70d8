import DataModel
import Diagnostics

/// The character between the cells of a CSV file: a comma, a semicolon (what Excel writes where the decimal
/// separator is a comma, as in the Indonesian locale) or a tab (Excel's "Unicode text").
public enum CSVDelimiter: String, Sendable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    /// The delimiter as a Unicode scalar.
    var scalar: Unicode.Scalar { rawValue.unicodeScalars.first! }

    /// How it is written in messages and on the command line.
    public var spelled: String {
        switch self {
        case .comma: "','"
        case .semicolon: "';'"
        case .tab: "tab"
        }
    }

    /// The delimiter of a CSV file whose text is `text`, decided from its header row (of its first ten lines, the
    /// one naming the most fields): the one that splits it into the most names or labels of `schema`'s fields.
    /// When none splits off a known name, the only delimiter the row holds (a comma when it holds none). A failure
    /// says what the row looked like and how to choose.
    static func sniff(_ text: String, schema: RecordSchema, path: String) -> Result<CSVDelimiter, SheetFailure> {
        let matcher = FieldMatcher(schema)
        func known(_ line: String) -> [(CSVDelimiter, Int)] {
            allCases.map { delimiter in
                (delimiter, cells(of: line, splitAt: delimiter.scalar).filter { matcher.slot(of: $0) != nil }.count)
            }
        }
        // The header row may sit below a title block: of the first ten lines, the one naming the most fields.
        let lines = recordLines(text).prefix(10)
        let header = lines.max { known($0).map(\.1).max() ?? 0 < known($1).map(\.1).max() ?? 0 } ?? ""
        let known = known(header)
        let best = known.map(\.1).max() ?? 0
        let winners = known.filter { $0.1 == best }.map(\.0)
        if best > 0, winners.count == 1 { return .success(winners[0]) }
        let present = allCases.filter { header.unicodeScalars.contains($0.scalar) }
        if best == 0, present.count <= 1 { return .success(present.first ?? .comma) }
        let shown = header.count > 80 ? String(header.prefix(80)) + "…" : header
        let candidates = (best > 0 ? winners : present).map(\.spelled).joined(separator: " and ")
        let why =
            best > 0
            ? "splits into as many known column names at \(candidates)"
            : "holds \(candidates), and neither splits off a known column name"
        return .failure(
            SheetFailure(
                .undecidedDelimiter(
                    "cannot tell whether '\(path)' is separated by commas, semicolons or tabs: its header row '\(shown.replacingTabs)' \(why)",
                    at: SourceLocation(file: path, line: 1, column: 1)
                )))
    }

    /// The lines among the file's first 65,536 characters that are neither blank nor comments (`#…`, the guide
    /// row of templates).
    private static func recordLines(_ text: String) -> [String] {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(65_536)))
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map(String.init)
            .filter { line in
                let trimmed = line.trimmingWhitespace
                return !(trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("\"#"))
            }
    }

    /// The cells of one line split at `delimiter`, outside double quotes, with the quotes removed.
    private static func cells(of line: String, splitAt delimiter: Unicode.Scalar) -> [String] {
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        for scalar in line.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
            } else if scalar == delimiter && !quoted {
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
            } else {
                cell.append(scalar)
            }
        }
        cells.append(String(cell))
        return cells
    }
}

extension String {
    /// The text with each tab written `\t`, to be seen in a message.
    fileprivate var replacingTabs: String {
        split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "\\t")
    }
}

/// Renders diagnostics the way compilers do: `path:line:col: error[code]: message`, the source line, a caret.
public struct DiagnosticRenderer: Sendable {
    /// Reads the text of a file for the source-line excerpt; nil when it cannot be shown.
    public typealias SourceProvider = @Sendable (String) -> String?

    private let sourceProvider: SourceProvider
    private let colors: Bool

    /// Creates a renderer; `colors` adds ANSI colours (only for terminals that want them).
    public init(colors: Bool = false, sourceProvider: @escaping SourceProvider = { _ in nil }) {
        self.colors = colors
        self.sourceProvider = sourceProvider
    }

    /// Creates a renderer that shows excerpts from the texts kept in `sources`.
    public init(colors: Bool = false, sources: SourceStore) {
        self.init(colors: colors) { sources.text(of: $0) }
    }

    /// The diagnostic as one header line, then the source line and a caret when the source is available,
    /// then `  = note: …` lines.
    public func render(_ diagnostic: Diagnostic) -> String {
        var indexes: [String: LineIndex] = [:]
        return render(diagnostic, indexes: &indexes)
    }

    /// Every diagnostic rendered, each followed by a newline. Each file's text is indexed by line once, however
    /// many diagnostics point into it.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var indexes: [String: LineIndex] = [:]
        return diagnostics.map { render($0, indexes: &indexes) + "\n" }.joined()
    }

    private func render(_ diagnostic: Diagnostic, indexes: inout [String: LineIndex]) -> String {
        var lines: [String] = []
        var header = ""
        if let location = diagnostic.location { header += "\(location): " }
        header +=
            paint(diagnostic.severity.rawValue, diagnostic.severity) + "[\(diagnostic.code)]: " + diagnostic.message
        if let suggestion = diagnostic.suggestion { header += "; " + suggestion }
        lines.append(header)
        if let location = diagnostic.location, let excerpt = excerpt(at: location, indexes: &indexes) {
            lines.append(contentsOf: excerpt)
        }
        for note in diagnostic.notes { lines.append("  = note: \(note)") }
        return lines.joined(separator: "\n")
    }

    private func excerpt(at location: SourceLocation, indexes: inout [String: LineIndex]) -> [String]? {
        // A workbook cell has no line of text to show.
        guard location.sheet == nil else { return nil }
        if indexes[location.file] == nil {
            guard let text = sourceProvider(location.file) else { return nil }
            indexes[location.file] = LineIndex(text)
        }
        guard var line = indexes[location.file]?.line(location.line) else { return nil }
        if line.hasSuffix("\r") { line = line.dropLast() }
        let shown = String(line.unicodeScalars.prefix(200).map { $0 == "\t" ? " " : Character($0) })
        let gutter = String(repeating: " ", count: String(location.line).count)
        let pad = String(repeating: " ", count: max(0, min(location.column - 1, 200)))
        return ["\(gutter) |", "\(location.line) | \(shown)", "\(gutter) | \(pad)" + paint("^", .error)]
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colors else { return text }
        let code =
            switch severity {
            case .error: "31"
            case .warning: "33"
            case .note: "36"
            }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}

/// Where each line of a text starts, found in one pass, so a line is then a slice: excerpts for thousands of
/// diagnostics in one file cost one scan of it, not one each.
struct LineIndex {
    private let text: String
    /// The start of each line (1-based line `n` at `starts[n - 1]`).
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var index = text.utf8.startIndex
        while let newline = text.utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = text.utf8.index(after: newline)
            starts.append(index)
        }
        self.starts = starts
    }

    /// The 1-based `number`th line without its line feed; nil past the last line.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        let end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
        return Substring(text.unicodeScalars[start..<end])
    }
}

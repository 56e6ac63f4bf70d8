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
        var lines: [String] = []
        var header = ""
        if let location = diagnostic.location { header += "\(location): " }
        header += paint(diagnostic.severity.rawValue, diagnostic.severity) + "[\(diagnostic.code)]: " + diagnostic.message
        if let suggestion = diagnostic.suggestion { header += "; " + suggestion }
        lines.append(header)
        if let location = diagnostic.location, let excerpt = excerpt(at: location) {
            lines.append(contentsOf: excerpt)
        }
        for note in diagnostic.notes { lines.append("  = note: \(note)") }
        return lines.joined(separator: "\n")
    }

    /// Every diagnostic rendered, each followed by a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    private func excerpt(at location: SourceLocation) -> [String]? {
        // A workbook cell has no line of text to show.
        guard location.sheet == nil, let text = sourceProvider(location.file) else { return nil }
        var lineNumber = 1
        var found: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line { found = line; break }
            lineNumber += 1
        }
        guard var line = found else { return nil }
        if line.hasSuffix("\r") { line = line.dropLast() }
        let shown = String(line.unicodeScalars.prefix(200).map { $0 == "\t" ? " " : Character($0) })
        let gutter = String(repeating: " ", count: String(location.line).count)
        let pad = String(repeating: " ", count: max(0, min(location.column - 1, 200)))
        return ["\(gutter) |", "\(location.line) | \(shown)", "\(gutter) | \(pad)" + paint("^", .error)]
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colors else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}

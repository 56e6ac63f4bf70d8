/// The output formats of `spbe check`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Grouped, scannable text for a terminal.
    case text
    /// The documented, versioned JSON report.
    case json
    /// SARIF 2.1.0 for code-scanning UIs and editors.
    case sarif
    /// Markdown for issue trackers and wikis.
    case markdown
    /// One self-contained HTML page, printable to PDF.
    case html
    /// JUnit XML for CI dashboards.
    case junit
    /// One row per finding, for spreadsheets.
    case csv

    /// Renders `report` in this format, handing the text to `write` in pieces where the format allows (text is
    /// written inventory by inventory; the others in one piece).
    public func render(_ report: Report, options: ReportOptions = ReportOptions(), colors: Bool = false, to write: (String) -> Void) {
        if self == .text {
            TextReporter(colors: colors).render(report, to: write)
        } else {
            write(render(report, options: options, colors: colors))
        }
    }

    /// Renders `report` in this format, shaped by `options`.
    public func render(_ report: Report, options: ReportOptions = ReportOptions(), colors: Bool = false) -> String {
        switch self {
        case .text: TextReporter(colors: colors).render(report)
        case .json: JSONReporter(options: options).render(report)
        case .sarif: SARIFReporter(options: options).render(report)
        case .markdown: MarkdownReporter().render(report)
        case .html: HTMLReporter().render(report)
        case .junit: JUnitReporter().render(report)
        case .csv: CSVReporter(options: options).render(report)
        }
    }
}

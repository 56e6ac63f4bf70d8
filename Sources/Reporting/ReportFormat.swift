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

    /// The format's streaming reporter, shaped by `options`; nil for the formats written whole (SARIF, whose runs
    /// are capped and split as a whole; Markdown and HTML, which put the pemdas before the OPDs).
    public func streamingReporter(options: ReportOptions = ReportOptions(), colors: Bool = false) -> (
        any StreamingReporter
    )? {
        switch self {
        case .text: TextReporter(colors: colors)
        case .json: JSONReporter(options: options)
        case .csv: CSVReporter(options: options)
        case .junit: JUnitReporter()
        case .sarif, .markdown, .html: nil
        }
    }

    /// Renders `report` in this format, shaped by `options`.
    public func render(_ report: Report, options: ReportOptions = ReportOptions(), colors: Bool = false) -> String {
        if let reporter = streamingReporter(options: options, colors: colors) { return reporter.render(report) }
        return switch self {
        case .sarif: SARIFReporter(options: options).render(report)
        case .markdown: MarkdownReporter().render(report)
        default: HTMLReporter().render(report)
        }
    }
}

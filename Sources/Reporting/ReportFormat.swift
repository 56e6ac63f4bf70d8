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

    /// The format's streaming reporter, shaped by `options`. SARIF, Markdown and HTML hold their inventories'
    /// parts until the run's end (`StreamingReporter.holdsInventories`): they put the pemdas or the runs' cut first.
    public func streamingReporter(options: ReportOptions = ReportOptions(), colors: Bool = false)
        -> any StreamingReporter
    {
        switch self {
        case .text: TextReporter(colors: colors)
        case .json: JSONReporter(options: options)
        case .csv: CSVReporter(options: options)
        case .junit: JUnitReporter()
        case .sarif: SARIFReporter(options: options)
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }

    /// Renders `report` in this format, shaped by `options`.
    public func render(_ report: Report, options: ReportOptions = ReportOptions(), colors: Bool = false) -> String {
        streamingReporter(options: options, colors: colors).render(report)
    }

    /// The UTF-8 bytes of `render(_:options:colors:)`.
    public func renderBytes(_ report: Report, options: ReportOptions = ReportOptions(), colors: Bool = false)
        -> [UInt8]
    {
        streamingReporter(options: options, colors: colors).renderBytes(report)
    }
}

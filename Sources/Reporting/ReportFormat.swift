/// The output formats of `spbe check`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Grouped, scannable text for a terminal.
    case text
    /// The documented, versioned JSON report.
    case json

    /// Renders `report` in this format.
    public func render(_ report: Report, colors: Bool = false) -> String {
        switch self {
        case .text: TextReporter(colors: colors).render(report)
        case .json: JSONReporter().render(report)
        }
    }
}

import Engine
import Packs

/// Renders one row per finding (failing or not evidenced), for spreadsheets: RFC 4180 quoting, CRLF line ends,
/// a header row.
public struct CSVReporter: Sendable {
    /// The columns, in order.
    public static let columns = [
        "source", "opd_id", "opd_name", "rule", "severity", "indicator", "outcome", "waived", "subject",
        "file", "line", "column", "message", "recommendation", "references",
    ]

    /// Creates a reporter.
    public init() {}

    /// The findings as CSV.
    public func render(_ report: Report) -> String {
        var rows = [Self.columns]
        for evaluation in report.evaluations {
            for finding in evaluation.findings {
                let spec = report.pack.rules[finding.ruleIndex].spec
                rows.append([
                    evaluation.source, evaluation.opdID, evaluation.opdName, spec.id, spec.severity.rawValue,
                    spec.indicatorID ?? "", finding.outcome.rawValue, finding.waiver == nil ? "" : "ya", finding.subject,
                    finding.location.file, String(finding.location.line), String(finding.location.column),
                    finding.message ?? "", finding.outcome == .fail ? spec.recommendation?.text(in: report.language) ?? "" : "",
                    spec.references.joined(separator: "; "),
                ])
            }
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field, quoted when it holds a comma, a quote or a line break; a leading `= + - @` is prefixed with `'`
    /// so a spreadsheet does not run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Engine
import OutputSafety
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

    /// A field, quoted when it holds a comma, a quote or a line break; text a spreadsheet would run as a formula
    /// is neutralised first (`SpreadsheetFormula`).
    static func field(_ text: String) -> String {
        let safe = SpreadsheetFormula.neutralised(text)
        let bytes = safe.utf8
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return safe }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}

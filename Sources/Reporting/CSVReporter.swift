import Engine
import OutputSafety
import Packs

/// Renders one row per finding (failing or not evidenced), and one per record of each cross-OPD finding of a
/// pemda, for spreadsheets: a UTF-8 byte order mark (so spreadsheet programs read the text as UTF-8), RFC 4180
/// quoting, CRLF line ends, a header row, the field separator of `options.csvDelimiter`.
public struct CSVReporter: Sendable {
    /// The columns, in order.
    public static let columns = [
        "source", "opd_id", "opd_name", "rule", "rule_title", "severity", "indicator", "outcome", "waived", "subject",
        "subject_name", "file", "line", "column", "sheet", "cell", "message", "recommendation", "references",
    ]

    /// The byte order mark that starts the report.
    static let byteOrderMark = "\u{FEFF}"

    /// The separator.
    public let options: ReportOptions

    /// Creates a reporter.
    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    /// The findings as CSV.
    public func render(_ report: Report) -> String {
        let language = report.language
        var rows = [Self.columns]
        for evaluation in report.evaluations {
            for finding in evaluation.findings {
                let spec = report.pack.rules[finding.ruleIndex].spec
                let location = finding.location
                rows.append([
                    evaluation.source, evaluation.opdID, evaluation.opdName, spec.id, spec.title.text(in: language),
                    spec.severity.rawValue, spec.indicatorID ?? "", finding.outcome.rawValue, finding.waiver == nil ? "" : "ya",
                    finding.subject, finding.subjectName ?? "", location.file, String(location.line), String(location.column),
                    location.sheet ?? "", location.sheet == nil ? "" : location.cell, finding.message ?? "",
                    finding.outcome == .fail ? spec.recommendation?.text(in: language) ?? "" : "",
                    spec.references.joined(separator: "; "),
                ])
            }
        }
        for regency in report.regencies {
            let digest = RegencyDigest(regency: regency, report: report)
            for finding in regency.crossFindings {
                let headline = digest.headline(finding.kind)
                for subject in finding.subjects {
                    let location = subject.location
                    rows.append([
                        regency.folder, "", subject.opd, SARIFReporter.crossRuleID(finding.kind), headline, RuleSeverity.medium.rawValue,
                        "", Outcome.fail.rawValue, "", subject.record, subject.name, location.file, String(location.line),
                        String(location.column), location.sheet ?? "", location.sheet == nil ? "" : location.cell,
                        "\(headline): \(finding.topic)", "", "",
                    ])
                }
            }
        }
        let separator = options.csvDelimiter.rawValue
        return Self.byteOrderMark + rows.map { $0.map { Self.field($0, delimiter: options.csvDelimiter.byte) }.joined(separator: separator) + "\r\n" }.joined()
    }

    /// A field, quoted when it holds the delimiter, a quote or a line break; text a spreadsheet would run as a
    /// formula is neutralised first (`SpreadsheetFormula`).
    static func field(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        let safe = SpreadsheetFormula.neutralised(text)
        let bytes = safe.utf8
        let needsQuotes = bytes.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
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

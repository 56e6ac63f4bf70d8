import Engine
import OutputSafety
import Packs

/// Renders one row per finding (failing or not evidenced), and one per record of each cross-OPD finding of a
/// pemda, for spreadsheets: a UTF-8 byte order mark (so spreadsheet programs read the text as UTF-8), RFC 4180
/// quoting, CRLF line ends, a header row, the field separator of `options.csvDelimiter`.
public struct CSVReporter: StreamingReporter {
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

    /// The byte order mark and the header row.
    public func begin(_ report: Report) -> [UInt8] {
        Array((Self.byteOrderMark + row(Self.columns)).utf8)
    }

    /// A row per finding of one inventory.
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        let delimiter = options.csvDelimiter.byte
        var csv = CSVRowWriter(delimiter: delimiter)
        // Perf: the columns every row of this OPD, or of a rule, repeats are escaped once (a rule's at its first
        // finding, then read in place), not once a row: 6% of the CSV report's instructions (callgrind, 29 OPDs of
        // spbe-bench).
        let opd = CSVRowWriter.written(delimiter: delimiter) {
            $0.field(evaluation.source)
            $0.field(evaluation.opdID)
            $0.field(evaluation.opdName)
        }
        var rules = [RuleColumns?](repeating: nil, count: report.pack.rules.count)
        var message: [UInt8] = []
        for finding in evaluation.findings {
            if rules[finding.ruleIndex] == nil {
                rules[finding.ruleIndex] = RuleColumns(
                    report.pack.rules[finding.ruleIndex].spec, language: report.language, delimiter: delimiter)
            }
            let location = finding.location
            csv.append(written: opd)
            csv.append(written: rules[finding.ruleIndex]!.rule)
            csv.field(finding.outcome.rawValue)
            csv.field(finding.waiver == nil ? "" : "ya")
            csv.field(finding.subject)
            csv.field(finding.subjectName ?? "")
            csv.field(location.file)
            csv.field(String(location.line))
            csv.field(String(location.column))
            csv.field(location.sheet ?? "")
            csv.field(location.sheet == nil ? "" : location.cell)
            message.removeAll(keepingCapacity: true)
            _ = finding.writeMessage(into: &message)
            csv.field(utf8: message)
            csv.append(
                written: finding.outcome == .fail
                    ? rules[finding.ruleIndex]!.failedAdvice : rules[finding.ruleIndex]!.advice)
            csv.endRow()
        }
        return csv.bytes
    }

    /// A rule's columns, escaped: its id, title, severity and indicator; its recommendation and references, the
    /// recommendation left empty but for a failure.
    private struct RuleColumns {
        let rule: [UInt8]
        let failedAdvice: [UInt8]
        let advice: [UInt8]

        init(_ spec: RuleSpec, language: String, delimiter: UInt8) {
            rule = CSVRowWriter.written(delimiter: delimiter) {
                $0.field(spec.id)
                $0.field(spec.title.text(in: language))
                $0.field(spec.severity.rawValue)
                $0.field(spec.indicatorID ?? "")
            }
            let references = spec.references.joined(separator: "; ")
            failedAdvice = CSVRowWriter.written(delimiter: delimiter) {
                $0.field(spec.recommendation?.text(in: language) ?? "")
                $0.field(references)
            }
            advice = CSVRowWriter.written(delimiter: delimiter) {
                $0.field("")
                $0.field(references)
            }
        }
    }

    /// A row per record of each cross-OPD finding of the pemdas.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        var text = ""
        for regency in report.regencies {
            let digest = RegencyDigest(regency: regency, report: report)
            for finding in regency.crossFindings {
                let headline = digest.headline(finding.kind)
                for subject in finding.subjects {
                    let location = subject.location
                    text += row([
                        regency.folder, "", subject.opd, SARIFReporter.crossRuleID(finding.kind), headline,
                        RuleSeverity.medium.rawValue,
                        "", Outcome.fail.rawValue, "", subject.record, subject.name, location.file,
                        String(location.line),
                        String(location.column), location.sheet ?? "", location.sheet == nil ? "" : location.cell,
                        "\(headline): \(finding.topic)", "", "",
                    ])
                }
            }
        }
        return Array(text.utf8)
    }

    /// A row per inventory the run could not report on (`Report.inventoryFailures`); the last row ends the file.
    public func end(_ report: Report, count: Int) -> [UInt8] { failureRows(report) }

    /// One line of fields.
    func row(_ fields: [String]) -> String {
        fields.map { Self.field($0, delimiter: options.csvDelimiter.byte) }.joined(
            separator: options.csvDelimiter.rawValue) + "\r\n"
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

import Engine
import Packs

/// Renders JUnit XML for CI dashboards: one test suite per inventory, one test case per rule and subject in
/// scope. A failure is a `<failure>`, a not-evidenced subject a `<skipped>`, a waived failure a `<skipped>` that
/// names the waiver.
public struct JUnitReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The report as JUnit XML, ending with a newline.
    public func render(_ report: Report) -> String {
        let pack = report.pack
        let language = report.language
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        for evaluation in report.evaluations {
            var cases: [String] = []
            var failures = 0, skipped = 0
            for subject in evaluation.subjects where subject.outcome != .notApplicable {
                let spec = pack.rules[subject.ruleIndex].spec
                let name = "\(spec.id) \(subject.subject)"
                var body = ""
                switch subject.outcome {
                case .fail where subject.waiver != nil:
                    skipped += 1
                    let waiver = report.waivers.waivers[subject.waiver!]
                    body = "<skipped message=\"\(escape("waived: \(waiver.reason) (\(waiver.approvedBy), until \(waiver.until))"))\"/>"
                case .fail:
                    failures += 1
                    let detail = [subject.location.description, spec.recommendation?.text(in: language)].compactMap { $0 }
                    body = "<failure message=\"\(escape(subject.message ?? spec.title.text(in: language)))\" type=\"\(spec.severity.rawValue)\">"
                        + escape(detail.joined(separator: "\n")) + "</failure>"
                case .notEvidenced:
                    skipped += 1
                    body = "<skipped message=\"\(escape(subject.message ?? "not evidenced"))\"/>"
                case .pass, .notApplicable:
                    break
                }
                cases.append("    <testcase classname=\"\(escape(spec.id))\" name=\"\(escape(name))\" file=\"\(escape(subject.location.file))\" line=\"\(subject.location.line)\">"
                    + body + "</testcase>")
            }
            totalTests += cases.count
            totalFailures += failures
            totalSkipped += skipped
            let suiteName = evaluation.opdName.isEmpty ? evaluation.source : "\(evaluation.opdName) (\(evaluation.source))"
            suites.append("  <testsuite name=\"\(escape(suiteName))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
                + cases.map { $0 + "\n" }.joined() + "  </testsuite>")
        }
        let metadata = pack.pack.metadata
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"spbe \(escape(metadata.id)) \(escape(metadata.version))\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"\(totalSkipped)\">\n"
            + suites.map { $0 + "\n" }.joined() + "</testsuites>\n"
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}

/// Escaping for XML and HTML text and attribute values.
enum XMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{9}", "\u{A}", "\u{D}": result.unicodeScalars.append(scalar)
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

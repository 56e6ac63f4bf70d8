import Engine
import Packs

/// Renders JUnit XML for CI dashboards: one test suite per inventory, one test case per rule and subject in
/// scope, its class `opd-id.RULE` so dashboards that group by class keep OPDs apart. A failure is a `<failure>`,
/// a not-evidenced subject a `<skipped>`, a waived failure a `<skipped>` that names the waiver. The cross-OPD
/// findings of each pemda are a suite of their own, one failing case each.
///
/// Every suite and case has `time="0"`: a subject is decided in microseconds, and the report stays the same
/// bytes from run to run.
public struct JUnitReporter: StreamingReporter {
    /// Creates a reporter.
    public init() {}

    /// The XML declaration and the opening of `<testsuites>`, named after the pack. It carries no totals (they
    /// are known only at the end of a stream); readers add up its suites.
    public func begin(_ report: Report) -> [UInt8] {
        let metadata = report.pack.pack.metadata
        return Array(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"spbe \(escape(metadata.id)) \(escape(metadata.version))\">\n").utf8)
    }

    /// One inventory's suite.
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        let pack = report.pack
        let language = report.language
        var cases: [String] = []
        var failures = 0
        var skipped = 0
        let classPrefix = evaluation.opdID.isEmpty ? evaluation.source : evaluation.opdID
        for subject in evaluation.subjects where subject.outcome != .notApplicable {
            let spec = pack.rules[subject.ruleIndex].spec
            let name = "\(spec.id) \(subject.subject)"
            var body = ""
            switch subject.outcome {
            case .fail where subject.waiver != nil:
                skipped += 1
                let waiver = report.waivers.waivers[subject.waiver!]
                body =
                    "<skipped message=\"\(escape("waived: \(waiver.reason) (\(waiver.approvedBy), until \(waiver.until))"))\"/>"
            case .fail:
                failures += 1
                let detail = [subject.location.description, spec.recommendation?.text(in: language)].compactMap { $0 }
                body =
                    "<failure message=\"\(escape(subject.message ?? spec.title.text(in: language)))\" type=\"\(spec.severity.rawValue)\">"
                    + escape(detail.joined(separator: "\n")) + "</failure>"
            case .notEvidenced:
                skipped += 1
                body = "<skipped message=\"\(escape(subject.message ?? "not evidenced"))\"/>"
            case .pass, .notApplicable:
                break
            }
            cases.append(
                "    <testcase classname=\"\(escape(classPrefix)).\(escape(spec.id))\" name=\"\(escape(name))\" file=\"\(escape(subject.location.file))\" line=\"\(subject.location.line)\" time=\"0\">"
                    + body + "</testcase>\n")
        }
        let suiteName = evaluation.opdName.isEmpty ? evaluation.source : "\(evaluation.opdName) (\(evaluation.source))"
        return Array(
            ("  <testsuite name=\"\(escape(suiteName))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\">\n"
                + cases.joined() + "  </testsuite>\n").utf8)
    }

    /// A suite per pemda with cross-OPD findings.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        Array(
            report.regencies.filter { !$0.crossFindings.isEmpty }.map { crossSuite($0, report: report) + "\n" }.joined()
                .utf8)
    }

    /// A suite of the inventories the run could not report on, if any, and the closing of `<testsuites>`.
    public func end(_ report: Report, count: Int) -> [UInt8] { failureSuite(report) + Array("</testsuites>\n".utf8) }

    /// The cross-OPD findings of a pemda: a suite named after it, a failing case per finding in the class
    /// `pemda-folder.CROSS-KIND`, the records involved in the failure's text.
    private func crossSuite(_ regency: RegencyEvaluation, report: Report) -> String {
        let digest = RegencyDigest(regency: regency, report: report)
        let folder = regency.folder.split(separator: "/").last.map(String.init) ?? regency.folder
        let cases = regency.crossFindings.map { finding in
            let headline = digest.headline(finding.kind)
            let first = finding.subjects.first?.location
            let detail = finding.subjects.map { "\(digest.describe($0)): \($0.location.description)" }.joined(
                separator: "\n")
            return
                "    <testcase classname=\"\(escape(folder)).\(escape(SARIFReporter.crossRuleID(finding.kind)))\" name=\"\(escape(finding.topic))\""
                + " file=\"\(escape(first?.file ?? regency.folder))\" line=\"\(first?.line ?? 1)\" time=\"0\">"
                + "<failure message=\"\(escape("\(headline): \(finding.topic)"))\" type=\"cross-opd\">\(escape(detail))</failure></testcase>\n"
        }
        let name = "\(digest.words.crossFindings): \(regency.name) (\(regency.folder))"
        return
            "  <testsuite name=\"\(escape(name))\" tests=\"\(cases.count)\" failures=\"\(cases.count)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            + cases.joined() + "  </testsuite>"
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}

/// Escaping for XML and HTML text and attribute values.
enum XMLText {
    static func escape(_ text: String) -> String {
        let bytes = text.utf8
        // Most texts need nothing: return them as they are.
        guard
            bytes.contains(where: {
                $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            case UInt8(ascii: "\""): result += Array("&quot;".utf8)
            case UInt8(ascii: "'"): result += Array("&#39;".utf8)
            case 0x09, 0x0A, 0x0D: result.append(byte)
            case ..<0x20: continue  // control characters are not allowed in XML 1.0
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

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
        var cases = XMLBytes()
        var (tests, failures, skipped) = (0, 0, 0)
        let classPrefix = evaluation.opdID.isEmpty ? evaluation.source : evaluation.opdID
        // Perf: what every case of a rule repeats is escaped at the rule's first case, not once a case (5.5% of
        // the JUnit report's instructions, callgrind, 29 OPDs of spbe-bench).
        var rules = [RuleCase?](repeating: nil, count: pack.rules.count)
        for subject in evaluation.subjects where subject.outcome != .notApplicable {
            // The rule's fields are read in place: bound to a local, its spec was copied for every case, which made
            // the JUnit report 6% slower (spbe-bench, 1,000 OPDs).
            let rule = pack.rules[subject.ruleIndex]
            if rules[subject.ruleIndex] == nil {
                rules[subject.ruleIndex] = RuleCase(rule.spec, classPrefix: classPrefix, language: language)
            }
            tests += 1
            cases.markup("    <testcase classname=\"")
            cases.markup(escaped: rules[subject.ruleIndex]!.names)
            cases.text(subject.subject)
            cases.markup("\" file=\"")
            cases.text(subject.location.file)
            cases.markup("\" line=\"")
            cases.number(subject.location.line)
            cases.markup("\" time=\"0\">")
            switch subject.outcome {
            case .fail where subject.waiver != nil:
                skipped += 1
                let waiver = report.waivers.waivers[subject.waiver!]
                cases.markup("<skipped message=\"")
                cases.text("waived: \(waiver.reason) (\(waiver.approvedBy), until \(waiver.until))")
                cases.markup("\"/>")
            case .fail:
                failures += 1
                cases.markup("<failure message=\"")
                cases.message(of: subject, otherwise: rule.spec.title.text(in: language))
                cases.markup("\" type=\"")
                cases.text(rule.spec.severity.rawValue)
                cases.markup("\">")
                cases.location(subject.location)
                cases.markup(escaped: rules[subject.ruleIndex]!.recommendation)
                cases.markup("</failure>")
            case .notEvidenced:
                skipped += 1
                cases.markup("<skipped message=\"")
                cases.message(of: subject, otherwise: "not evidenced")
                cases.markup("\"/>")
            case .pass, .notApplicable:
                break
            }
            cases.markup("</testcase>\n")
        }
        let suiteName = evaluation.opdName.isEmpty ? evaluation.source : "\(evaluation.opdName) (\(evaluation.source))"
        var suite = XMLBytes(capacity: cases.bytes.count + 256)
        suite.markup("  <testsuite name=\"")
        suite.text(suiteName)
        suite.markup("\" tests=\"")
        suite.number(tests)
        suite.markup("\" failures=\"")
        suite.number(failures)
        suite.markup("\" errors=\"0\" skipped=\"")
        suite.number(skipped)
        suite.markup("\" time=\"0\">\n")
        suite.append(cases)
        suite.markup("  </testsuite>\n")
        return suite.bytes
    }

    /// A suite per pemda with cross-OPD findings.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        Array(
            report.regencies.filter { !$0.crossFindings.isEmpty }.map { crossSuite($0, report: report) + "\n" }.joined()
                .utf8)
    }

    /// A suite of the inventories the run could not report on, if any, and the closing of `<testsuites>`.
    public func end(_ report: Report, count: Int) -> [UInt8] { failureSuite(report) + Array("</testsuites>\n".utf8) }

    /// What every case of one rule in a suite repeats, escaped.
    private struct RuleCase {
        /// `PREFIX.RULE" name="RULE `: the case's class and the start of its name.
        let names: [UInt8]
        /// A failure's recommendation after a line break; empty when the rule has none.
        let recommendation: [UInt8]

        init(_ spec: RuleSpec, classPrefix: String, language: String) {
            var names = XMLBytes(capacity: 96)
            names.text(classPrefix)
            names.markup(".")
            names.text(spec.id)
            names.markup("\" name=\"")
            names.text(spec.id)
            names.markup(" ")
            self.names = names.bytes
            var recommendation = XMLBytes(capacity: 0)
            if let text = spec.recommendation?.text(in: language) {
                recommendation.markup("\n")
                recommendation.text(text)
            }
            self.recommendation = recommendation.bytes
        }
    }

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
    /// Perf: the text's contiguous UTF-8 is searched, and escaped by `XMLBytes`; searching its `utf8` view was 9%
    /// of writing the HTML report (callgrind, 100 OPDs of spbe-bench).
    static func escape(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { utf8 -> String? in
            // Most texts need nothing: they are returned as they are.
            guard utf8.contains(where: XMLBytes.needsEscaping) else { return nil }
            var xml = XMLBytes(capacity: utf8.count + 16)
            xml.text(utf8: utf8)
            return String(decoding: xml.bytes, as: UTF8.self)
        }
        return escaped ?? text
    }
}

import Engine
import Foundation
import Packs

/// Renders SARIF 2.1.0 so code-scanning UIs and editors annotate the inventory: each failing or not-evidenced
/// subject is a result at its file and line, each rule carries its help text, recommendation and references.
///
/// Failures are `kind: fail` with a level from the rule's severity (critical and high → error, medium →
/// warning, low and info → note); not-evidenced subjects are `kind: review`; waived failures carry an accepted
/// external suppression with the waiver's reason.
public struct SARIFReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The report as pretty-printed SARIF JSON with sorted keys, ending with a newline.
    public func render(_ report: Report) -> String {
        (try? SortedJSONEncoder(snakeCaseKeys: false).encode(log(report))) ?? "{}\n"
    }

    static func level(_ severity: RuleSeverity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    private func log(_ report: Report) -> SARIFLog {
        let language = report.language
        let words = ReportWords(language: language)
        let pack = report.pack
        let rules = pack.rules.map { rule in
            let spec = rule.spec
            let recommendation = spec.recommendation?.text(in: language) ?? ""
            let references = spec.references.joined(separator: "; ")
            return SARIFLog.Rule(
                id: spec.id, name: spec.id, shortDescription: .init(text: spec.title.text(in: language)),
                fullDescription: spec.note.map { .init(text: $0) },
                help: .init(
                    text: [recommendation, references.isEmpty ? "" : "\(words.references): \(references)"].filter { !$0.isEmpty }.joined(separator: "\n"),
                    markdown: "**\(spec.title.text(in: language))**\n\n\(recommendation)" + (references.isEmpty ? "" : "\n\n*\(words.references):* \(references)")
                ),
                defaultConfiguration: .init(level: Self.level(spec.severity)),
                properties: .init(
                    tags: ["spbe", pack.pack.metadata.id] + (spec.indicatorID.map { [$0] } ?? []),
                    severity: spec.severity.rawValue, indicator: spec.indicatorID, references: spec.references
                )
            )
        }
        var results: [SARIFLog.Result] = []
        for evaluation in report.evaluations {
            for finding in evaluation.findings {
                let spec = pack.rules[finding.ruleIndex].spec
                let failed = finding.outcome == .fail
                let suppressions = finding.waiver.map { position -> [SARIFLog.Suppression] in
                    let waiver = report.waivers.waivers[position]
                    return [.init(justification: "\(waiver.reason) (\(waiver.approvedBy), s.d. \(waiver.until))")]
                }
                results.append(SARIFLog.Result(
                    ruleId: spec.id, ruleIndex: finding.ruleIndex, kind: failed ? "fail" : "review",
                    level: failed ? Self.level(spec.severity) : "note",
                    message: .init(text: finding.message ?? spec.title.text(in: language)),
                    locations: [.init(physicalLocation: .init(
                        artifactLocation: .init(uri: Self.uri(finding.location.file)),
                        region: .init(startLine: finding.location.line, startColumn: finding.location.column)
                    ))],
                    partialFingerprints: ["spbeFinding/v\(FindingFingerprint.version)": report.fingerprint(finding, in: evaluation)],
                    baselineState: report.baselineState(finding, in: evaluation)?.rawValue,
                    suppressions: suppressions,
                    properties: .init(subject: finding.subject, opd: evaluation.opdID, pemda: evaluation.pemda.givenName, outcome: finding.outcome.rawValue)
                ))
            }
            results += absentResults(evaluation, report: report)
        }
        let metadata = pack.pack.metadata
        return SARIFLog(runs: [SARIFLog.Run(
            tool: .init(driver: .init(name: "spbe", version: report.toolVersion, semanticVersion: report.toolVersion, rules: rules)),
            results: results,
            properties: ["pack": metadata.id, "packVersion": metadata.version, "asOf": report.asOf.description]
        )])
    }

    /// The baseline's findings of this OPD that are gone now, as results with `baselineState: absent`.
    private func absentResults(_ evaluation: InventoryEvaluation, report: Report) -> [SARIFLog.Result] {
        report.fixedFindings(in: evaluation).compactMap { finding in
            guard let ruleIndex = report.pack.rules.firstIndex(where: { $0.spec.id == finding.rule }) else { return nil }
            let failed = finding.outcome == "fail"
            return SARIFLog.Result(
                ruleId: finding.rule, ruleIndex: ruleIndex, kind: failed ? "fail" : "review",
                level: failed ? Self.level(report.pack.rules[ruleIndex].spec.severity) : "note",
                message: .init(text: finding.message ?? finding.rule),
                locations: [.init(physicalLocation: .init(
                    artifactLocation: .init(uri: Self.uri(finding.location.file)),
                    region: .init(startLine: finding.location.line, startColumn: finding.location.column)
                ))],
                partialFingerprints: [
                    "spbeFinding/v\(report.baseline?.fingerprintVersion ?? FindingFingerprint.version)": finding.fingerprint ?? ""
                ],
                baselineState: "absent", suppressions: nil,
                properties: .init(subject: finding.subject, opd: evaluation.opdID, pemda: evaluation.pemda.givenName, outcome: finding.outcome)
            )
        }
    }

    /// A relative or absolute path as a URI reference: each path segment percent-encoded.
    static func uri(_ path: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            String(segment).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(segment)
        }.joined(separator: "/")
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

import Diagnostics
import Engine
import Foundation
import Packs

/// Renders SARIF 2.1.0 so code-scanning UIs and editors annotate the inventory: each failing or not-evidenced
/// subject is a result at its file and line (a workbook's sheet and cell as its logical location), each rule
/// carries its help text, recommendation and references, and each cross-OPD finding of a pemda is a result at
/// every record it involves.
///
/// Failures are `kind: fail` with a level from the rule's severity (critical and high → error, medium →
/// warning, low and info → note); not-evidenced subjects are `kind: review` with level `none`; waived failures
/// carry an accepted external suppression with the waiver's reason. Relative inventory paths are relative to
/// the base id `SRCROOT`, the folder the run started in; absolute ones stay absolute `file://` URIs.
public struct SARIFReporter: Sendable {
    /// How the log is divided and capped.
    public let options: ReportOptions

    /// Creates a reporter.
    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    /// The base id of relative inventory paths (§3.4.4).
    static let sourceRoot = "SRCROOT"

    static func level(_ severity: RuleSeverity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// The level of a result of `kind`. SARIF 2.1.0 §3.27.10: when `kind` is not `fail`, `level` SHALL be `none`
    /// (a not-evidenced subject is `review`: nothing failed, a person must look).
    static func level(kind: String, severity: RuleSeverity) -> String {
        kind == "fail" ? level(severity) : "none"
    }

    /// The rule ids of cross-OPD findings, after the pack's rules.
    static func crossRuleID(_ kind: CrossOPDFinding.Kind) -> String {
        switch kind {
        case .duplicateFunction: "CROSS-DUPLICATE-FUNCTION"
        case .notIntegrated: "CROSS-NOT-INTEGRATED"
        case .retiredDependency: "CROSS-RETIRED-DEPENDENCY"
        }
    }

    static let crossKinds: [CrossOPDFinding.Kind] = [.duplicateFunction, .notIntegrated, .retiredDependency]

    /// The folder every path is in (`examples/kabupaten-bantul` for its inventories); nil when they share none.
    static func commonFolder(_ paths: [String]) -> String? {
        guard let first = paths.first else { return nil }
        var common = Array(first.split(separator: "/", omittingEmptySubsequences: false).dropLast())
        for path in paths.dropFirst() {
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        let joined = common.joined(separator: "/")
        return joined.isEmpty || joined == "." ? nil : joined
    }

    func driverRules(_ report: Report) -> [SARIFLog.Rule] {
        let language = report.language
        let words = ReportWords(language: language)
        let pack = report.pack
        var rules = pack.rules.map { rule in
            let spec = rule.spec
            let recommendation = spec.recommendation?.text(in: language) ?? ""
            let references = spec.references.joined(separator: "; ")
            return SARIFLog.Rule(
                id: spec.id, name: spec.id, shortDescription: .init(text: spec.title.text(in: language)),
                fullDescription: spec.note.map { .init(text: $0) },
                help: .init(
                    text: [recommendation, references.isEmpty ? "" : "\(words.references): \(references)"].filter {
                        !$0.isEmpty
                    }.joined(separator: "\n"),
                    markdown: "**\(spec.title.text(in: language))**\n\n\(recommendation)"
                        + (references.isEmpty ? "" : "\n\n*\(words.references):* \(references)")
                ),
                defaultConfiguration: .init(level: Self.level(spec.severity)),
                properties: .init(
                    tags: ["spbe", pack.pack.metadata.id] + (spec.indicatorID.map { [$0] } ?? []),
                    severity: spec.severity.rawValue, indicator: spec.indicatorID, references: spec.references
                )
            )
        }
        if !report.regencies.isEmpty {
            let digest = RegencyDigest(regency: report.regencies[0], report: report)
            rules += Self.crossKinds.map { kind in
                let headline = digest.headline(kind)
                return SARIFLog.Rule(
                    id: Self.crossRuleID(kind), name: Self.crossRuleID(kind), shortDescription: .init(text: headline),
                    fullDescription: nil,
                    help: .init(text: headline, markdown: "**\(words.crossFindings)**\n\n\(headline)"),
                    defaultConfiguration: .init(level: "warning"),
                    properties: .init(
                        tags: ["spbe", pack.pack.metadata.id, "cross-opd"], severity: RuleSeverity.medium.rawValue,
                        indicator: nil, references: [])
                )
            }
        }
        return rules
    }

    func findingResults(_ evaluation: InventoryEvaluation, report: Report) -> [SARIFLog.Result] {
        let pack = report.pack
        let language = report.language
        var results: [SARIFLog.Result] = []
        // The findings of an inventory are in a file or two: each path is made a URI once.
        var uris: [String: String] = [:]
        for finding in evaluation.findings {
            let failed = finding.outcome == .fail
            if !failed && options.sarifOmitNotEvidenced { continue }
            let spec = pack.rules[finding.ruleIndex].spec
            let suppressions = finding.waiver.map { position -> [SARIFLog.Suppression] in
                let waiver = report.waivers.waivers[position]
                return [.init(justification: "\(waiver.reason) (\(waiver.approvedBy), s.d. \(waiver.until))")]
            }
            let kind = failed ? "fail" : "review"
            let message =
                failed
                ? finding.message ?? spec.title.text(in: language)
                : Self.reviewMessage(
                    title: spec.title.text(in: language), subject: finding.subject, evaluation: evaluation,
                    detail: finding.message)
            results.append(
                SARIFLog.Result(
                    ruleId: spec.id, ruleIndex: finding.ruleIndex, kind: kind,
                    level: Self.level(kind: kind, severity: spec.severity),
                    message: .init(text: message),
                    locations: [Self.location(finding.location, uri: Self.uri(finding.location.file, memo: &uris))],
                    relatedLocations: nil,
                    partialFingerprints: [
                        "spbeFinding/v\(FindingFingerprint.version)": report.fingerprint(finding, in: evaluation)
                    ],
                    baselineState: report.baselineState(finding, in: evaluation)?.rawValue,
                    suppressions: suppressions,
                    properties: .init(
                        subject: finding.subject, opd: evaluation.opdID, pemda: evaluation.pemda.givenName,
                        outcome: finding.outcome.rawValue
                    )
                ))
        }
        return results
    }

    /// A not-evidenced result's message: the rule, the subject (the OPD's name for an OPD-wide rule), and which
    /// data is missing, `Aplikasi di-hosting di PDN — APP-01: data belum cukup untuk menilai: hosting`.
    static func reviewMessage(title: String, subject: String, evaluation: InventoryEvaluation, detail: String?)
        -> String
    {
        let who = subject == "opd" ? (evaluation.opdName.isEmpty ? evaluation.source : evaluation.opdName) : subject
        return "\(title) — \(who): \(detail ?? "")"
    }

    /// The baseline's findings of this OPD that are gone now, as results with `baselineState: absent`.
    func absentResults(_ evaluation: InventoryEvaluation, report: Report) -> [SARIFLog.Result] {
        report.fixedFindings(in: evaluation).compactMap { finding -> SARIFLog.Result? in
            guard let ruleIndex = report.pack.rules.firstIndex(where: { $0.spec.id == finding.rule }) else {
                return nil
            }
            let failed = finding.outcome == "fail"
            if !failed && options.sarifOmitNotEvidenced { return nil }
            let kind = failed ? "fail" : "review"
            return SARIFLog.Result(
                ruleId: finding.rule, ruleIndex: ruleIndex, kind: kind,
                level: Self.level(kind: kind, severity: report.pack.rules[ruleIndex].spec.severity),
                message: .init(text: finding.message ?? finding.rule),
                locations: [
                    Self.location(
                        SourceLocation(
                            file: finding.location.file, line: finding.location.line, column: finding.location.column,
                            sheet: finding.location.sheet
                        ))
                ],
                relatedLocations: nil,
                partialFingerprints: [
                    "spbeFinding/v\(report.baseline?.fingerprintVersion ?? FindingFingerprint.version)": finding
                        .fingerprint ?? ""
                ],
                baselineState: "absent", suppressions: nil,
                properties: .init(
                    subject: finding.subject, opd: evaluation.opdID, pemda: evaluation.pemda.givenName,
                    outcome: finding.outcome)
            )
        }
    }

    /// Each cross-OPD finding of a pemda: at its first record, with every record it involves as a related location.
    func crossResults(_ regency: RegencyEvaluation, report: Report) -> [SARIFLog.Result] {
        let digest = RegencyDigest(regency: regency, report: report)
        let ruleOffset = report.pack.rules.count
        return regency.crossFindings.compactMap { finding -> SARIFLog.Result? in
            guard let first = finding.subjects.first, let kindIndex = Self.crossKinds.firstIndex(of: finding.kind)
            else { return nil }
            let ruleID = Self.crossRuleID(finding.kind)
            let involved = finding.subjects.map(digest.describe).joined(separator: ", ")
            return SARIFLog.Result(
                ruleId: ruleID, ruleIndex: ruleOffset + kindIndex, kind: "fail", level: "warning",
                message: .init(text: "\(digest.headline(finding.kind)): \(finding.topic) — \(involved)"),
                locations: [Self.location(first.location)],
                relatedLocations: finding.subjects.enumerated().map { position, subject in
                    Self.location(subject.location, id: position + 1, message: digest.describe(subject))
                },
                partialFingerprints: [
                    "spbeFinding/v\(FindingFingerprint.version)": FindingFingerprint.of(
                        pemda: regency.pemda.pemda, rule: ruleID, opd: regency.folder, subject: finding.topic
                    )
                ],
                baselineState: nil, suppressions: nil,
                properties: .init(
                    subject: finding.topic, opd: regency.name, pemda: regency.pemda.pemda.givenName,
                    outcome: Outcome.fail.rawValue)
            )
        }
    }

    /// A SARIF location of a source position: a workbook's cell also as a logical location `sheet!C12`.
    static func location(_ location: SourceLocation, id: Int? = nil, message: String? = nil, uri: String? = nil)
        -> SARIFLog.Location
    {
        let absolute = location.file.hasPrefix("/")
        let cell = location.sheet.map { "\($0)!\(location.cell)" }
        return SARIFLog.Location(
            id: id,
            physicalLocation: .init(
                artifactLocation: .init(
                    uri: uri ?? Self.uri(location.file), uriBaseId: absolute ? nil : sourceRoot),
                region: .init(startLine: location.line, startColumn: location.column)
            ),
            logicalLocations: cell.map { [.init(name: location.cell, fullyQualifiedName: $0)] },
            message: message.map { .init(text: $0) },
            properties: location.sheet.map { .init(sheet: $0, cell: location.cell) }
        )
    }

    /// A relative or absolute path as a URI reference: each path segment percent-encoded; an absolute path as a
    /// `file://` URI.
    static func uri(_ path: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            String(segment).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(segment)
        }.joined(separator: "/")
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// `uri(path)`, kept in `memo` for the next finding in the same file.
    private static func uri(_ path: String, memo: inout [String: String]) -> String {
        if let known = memo[path] { return known }
        let made = uri(path)
        memo[path] = made
        return made
    }

    /// A path or id as one segment of an automation id: lower case letters, digits, `.`, `_` and `-`.
    static func slug(_ text: String) -> String {
        let name = text.split(separator: "/").last.map(String.init) ?? text
        let cleaned = String(
            name.lowercased().unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "-"
            })
        return cleaned.isEmpty || cleaned == "." ? "root" : cleaned
    }
}

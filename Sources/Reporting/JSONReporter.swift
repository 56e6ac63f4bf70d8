import Engine
import Foundation

/// Renders the versioned JSON report (`schema_version: 1`), deterministic byte for byte.
public struct JSONReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The report as pretty-printed JSON with sorted keys, ending with a newline.
    public func render(_ report: Report) -> String {
        let frame = frame(report)
        var text = frame.head
        for (position, evaluation) in report.evaluations.enumerated() { text += inventory(evaluation, report: report, position: position) }
        return text + Self.end(frame.tail, count: report.evaluations.count)
    }

    /// Where `inventories` is written in the document: everything before it and everything after it come from the
    /// document with no inventories, so a run can stream its inventories in between.
    private static let inventoriesMarker = "\n  \"inventories\" : []"

    /// The document up to the opening of the `inventories` array (the keys before it do not depend on the
    /// inventories).
    public func header(_ report: Report) -> String { frame(report).head }

    /// One element of the `inventories` array, the `position`-th, with what comes before it.
    public func inventory(_ evaluation: InventoryEvaluation, report: Report, position: Int) -> String {
        Self.separator(position: position) + element(evaluation, report: report)
    }

    /// One element of the `inventories` array, on its own.
    public func element(_ evaluation: InventoryEvaluation, report: Report) -> String {
        (try? SortedJSONEncoder(snakeCaseKeys: true).encode(inventory(evaluation, report: report), indent: 4)) ?? "{}"
    }

    /// What comes before the `position`-th element of the `inventories` array.
    public static func separator(position: Int) -> String { position == 0 ? "\n    " : ",\n    " }

    /// The end of the `inventories` array (of `count` elements) and everything after it: summary (from
    /// `report.totals`), pack, regencies, tool, waivers.
    public func footer(_ report: Report, count: Int) -> String { Self.end(frame(report).tail, count: count) }

    /// The document with no inventories, encoded once and split at the `inventories` array: everything up to its
    /// opening bracket, and everything after its closing one (nil when the document has no such array).
    private func frame(_ report: Report) -> (head: String, tail: Substring?) {
        let empty = (try? SortedJSONEncoder(snakeCaseKeys: true).encode(model(report, inventories: false))) ?? "{}\n"
        guard let marker = empty.range(of: Self.inventoriesMarker) else { return (empty, nil) }
        return (String(empty[..<marker.upperBound].dropLast()), empty[marker.upperBound...])
    }

    /// The closing of an `inventories` array of `count` elements, then `tail`.
    private static func end(_ tail: Substring?, count: Int) -> String {
        tail.map { (count > 0 ? "\n  ]" : "]") + $0 } ?? ""
    }

    private func model(_ report: Report, inventories: Bool = true) -> JSONReport {
        let metadata = report.pack.pack.metadata
        let totals = report.totals
        return JSONReport(
            schemaVersion: JSONReport.schemaVersion,
            tool: .init(name: "spbe", version: report.toolVersion),
            pack: .init(
                id: metadata.id, version: metadata.version, framework: metadata.framework,
                title: metadata.title.text(in: report.language), provisional: metadata.provisional
            ),
            asOf: report.asOf.description,
            failOn: report.failOn?.rawValue,
            inventories: inventories ? report.evaluations.map { inventory($0, report: report) } : [],
            summary: .init(
                inventories: totals.inventories, failed: totals.failed, notEvidenced: totals.notEvidenced,
                passed: totals.passed, blocking: totals.blocking
            ),
            waivers: report.waivers.waivers.isEmpty ? nil : report.waiverStatuses.map { waiver, status in
                .init(
                    rule: waiver.ruleID, subject: waiver.subject, opd: waiver.opdID, reason: waiver.reason,
                    approvedBy: waiver.approvedBy, until: waiver.until.description, status: status.rawValue,
                    location: .init(
                        file: waiver.location.file, line: waiver.location.line, column: waiver.location.column, sheet: waiver.location.sheet
                    )
                )
            },
            regencies: report.regencies.isEmpty ? nil : report.regencies.map { regency($0, report: report) }
        )
    }

    private func comparison(_ delta: ReportDigest.BaselineDelta) -> JSONReport.BaselineComparison {
        .init(
            indexChange: delta.indexChange, new: delta.new, unchanged: delta.unchanged,
            fixed: delta.fixed.map { finding in
                .init(
                    rule: finding.rule, subject: finding.subject, fingerprint: finding.fingerprint ?? "",
                    location: .init(
                        file: finding.location.file, line: finding.location.line, column: finding.location.column,
                        sheet: finding.location.sheet
                    )
                )
            }
        )
    }

    private func regency(_ regency: RegencyEvaluation, report: Report) -> JSONReport.Regency {
        let digest = RegencyDigest(regency: regency, report: report)
        return .init(
            folder: regency.folder, name: regency.name, pemda: inventory(regency.pemda, report: report, simulation: false),
            opds: digest.rows.map { row in
                .init(
                    source: row.evaluation.source, name: row.evaluation.opdName, index: row.evaluation.score.index,
                    indexDisplay: row.evaluation.score.index.map(IndexFormatting.twoDecimals), predicate: row.evaluation.score.predicate,
                    passRate: row.passRate, weakest: row.weakest,
                    aspects: row.evaluation.score.aspects.map { .init(id: $0.id, name: $0.name, weight: $0.weight, index: $0.index) }
                )
            },
            pemdaLevelIndicators: digest.sharedIndicators.map { .init(id: $0.id, level: $0.level, reason: $0.reason) },
            crossFindings: regency.crossFindings.map { finding in
                .init(kind: finding.kind.rawValue, topic: finding.topic, subjects: finding.subjects.map { subject in
                    .init(
                        opd: subject.opd, record: subject.record, name: subject.name,
                        location: .init(
                            file: subject.location.file, line: subject.location.line, column: subject.location.column,
                            sheet: subject.location.sheet
                        )
                    )
                })
            }
        )
    }

    private func score(_ score: Score, words: ReportWords) -> JSONReport.Score {
        .init(
            index: score.index,
            indexDisplay: score.index.map(IndexFormatting.twoDecimals),
            predicate: score.predicate,
            borderline: score.borderlineEdge != nil,
            borderlineNote: score.index.flatMap { index in score.borderlineEdge.map { words.borderline(index: index, edge: $0) } },
            domains: score.domains.map { .init(id: $0.id, name: $0.name, weight: $0.weight, index: $0.index) },
            aspects: score.aspects.map { .init(id: $0.id, name: $0.name, weight: $0.weight, index: $0.index) }
        )
    }

    private func step(_ item: Recommendation, digest: ReportDigest) -> JSONReport.Step {
        .init(
            indicator: digest.pack.indicators[item.indicatorIndex].spec.id, fromLevel: item.fromLevel, toLevel: item.toLevel,
            gain: item.gain, effort: item.effort, needs: digest.needs(item)
        )
    }

    private func inventory(_ evaluation: InventoryEvaluation, report: Report, simulation: Bool = true) -> JSONReport.Inventory {
        let pack = report.pack
        let language = report.language
        let levels = evaluation.indicators.map(\.level)
        let recommender = Recommender(pack: pack)
        let digest = ReportDigest(evaluation: evaluation, report: report)
        return JSONReport.Inventory(
            source: evaluation.source,
            opd: .init(id: evaluation.opdID, name: evaluation.opdName),
            simulation: simulation,
            score: score(evaluation.score, words: digest.words),
            scoreWithWaivers: evaluation.scoreWithWaivers.map { score($0, words: digest.words) },
            indicators: evaluation.indicators.map { result in
                let indicator = pack.indicators[result.indicatorIndex]
                let spec = indicator.spec
                return .init(
                    id: spec.id, number: spec.number, name: spec.name,
                    domain: pack.framework.domains[indicator.domainIndex].id, aspect: spec.aspectID,
                    weight: spec.weight, level: result.level,
                    levelName: pack.framework.scale(spec.scaleID)?.name(of: result.level),
                    target: spec.target, meetsTarget: spec.target.map { result.level >= $0 },
                    levelStates: result.levelStates.map(\.rawValue)
                )
            },
            rules: evaluation.rules.map { summary in
                let spec = pack.rules[summary.ruleIndex].spec
                return .init(
                    id: spec.id, severity: spec.severity.rawValue, indicator: spec.indicatorID,
                    outcome: summary.outcome.rawValue, passed: summary.passed, failed: summary.failed,
                    notEvidenced: summary.notEvidenced, notApplicable: summary.notApplicable
                )
            },
            findings: evaluation.findings.map { finding in
                let spec = pack.rules[finding.ruleIndex].spec
                return .init(
                    rule: spec.id, severity: spec.severity.rawValue, indicator: spec.indicatorID,
                    outcome: finding.outcome.rawValue, subject: finding.subject,
                    location: .init(
                        file: finding.location.file, line: finding.location.line, column: finding.location.column,
                        sheet: finding.location.sheet
                    ),
                    message: finding.message, missingFields: finding.missingFields,
                    recommendation: finding.outcome == .fail ? spec.recommendation?.text(in: language) : nil,
                    references: spec.references,
                    waived: finding.waiver == nil ? nil : true,
                    waiver: finding.waiver,
                    fingerprint: report.fingerprint(finding, in: evaluation),
                    baselineState: report.baselineState(finding, in: evaluation)?.rawValue
                )
            },
            recommendations: recommender.recommendations(levels: levels).map { step($0, digest: digest) },
            plan: recommender.cheapestPlan(levels: levels).map { plan in
                .init(
                    predicate: plan.predicate, minimum: plan.minimum, steps: plan.steps.map { step($0, digest: digest) },
                    effort: plan.effort, index: plan.index
                )
            },
            baseline: digest.baselineDelta.map(comparison)
        )
    }
}

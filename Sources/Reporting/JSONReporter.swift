import Engine
import Foundation

/// Renders the versioned JSON report (`schema_version: 1`), deterministic byte for byte.
public struct JSONReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The report as pretty-printed JSON with sorted keys, ending with a newline.
    public func render(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(model(report))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func model(_ report: Report) -> JSONReport {
        let metadata = report.pack.pack.metadata
        var failed = 0, notEvidenced = 0, passed = 0
        for subject in report.evaluations.flatMap(\.subjects) {
            switch subject.outcome {
            case .fail: failed += 1
            case .notEvidenced: notEvidenced += 1
            case .pass: passed += 1
            case .notApplicable: break
            }
        }
        return JSONReport(
            schemaVersion: JSONReport.schemaVersion,
            tool: .init(name: "spbe", version: report.toolVersion),
            pack: .init(
                id: metadata.id, version: metadata.version, framework: metadata.framework,
                title: metadata.title.text(in: report.language), provisional: metadata.provisional
            ),
            asOf: report.asOf.description,
            failOn: report.failOn?.rawValue,
            inventories: report.evaluations.map { inventory($0, report: report) },
            summary: .init(
                inventories: report.evaluations.count, failed: failed, notEvidenced: notEvidenced, passed: passed,
                blocking: report.blockingFindings
            ),
            waivers: report.waivers.waivers.isEmpty ? nil : report.waiverStatuses.map { waiver, status in
                .init(
                    rule: waiver.ruleID, subject: waiver.subject, opd: waiver.opdID, reason: waiver.reason,
                    approvedBy: waiver.approvedBy, until: waiver.until.description, status: status.rawValue,
                    location: .init(
                        file: waiver.location.file, line: waiver.location.line, column: waiver.location.column, sheet: waiver.location.sheet
                    )
                )
            }
        )
    }

    private func score(_ score: Score) -> JSONReport.Score {
        .init(
            index: score.index,
            indexDisplay: score.index.map(IndexFormatting.twoDecimals),
            predicate: score.predicate,
            domains: score.domains.map { .init(id: $0.id, name: $0.name, weight: $0.weight, index: $0.index) },
            aspects: score.aspects.map { .init(id: $0.id, name: $0.name, weight: $0.weight, index: $0.index) }
        )
    }

    private func inventory(_ evaluation: InventoryEvaluation, report: Report) -> JSONReport.Inventory {
        let pack = report.pack
        let language = report.language
        return JSONReport.Inventory(
            source: evaluation.source,
            opd: .init(id: evaluation.opdID, name: evaluation.opdName),
            simulation: true,
            score: score(evaluation.score),
            scoreWithWaivers: evaluation.scoreWithWaivers.map(score),
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
                    waiver: finding.waiver
                )
            }
        )
    }
}

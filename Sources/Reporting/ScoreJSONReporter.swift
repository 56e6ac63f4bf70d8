import Engine
import Foundation

/// Renders a score breakdown as JSON: `index` (full precision), `predicate`, `domains` (each with its `index`,
/// aspects and indicators), with sorted keys.
public struct ScoreJSONReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    struct Document: Encodable {
        let schemaVersion: Int
        let pack: String
        let framework: String
        let provisional: Bool
        let basis: String
        let label: String
        let index: Double?
        let indexDisplay: String?
        let predicate: String?
        let borderline: Bool
        let borderlineNote: String?
        let officialWeights: Bool
        let missingIndicators: [String]
        let domains: [Domain]
        let assumptions: [Assumption]?
        let before: Before?
    }

    struct Assumption: Encodable {
        let indicator: String
        let fromLevel: Int
        let toLevel: Int
    }

    struct Before: Encodable {
        let index: Double?
        let indexDisplay: String?
        let predicate: String?
    }

    struct Domain: Encodable {
        let id: String
        let name: String
        let weight: Double
        let index: Double?
        let aspects: [Aspect]
    }

    struct Aspect: Encodable {
        let id: String
        let name: String
        let weight: Double
        let index: Double?
        let indicators: [Indicator]
    }

    struct Indicator: Encodable {
        let id: String
        let number: Int?
        let name: String
        let weight: Double
        let level: Int
        let levelName: String?
        let nextLevel: NextLevel?
    }

    struct NextLevel: Encodable {
        let level: Int
        let description: String?
        let state: String?
    }

    /// The breakdown as pretty-printed JSON, ending with a newline.
    public func render(_ report: ScoreReport) -> String {
        (try? SortedJSONEncoder(snakeCaseKeys: true).encode(document(report))) ?? "{}\n"
    }

    /// Several reports (one per pemda) as a JSON array, in their order.
    public func render(_ reports: [ScoreReport]) -> String {
        (try? SortedJSONEncoder(snakeCaseKeys: true).encode(reports.map(document))) ?? "[]\n"
    }

    private func document(_ report: ScoreReport) -> Document {
        let pack = report.pack
        let basis =
            switch report.basis {
            case .opd: "opd"
            case .pemda: "pemda"
            case .selfAssessment: "self_assessment"
            }
        return Document(
            schemaVersion: 1, pack: pack.pack.metadata.id, framework: pack.pack.metadata.framework,
            provisional: pack.pack.metadata.provisional, basis: basis, label: report.label,
            index: report.score.index, indexDisplay: report.score.index.map(IndexFormatting.twoDecimals),
            predicate: report.score.predicate, borderline: report.score.borderlineEdge != nil,
            borderlineNote: report.score.index.flatMap { index in
                report.score.borderlineEdge.map {
                    ReportWords(language: report.language).borderline(index: index, edge: $0)
                }
            },
            officialWeights: !pack.framework.weightsUnknown,
            missingIndicators: report.missing,
            domains: pack.framework.domains.enumerated().map { domainIndex, domain in
                Domain(
                    id: domain.id, name: domain.name, weight: domain.weight,
                    index: report.score.domains[domainIndex].index,
                    aspects: domain.aspects.map { aspect in
                        let aspectIndex = pack.aspects.firstIndex { $0.id == aspect.id }!
                        return Aspect(
                            id: aspect.id, name: aspect.name, weight: aspect.weight,
                            index: report.score.aspects[aspectIndex].index,
                            indicators: pack.indicators.filter { $0.aspectIndex == aspectIndex }.map {
                                indicator($0, report: report)
                            }
                        )
                    }
                )
            },
            assumptions: report.scoreBefore == nil
                ? nil
                : report.assumptions.map {
                    Assumption(indicator: pack.indicators[$0.indicator].spec.id, fromLevel: $0.from, toLevel: $0.to)
                },
            before: report.scoreBefore.map { before in
                Before(
                    index: before.index, indexDisplay: before.index.map(IndexFormatting.twoDecimals),
                    predicate: before.predicate)
            }
        )
    }

    private func indicator(_ indicator: CompiledIndicator, report: ScoreReport) -> Indicator {
        let spec = indicator.spec
        let level = report.levels[indicator.index]
        return Indicator(
            id: spec.id, number: spec.number, name: spec.name, weight: spec.weight, level: level,
            levelName: report.pack.framework.scale(spec.scaleID)?.name(of: level),
            nextLevel: report.nextLevel(of: indicator).map {
                NextLevel(level: $0.level, description: $0.description, state: $0.state?.rawValue)
            }
        )
    }
}

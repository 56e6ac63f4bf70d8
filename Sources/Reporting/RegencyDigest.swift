import Engine
import Packs

/// What every format shows of a pemda: the joint index, a row per OPD (pass rate, weakest indicators, aspect
/// indexes) and the cross-OPD findings with their headline.
struct RegencyDigest {
    let regency: RegencyEvaluation
    let report: Report

    var words: ReportWords { ReportWords(language: report.language) }
    var joint: ReportDigest { ReportDigest(evaluation: regency.pemda, report: report) }

    /// One OPD of the pemda.
    struct Row {
        let evaluation: InventoryEvaluation
        /// Passed subjects among passed and failed ones, 0–1; nil when no rule decided anything.
        let passRate: Double?
        /// Up to three indicators furthest below their target, as `I06 0/3`.
        let weakest: [String]

        /// The OPD's simulated index within its pemda with its predicate (`2.35 Cukup`), or `-`.
        var index: String {
            evaluation.score.index.map {
                IndexFormatting.twoDecimals($0) + (evaluation.score.predicate.map { " \($0)" } ?? "")
            } ?? "-"
        }
    }

    var rows: [Row] {
        regency.members.map { evaluation in
            let passed = evaluation.subjects.filter { $0.outcome == .pass }.count
            let failed = evaluation.subjects.filter { $0.outcome == .fail }.count
            let gaps = report.pack.indicators.compactMap { indicator -> (gap: Int, weight: Double, text: String)? in
                guard let target = indicator.spec.target else { return nil }
                let level = evaluation.indicators[indicator.index].level
                guard level < target else { return nil }
                return (target - level, indicator.spec.weight, "\(indicator.spec.id) \(level)/\(target)")
            }
            let weakest = gaps.enumerated().sorted { lhs, rhs in
                (lhs.element.gap, lhs.element.weight, -lhs.offset) > (rhs.element.gap, rhs.element.weight, -rhs.offset)
            }.prefix(3).map(\.element.text)
            return Row(
                evaluation: evaluation, passRate: passed + failed > 0 ? Double(passed) / Double(passed + failed) : nil,
                weakest: Array(weakest))
        }
    }

    /// An indicator the pemda decides for every OPD, with the pemda's level that each OPD's simulated index takes.
    struct SharedIndicator {
        let id: String
        let name: String
        let level: Int
        let reason: String

        /// `I01 3`.
        var short: String { "\(id) \(level)" }
    }

    /// The pemda-level indicators (`pemda_level:`), in pack order.
    var sharedIndicators: [SharedIndicator] {
        report.pack.indicators.compactMap { indicator in
            indicator.pemdaLevelReason.map { reason in
                SharedIndicator(
                    id: indicator.spec.id, name: indicator.spec.name,
                    level: regency.pemda.indicators[indicator.index].level,
                    reason: reason
                )
            }
        }
    }

    /// The headline of a kind of cross-OPD finding.
    func headline(_ kind: CrossOPDFinding.Kind) -> String {
        switch kind {
        case .duplicateFunction: words.duplicateFunction
        case .notIntegrated: words.notIntegrated
        case .retiredDependency: words.retiredDependency
        }
    }

    /// `SIMASDA Dinkes (Dinas Kesehatan)`.
    func describe(_ subject: CrossOPDFinding.Subject) -> String {
        "\(subject.name) (\(subject.opd))"
    }

    /// `42%`.
    static func percent(_ rate: Double?) -> String {
        rate.flatMap { $0.isFinite ? "\(Int((min(max($0, 0), 1) * 100).rounded()))%" : nil } ?? "-"
    }
}

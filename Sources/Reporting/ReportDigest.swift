import DataModel
import Engine
import Packs

/// What the formats show of one inventory, computed once and worded alike in each: the index line, the
/// recommendations and plan and what a level rise needs, the change since the baseline, and the findings grouped
/// by indicator with their badges.
struct ReportDigest {
    let evaluation: InventoryEvaluation
    let report: Report

    var pack: CompiledPack { report.pack }
    var words: ReportWords { ReportWords(language: report.language) }

    /// `Dinas Kesehatan`, or the file when the OPD has no name.
    var title: String { evaluation.opdName.isEmpty ? evaluation.source : evaluation.opdName }

    /// `1.63 Kurang`, or nil when no index can be computed.
    var index: String? {
        evaluation.score.index.map {
            IndexFormatting.twoDecimals($0) + (evaluation.score.predicate.map { " \($0)" } ?? "")
        }
    }

    /// The note when the index lies within 0.005 of a band edge; nil otherwise.
    var borderlineNote: String? {
        guard let index = evaluation.score.index, let edge = evaluation.score.borderlineEdge else { return nil }
        return words.borderline(index: index, edge: edge)
    }

    /// The same with waived failures counted as passes, when a waiver applies.
    var indexWithWaivers: String? {
        evaluation.scoreWithWaivers?.index.map {
            IndexFormatting.twoDecimals($0) + (evaluation.scoreWithWaivers?.predicate.map { " \($0)" } ?? "")
        }
    }

    /// What changed since the report's baseline.
    struct BaselineDelta {
        /// Findings not in the baseline.
        let new: Int
        /// Findings already in the baseline.
        let unchanged: Int
        /// The baseline's findings of the same OPD that are gone.
        let fixed: [Baseline.Finding]
        /// How much the index moved; nil without an index on either side.
        let indexChange: Double?
    }

    /// What changed since the report's baseline; nil without one.
    var baselineDelta: BaselineDelta? {
        guard let counts = report.baselineCounts(of: evaluation) else { return nil }
        return BaselineDelta(
            new: counts.new, unchanged: counts.unchanged, fixed: counts.fixed,
            indexChange: report.indexChange(of: evaluation))
    }

    /// The top recommendations, ranked.
    var recommendations: [Recommendation] {
        Array(
            Recommender(pack: pack).recommendations(levels: evaluation.indicators.map(\.level)).prefix(
                TextReporter.topRecommendations))
    }

    /// The cheapest plan into the next band.
    var plan: PredicatePlan? { Recommender(pack: pack).cheapestPlan(levels: evaluation.indicators.map(\.level)) }

    /// What the level a recommendation or plan step reaches (`toLevel`) needs, in the report's language: the one
    /// definition every format uses.
    func needs(_ item: Recommendation) -> String? {
        pack.indicators[item.indicatorIndex].spec.levels.first { $0.level == item.toLevel }?.description?.text(
            in: report.language)
    }

    /// `I42 2→5, I44 0→3`.
    func steps(_ plan: PredicatePlan) -> String {
        plan.steps.map { "\(pack.indicators[$0.indicatorIndex].spec.id) \($0.fromLevel)→\($0.toLevel)" }.joined(
            separator: ", ")
    }

    /// Findings by the position of their rule's indicator; -1 for rules without an indicator.
    var findingsByIndicatorIndex: [Int: [SubjectResult]] {
        Dictionary(grouping: evaluation.findings) { pack.rules[$0.ruleIndex].indicatorIndex ?? -1 }
    }

    /// Findings grouped by indicator, in pack order; rules without an indicator last.
    var findingsByIndicator: [(indicator: CompiledIndicator?, findings: [SubjectResult])] {
        let grouped = findingsByIndicatorIndex
        var result: [(CompiledIndicator?, [SubjectResult])] = pack.indicators.compactMap { indicator in
            grouped[indicator.index].map { (indicator, $0) }
        }
        if let other = grouped[-1] { result.append((nil, other)) }
        return result
    }

    /// A finding's badge in words of the report's language, for readers that cannot rely on colour: the waived
    /// word, the severity (`TINGGI`) for a failure, `BELUM TERBUKTI` when not evidenced.
    func badgeWords(_ finding: SubjectResult) -> String {
        if finding.waiver != nil { return words.waived }
        return finding.outcome == .fail
            ? words.severity(pack.rules[finding.ruleIndex].spec.severity) : words.notEvidencedBadge
    }

    /// What to do about a failure no waiver accepts (its rule's recommendation), in the report's language.
    func todo(_ finding: SubjectResult) -> String? {
        guard finding.outcome == .fail, finding.waiver == nil else { return nil }
        return pack.rules[finding.ruleIndex].spec.recommendation?.text(in: report.language)
    }

    /// The level name of an indicator's level.
    func levelName(_ indicator: CompiledIndicator) -> String {
        pack.framework.scale(indicator.spec.scaleID)?.name(of: evaluation.indicators[indicator.index].level) ?? "-"
    }
}

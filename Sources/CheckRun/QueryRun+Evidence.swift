import Engine
import Reporting

extension QueryRun {
    /// The supporting-evidence checklist of the inventories of `paths` taken together (a single OPD's, or a
    /// pemda's): for the level each indicator reaches and the next one, the evidence the pack lists, present or
    /// missing.
    public func evidence(_ paths: [String]) -> Answer<EvidenceReport> {
        var log = DiagnosticLog()
        let evaluator = Evaluator(pack: pack, asOf: asOf, language: language, budget: budget)
        guard
            let (inventory, evaluation) = combined(
                paths, source: paths.joined(separator: " "), evaluator: evaluator, log: &log)
        else { return Answer(value: nil, diagnostics: log) }
        let items = EvidenceFinder(pack: pack, asOf: asOf, language: language, budget: budget).evidence(
            inventory, evaluation: evaluation)
        let title = evaluation.opdName.isEmpty ? inventory.source : evaluation.opdName
        let report = EvidenceReport(pack: pack, title: title, asOf: asOf, indicators: items, language: language)
        return Answer(value: report, diagnostics: log)
    }
}

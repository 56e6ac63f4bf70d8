import Engine

extension QueryRun {
    /// How `target` evaluates on the inventory at `path` (a file, or a CSV folder), sub-expression by
    /// sub-expression, for the subject `subject` (a record id) or every subject in scope when nil.
    public func explain(_ target: ExplainTarget, subject: String?, in path: String) -> Answer<[ExplainedSubject]> {
        var log = DiagnosticLog()
        let evaluator = Evaluator(pack: pack, asOf: asOf, language: language, budget: budget)
        guard let (inventory, evaluation) = combined([path], source: path, evaluator: evaluator, log: &log) else {
            return Answer(value: nil, diagnostics: log)
        }
        switch PackExplainer(pack: pack, asOf: asOf).explain(
            target, subject: subject, inventory: inventory, evaluation: evaluation)
        {
        case .failure(let list):
            log.append(list.diagnostics)
            return Answer(value: nil, diagnostics: log)
        case .success(let subjects):
            return Answer(value: subjects, diagnostics: log)
        }
    }
}

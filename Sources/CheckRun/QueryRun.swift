import DataModel
import Diagnostics
import Engine
import Inventories
import Spreadsheets

/// The runs that answer one question about a set of inventories taken together, for any front end: the index
/// estimate (`score`), the supporting-evidence checklist (`evidence`) and the explanation of a rule, a level or
/// an expression (`explain`). Each returns its answer with the diagnostics met on the way; none prints, exits or
/// reads globals: the command line prints the answer, a web route would encode it.
public struct QueryRun: Sendable {
    /// The compiled pack, its names in `language` where it gives them.
    public let pack: CompiledPack
    /// Reads inventories of every format against the pack's schema.
    public let reader: InventoryReader
    /// The evaluation date used by date rules.
    public let asOf: Day
    /// The language of report words and pack texts: `id` or `en`.
    public let language: String
    /// Cost budgets of one rule on one inventory and of the whole run.
    public let budget: EvaluationBudget
    /// The most inventory files taken from the folders given.
    public let maxFiles: Int

    /// Creates a run of `pack`, reading inventories with `reader`.
    public init(
        pack: CompiledPack, reader: InventoryReader, asOf: Day, language: String = "id",
        budget: EvaluationBudget = .default, maxFiles: Int = InventoryDiscovery.defaultMaxFiles
    ) {
        self.pack = pack.localized(to: language)
        self.reader = reader
        self.asOf = asOf
        self.language = language
        self.budget = budget
        self.maxFiles = maxFiles
    }

    /// What a run came to: its answer, nil when an input could not be used (the diagnostics say why), and the
    /// diagnostics in the order they arose.
    public struct Answer<Value: Sendable>: Sendable {
        /// The answer; nil after an error in the inputs (a path, an inventory, a budget, a target).
        public let value: Value?
        /// The diagnostics met, with the texts they point into.
        public let diagnostics: DiagnosticLog
    }

    /// The inventories of `paths` taken as one (a single OPD's, or a pemda's from the evidence of all of them)
    /// and its evaluation by `evaluator`; nil, with the diagnostics added to `log`, when a path or an inventory
    /// could not be used, the inventories belong to several pemdas, or the evaluation goes over a cost budget.
    func combined(
        _ paths: [String], source: String, evaluator: Evaluator, log: inout DiagnosticLog
    ) -> (inventory: InventoryData, evaluation: InventoryEvaluation)? {
        let inputs = InventoryInputs.load(paths, reader: reader, maxFiles: maxFiles) { log.append($0, sources: $1) }
        let inventory = inputs.combined(schema: pack.schema, source: source) { log.append($0, sources: $1) }
        guard !inputs.failed, let inventory else { return nil }
        guard let evaluation = evaluate(inventory, with: evaluator, log: &log) else { return nil }
        return (inventory, evaluation)
    }

    /// The evaluation of `inventory`; nil, with the error (naming the rule and its position in the pack) added
    /// to `log`, when a rule or the run goes over its cost budget.
    func evaluate(_ inventory: InventoryData, with evaluator: Evaluator, log: inout DiagnosticLog)
        -> InventoryEvaluation?
    {
        do throws(CostExceeded) {
            return try evaluator.evaluate(inventory)
        } catch {
            log.append([error.diagnostic])
            return nil
        }
    }
}

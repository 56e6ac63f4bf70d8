import DataModel
import Diagnostics
import Expressions

/// Finds what a not-evidenced result lacks when its subject's own fields are all filled in: the fields of other
/// records (a document met in a `where:`, the OPD header) whose emptiness left its filter or condition unknown.
///
/// It explains the undecided expression as `spbe explain` does, so it runs only when a report asks for the
/// missing data of such a result, never for a pass or a failure.
struct MissingDataFinder: Sendable {
    private let pack: CompiledPack
    private let asOf: Day
    private let ruleIDs: [String: Int]

    init(pack: CompiledPack, asOf: Day) {
        self.pack = pack
        self.asOf = asOf
        ruleIDs = Dictionary(
            pack.rules.flatMap { rule in rule.spec.names.map { ($0, rule.index) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The empty fields that left `result` undecided, read in `inventory` with the run's rule `verdicts`.
    func missingFields(of result: SubjectResult, in inventory: InventoryData, verdicts: [Value]) -> [MissingField] {
        let rule = pack.rules[result.ruleIndex]
        guard let source = result.undecidedFilter ? rule.spec.filter : rule.spec.require else { return [] }
        let subjectType = rule.collectionSlot.map { pack.schema.collections[$0] }
        let environment = ExpressionEnvironment(schema: pack.schema, subject: subjectType, ruleIDs: ruleIDs)
        let context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count)
        context.ruleVerdicts = verdicts
        context.inventory = inventory
        context.subject = subjectType == nil ? nil : result.record
        defer {
            context.inventory = nil
            context.subject = nil
        }
        var bag = DiagnosticBag()
        return ExpressionExplainer.explain(
            source.text, map: source.map, environment: environment, context: context, diagnostics: &bag
        )?.missingFields ?? []
    }
}

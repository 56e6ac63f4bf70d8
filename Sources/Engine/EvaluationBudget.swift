/// How much work evaluation may do, in cost units (see `EvaluationContext.spend`: one unit per element a
/// quantifier visits, per record a projection reads, per list element `in` compares, per character `matches`
/// searches, and per evaluation of an expression), so that no pack can make a run go on for ever.
///
/// The rule budget bounds one rule (its filter and condition over all its subjects) or one indicator
/// (all its levels) on one inventory; the run budget bounds everything a run evaluates. Pack compilation also
/// rejects a rule or level whose static estimate (`CompiledExpression.cost`) is over the rule budget.
public struct EvaluationBudget: Sendable, Hashable {
    /// Most units one rule or indicator may spend on one inventory.
    public var perRule: Int
    /// Most units all evaluation in one run may spend together.
    public var perRun: Int
    /// Most findings (failures and not-evidenced results) one inventory may have: what a report holds of an
    /// inventory grows with them, so this bounds its memory and size whatever the inventory's size.
    public var findingsPerInventory: Int

    /// Creates a budget.
    public init(perRule: Int, perRun: Int, findingsPerInventory: Int = EvaluationBudget.defaultFindingsPerInventory) {
        self.perRule = perRule
        self.perRun = perRun
        self.findingsPerInventory = findingsPerInventory
    }

    /// 50,000 findings per inventory: a hundred times what the largest OPD inventories of the examples give, and
    /// about half a gigabyte for the largest report format to hold.
    public static let defaultFindingsPerInventory = 50_000

    /// 10,000,000 units per rule (about a second of the slowest rule on a small machine), 1,000,000,000 per run,
    /// 50,000 findings per inventory.
    public static let `default` = EvaluationBudget(perRule: 10_000_000, perRun: 1_000_000_000)

    /// No bound, for callers that bound their input some other way.
    public static let unlimited = EvaluationBudget(perRule: .max, perRun: .max, findingsPerInventory: .max)
}

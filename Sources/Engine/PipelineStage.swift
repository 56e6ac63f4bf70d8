/// The stages of a check, named once, in the order they run, each with what it needs from the stages before it
/// (as OPA's compiler lists its stages in `compile.go`). `PackCompiler` runs its stages from this list;
/// `spbe-bench` names its measurements from it, and so should any timing output.
public enum PipelineStage: Int, CaseIterable, Sendable, Comparable {
    /// Read the pack's YAML files and those of its bases (`extends`), compose them and validate the result
    /// (`PackLoader`). Needs nothing.
    case loadPack
    /// Type-check and compile each rule's filter, condition and message against the schema. After `loadPack`:
    /// needs the schema and every rule's and indicator's id (for `passes('X')` and `indicator:`).
    case compileRules
    /// Refuse a rule whose static cost estimate is over the budget of one rule. After `compileRules`: needs
    /// each filter's and condition's cost.
    case checkRuleCosts
    /// Compile each indicator's level criteria and its rules' evidence. After `compileRules`: needs the
    /// compiled rules.
    case compileIndicators
    /// Refuse a level criterion whose static cost estimate is over the budget. After `compileIndicators`.
    case checkLevelCosts
    /// Order the rules so that a rule using `passes('X')` runs after X, and refuse cycles. After
    /// `compileRules`: needs each rule's `referencedRules`.
    case orderRules
    /// Read an inventory in any format and type its values (`InventoryReader`). After `loadPack`: needs the
    /// schema only, so it runs on the workers while nothing else is shared.
    case readInventory
    /// Evaluate the rules in order and the indicators' level criteria (`Evaluator`). After `orderRules` and
    /// `readInventory`.
    case evaluate
    /// Work out the index and its breakdown from the levels (`Scorer`). After `evaluate`.
    case score
    /// Render the report's part of one inventory (`Reporting`). After `score`.
    case render

    /// The stages `PackCompiler` runs, in order.
    public static let compilation: [PipelineStage] = [
        .compileRules, .checkRuleCosts, .compileIndicators, .checkLevelCosts, .orderRules,
    ]

    /// The stage's short name, used in timing output: `compile rules`, `parse`, `evaluate`.
    public var name: String {
        switch self {
        case .loadPack: "load pack"
        case .compileRules: "compile rules"
        case .checkRuleCosts: "check rule costs"
        case .compileIndicators: "compile indicators"
        case .checkLevelCosts: "check level costs"
        case .orderRules: "order rules"
        case .readInventory: "parse"
        case .evaluate: "evaluate"
        case .score: "score"
        case .render: "render"
        }
    }

    public static func < (lhs: PipelineStage, rhs: PipelineStage) -> Bool { lhs.rawValue < rhs.rawValue }
}

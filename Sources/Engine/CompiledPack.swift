import DataModel
import Diagnostics
import Expressions
import Packs

/// A rule compiled against the pack's schema: the subject collection resolved to a slot, expressions to closures.
/// A class: the evaluator reads it for every inventory, and a reference costs one retain where a copy of the
/// rule as written would cost one per field.
public final class CompiledRule: Sendable {
    /// The rule as written.
    public let spec: RuleSpec
    /// Position in `CompiledPack.rules` (and in `EvaluationContext.ruleVerdicts`).
    public let index: Int
    /// Slot of the subject collection; nil for a rule about the OPD itself.
    public let collectionSlot: Int?
    /// Scope filter, if any.
    public let filter: CompiledExpression?
    /// The subjects the filter can be other than false for, when its first conjunct says: the others are out of
    /// scope without it being run.
    public let filterScope: FilterScope?
    /// Condition each subject in scope must satisfy.
    public let condition: CompiledExpression
    /// Failure messages by language.
    public let messages: [String: MessageTemplate]
    /// Position of the rule's indicator in `CompiledPack.indicators`.
    public let indicatorIndex: Int?

    init(
        spec: RuleSpec, index: Int, collectionSlot: Int?, filter: CompiledExpression?, filterScope: FilterScope?,
        condition: CompiledExpression, messages: [String: MessageTemplate], indicatorIndex: Int?
    ) {
        self.spec = spec
        self.index = index
        self.collectionSlot = collectionSlot
        self.filter = filter
        self.filterScope = filterScope
        self.condition = condition
        self.messages = messages
        self.indicatorIndex = indicatorIndex
    }
}

/// An indicator compiled against the pack's schema (a class, like `CompiledRule`).
public final class CompiledIndicator: Sendable {
    /// The indicator as written.
    public let spec: IndicatorSpec
    /// Position in `CompiledPack.indicators`.
    public let index: Int
    /// Level conditions in level order (index 0 is level 1); nil where a level has no condition.
    public let levels: [CompiledExpression?]
    /// Position of the aspect in `CompiledPack.aspects`.
    public let aspectIndex: Int
    /// Position of the domain in `CompiledPack.framework.domains`.
    public let domainIndex: Int
    /// Where an overrun of its cost budget is reported: its first level condition, or the indicator.
    public let budgetLocation: SourceLocation
    /// Its scale's lowest level (the floor): its level when no level's criteria hold (1 under PermenPANRB 59/2020,
    /// 0 under 5/2018).
    public let lowestLevel: Int
    /// Its scale's highest level (5).
    public let highestLevel: Int
    /// Why the pemda decides it for all its OPDs, when the framework lists it under `pemda_level`; nil otherwise.
    public let pemdaLevelReason: String?

    init(
        spec: IndicatorSpec, index: Int, levels: [CompiledExpression?], aspectIndex: Int, domainIndex: Int,
        lowestLevel: Int, highestLevel: Int, pemdaLevelReason: String?
    ) {
        self.spec = spec
        self.index = index
        self.levels = levels
        self.aspectIndex = aspectIndex
        self.domainIndex = domainIndex
        self.lowestLevel = lowestLevel
        self.highestLevel = highestLevel
        self.pemdaLevelReason = pemdaLevelReason
        budgetLocation = spec.levels.lazy.compactMap(\.require).first?.location ?? spec.location
    }
}

/// A pack ready to evaluate: every expression checked and compiled, every reference resolved to an index.
public struct CompiledPack: Sendable {
    /// The pack as loaded.
    public let pack: RulePack
    /// Rules in declaration order.
    public let rules: [CompiledRule]
    /// Order in which rules run so that `passes('X')` sees X's verdict.
    public let evaluationOrder: [Int]
    /// Indicators in declaration order.
    public let indicators: [CompiledIndicator]
    /// Every aspect, in framework order.
    public let aspects: [Aspect]
    /// The record lookups the pack's quantifiers use; every evaluation context of the pack is made with them.
    public let lookups: LookupPlan

    /// Whether `evaluationOrder` is declaration order (no rule runs before one declared earlier).
    var evaluatesInRuleOrder: Bool { evaluationOrder.elementsEqual(rules.indices) }
    /// The framework (domains, weights, predicates).
    public var framework: Framework { pack.framework }
    /// The inventory schema.
    public var schema: InventorySchema { pack.schema }
}

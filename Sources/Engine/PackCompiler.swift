import DataModel
import Diagnostics
import Expressions
import Foundation
import Packs

/// Compiles a loaded pack: type-checks every rule, level criterion and message template against the schema.
///
/// Reports every error of every expression in one run.
public enum PackCompiler {
    /// The compiled pack (nil on any error) and all diagnostics. A rule or level whose static cost estimate is
    /// over `budget.perRule` is an error: it would be stopped on inventories of ordinary size anyway.
    public static func compile(
        _ pack: RulePack, budget: EvaluationBudget = .default
    ) -> (pack: CompiledPack?, diagnostics: [Diagnostic]) {
        let result = compileAll(pack, budget: budget)
        return (result.pack, result.diagnostics)
    }

    /// Compiles as much of `pack` as compiles, for tools that report every mistake in one run: `pack` may be the
    /// partial pack of a load with errors, and diagnostics that `gaps` explains (an unknown field when the schema
    /// did not load) are left out. `partial` holds the rules and indicators that compiled; `complete` says whether
    /// that is all of them.
    public static func compileAll(
        _ pack: RulePack, budget: EvaluationBudget = .default, gaps: PackGaps = .none
    ) -> (pack: CompiledPack?, partial: CompiledPack, complete: Bool, diagnostics: [Diagnostic]) {
        var compilation = Compilation(pack: pack, budget: budget)
        for stage in PipelineStage.compilation { run(stage, &compilation) }
        let diagnostics = compilation.bag.diagnostics.filter { !gaps.explains($0) }
        let compiled = CompiledPack(
            pack: pack, rules: compilation.rules, evaluationOrder: compilation.order,
            indicators: compilation.indicators,
            aspects: pack.framework.aspects, lookups: compilation.lookups
        )
        let complete =
            compilation.rules.count == pack.rules.count && compilation.indicators.count == pack.indicators.count
        guard !compilation.bag.hasErrors, complete, gaps.isEmpty else {
            return (nil, compiled, complete && gaps.isEmpty, diagnostics)
        }
        return (compiled, compiled, true, diagnostics)
    }

    /// What the stages of one compilation share, filled in stage by stage.
    private struct Compilation {
        let pack: RulePack
        let budget: EvaluationBudget
        let ruleIDs: [String: Int]
        let indicatorIndex: [String: Int]
        var bag = DiagnosticBag()
        var lookups = LookupPlan()
        /// Set by `compileRules`.
        var rules: [CompiledRule] = []
        /// Set by `compileIndicators`.
        var indicators: [CompiledIndicator] = []
        /// Set by `orderRules`.
        var order: [Int] = []

        init(pack: RulePack, budget: EvaluationBudget) {
            self.pack = pack
            self.budget = budget
            // `passes('X')` may name a rule by an id it had before it was renamed.
            ruleIDs = Dictionary(
                pack.rules.enumerated().flatMap { index, rule in rule.names.map { ($0, index) } },
                uniquingKeysWith: { first, _ in first }
            )
            indicatorIndex = Dictionary(
                pack.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Runs one compilation stage (see `PipelineStage` for what each needs from those before it).
    private static func run(_ stage: PipelineStage, _ c: inout Compilation) {
        switch stage {
        case .compileRules:
            c.rules = c.pack.rules.enumerated().compactMap { index, spec in
                compileRule(
                    spec, index: index, pack: c.pack, ruleIDs: c.ruleIDs, indicatorIndex: c.indicatorIndex,
                    lookups: &c.lookups,
                    bag: &c.bag
                )
            }
        case .checkRuleCosts:
            for rule in c.rules {
                let perSubject = [rule.filter, rule.condition].compactMap { $0?.cost }.reduce(0) {
                    $0 > Int.max - $1 ? Int.max : $0 + $1
                }
                // A rule with 'each:' runs its filter and condition once per subject: the loop weighs like a
                // quantifier's, a tenth of that when its filter starts with a field compared with constants, which a
                // lookup table answers for all subjects at once (the condition then runs only on the matching ones).
                let narrowed =
                    rule.filterScope != nil || rule.spec.filter.map { startsWithConstantComparison($0.text) } ?? false
                let loopWeight = narrowed ? CostEstimator.quantifierWeight / 10 : CostEstimator.quantifierWeight
                let (looped, overflow) = perSubject.multipliedReportingOverflow(by: loopWeight)
                let estimate = rule.spec.each == nil ? perSubject : (overflow ? Int.max : looped)
                checkCost(
                    estimate, of: "rule \(rule.spec.id)", at: rule.spec.require.location, budget: c.budget, bag: &c.bag)
            }
        case .compileIndicators:
            c.indicators = c.pack.indicators.enumerated().compactMap { index, spec in
                compileIndicator(
                    spec, index: index, pack: c.pack, rules: c.rules, ruleIDs: c.ruleIDs,
                    aspects: c.pack.framework.aspects,
                    lookups: &c.lookups, bag: &c.bag
                )
            }
        case .checkLevelCosts:
            for indicator in c.indicators {
                for (level, criterion) in indicator.levels.enumerated() {
                    guard let criterion, let source = indicator.spec.levels[level].require else { continue }
                    checkCost(
                        criterion.cost, of: "level \(level + 1) of indicator \(indicator.spec.id)", at: source.location,
                        budget: c.budget, bag: &c.bag
                    )
                }
            }
        case .orderRules:
            c.order = evaluationOrder(c.rules, bag: &c.bag)
        case .loadPack, .readInventory, .evaluate, .score, .render:
            preconditionFailure("\(stage.name) is not a stage of compilation")
        }
    }

    private static func compileRule(
        _ spec: RuleSpec, index: Int, pack: RulePack, ruleIDs: [String: Int], indicatorIndex: [String: Int],
        lookups: inout LookupPlan, bag: inout DiagnosticBag
    ) -> CompiledRule? {
        var subject: RecordSchema?
        var slot: Int?
        if let each = spec.each {
            guard let collectionSlot = pack.schema.collectionSlot(of: each) else { return nil }
            slot = collectionSlot
            subject = pack.schema.collections[collectionSlot]
        }
        let environment = ExpressionEnvironment(schema: pack.schema, subject: subject, ruleIDs: ruleIDs)
        var filter: (filter: CompiledExpression, scope: FilterScope?)?
        var filterFailed = false
        if let source = spec.filter {
            filter = ExpressionCompiler.compileFilter(
                source.text, map: source.map, environment: environment, lookups: &lookups, diagnostics: &bag
            )
            filterFailed = filter == nil
        }
        let condition = ExpressionCompiler.compile(
            spec.require.text, map: spec.require.map, environment: environment, lookups: &lookups, diagnostics: &bag
        )
        var messages: [String: MessageTemplate] = [:]
        for (language, source) in spec.message?.translations ?? [:] {
            if let template = MessageTemplate.compile(
                source.text, map: source.map, environment: environment, diagnostics: &bag)
            {
                messages[language] = template
            }
        }
        guard let condition, !filterFailed else { return nil }
        return CompiledRule(
            spec: spec, index: index, collectionSlot: slot, filter: filter?.filter, filterScope: filter?.scope,
            condition: condition,
            messages: messages, indicatorIndex: spec.indicatorID.flatMap { indicatorIndex[$0] }
        )
    }

    private static func compileIndicator(
        _ spec: IndicatorSpec, index: Int, pack: RulePack, rules: [CompiledRule], ruleIDs: [String: Int],
        aspects: [Aspect], lookups: inout LookupPlan, bag: inout DiagnosticBag
    ) -> CompiledIndicator? {
        guard let aspectIndex = aspects.firstIndex(where: { $0.id == spec.aspectID }),
            let domainIndex = pack.framework.domains.firstIndex(where: { $0.id == aspects[aspectIndex].domainID })
        else { return nil }
        let environment = ExpressionEnvironment(schema: pack.schema, subject: nil, ruleIDs: ruleIDs)
        var levels: [CompiledExpression?] = []
        var failed = false
        for level in spec.levels {
            guard let source = level.require else {
                levels.append(nil)
                continue
            }
            let compiled = ExpressionCompiler.compile(
                source.text, map: source.map, environment: environment, lookups: &lookups, diagnostics: &bag
            )
            if compiled == nil { failed = true }
            levels.append(compiled)
        }
        guard !failed else { return nil }
        let scale = pack.framework.scale(spec.scaleID)
        return CompiledIndicator(
            spec: spec, index: index, levels: levels, aspectIndex: aspectIndex, domainIndex: domainIndex,
            lowestLevel: scale?.lowestLevel ?? 1, highestLevel: scale?.highestLevel ?? 5,
            pemdaLevelReason: pack.framework.pemdaLevel.first { $0.indicatorID == spec.id }?.reason
        )
    }

    /// Whether a filter starts with a field compared with a constant (`kind == "renja" and …`, `type in [...]`):
    /// then only the subjects of one kind are in scope, which the cost estimate of the `each:` loop allows for.
    static func startsWithConstantComparison(_ filter: String) -> Bool {
        filter.range(of: #"^\s*[A-Za-z_][A-Za-z0-9_]*\s*(==\s*("[^"]*"|[0-9]+)|in\s*\[)"#, options: .regularExpression)
            != nil
    }

    private static func checkCost(
        _ estimate: Int, of subject: String, at location: SourceLocation, budget: EvaluationBudget,
        bag: inout DiagnosticBag
    ) {
        guard estimate > budget.perRule else { return }
        bag.error(
            "pack.cost_budget",
            "the estimated evaluation cost of \(subject), \(IntegerFormatting.grouped(estimate)) units, is over the budget of \(IntegerFormatting.grouped(budget.perRule)) per rule",
            at: location,
            suggestion:
                "each nested quantifier multiplies the cost by the size of its collection (estimated at \(CostEstimator.quantifierWeight)); nest fewer, or raise the budget with --max-cost"
        )
    }

    /// Declaration order, except that a rule using `passes('X')` runs after X; a cycle is an error.
    private static func evaluationOrder(_ rules: [CompiledRule], bag: inout DiagnosticBag) -> [Int] {
        let index = Dictionary(rules.map { ($0.spec.id, $0.index) }, uniquingKeysWith: { first, _ in first })
        var state = [Int: Bool]()  // false: in progress, true: done
        var order: [Int] = []
        var byIndex: [Int: CompiledRule] = [:]
        for rule in rules { byIndex[rule.index] = rule }
        func visit(_ ruleIndex: Int, path: [String]) {
            if state[ruleIndex] == true { return }
            guard let rule = byIndex[ruleIndex] else { return }
            if state[ruleIndex] == false {
                bag.error(
                    "pack.rule_cycle",
                    "rules depend on each other through passes(): \((path + [rule.spec.id]).joined(separator: " → "))",
                    at: rule.spec.require.location
                )
                return
            }
            state[ruleIndex] = false
            let dependencies = rule.condition.referencedRules.union(rule.filter?.referencedRules ?? [])
            for dependency in dependencies.sorted() {
                if let target = index[dependency] { visit(target, path: path + [rule.spec.id]) }
            }
            state[ruleIndex] = true
            order.append(ruleIndex)
        }
        for rule in rules { visit(rule.index, path: []) }
        return order
    }
}

import DataModel
import Diagnostics
import Expressions

/// Runs a compiled pack over inventories. One evaluator per worker: it reuses its evaluation context.
public final class Evaluator {
    /// The pack it runs.
    public let pack: CompiledPack
    /// Language of rendered messages (`id` or `en`).
    public let language: String
    /// Accepted exceptions; a waived failure stays a failure, marked with its waiver.
    public let waivers: WaiverSet
    /// How much work one rule or indicator may do on one inventory (`perRule`); `perRun` sizes the run's meter
    /// when none is given.
    public let budget: EvaluationBudget
    /// The run's account, shared with the other workers of the run.
    public let meter: CostMeter
    private let asOf: Day
    private let context: EvaluationContext
    /// How the results word their messages, when a report asks for them.
    private let wording: RuleWording
    /// Per rule its filter (one that always holds when it has none) and condition, per indicator its level
    /// criteria: this evaluator's own closures (see `CompiledExpression.truthFunction`).
    private let filters: [Criterion], conditions: [Criterion], criteria: [[Criterion?]]
    /// Per rule, its place among the rules whose filters are written alike over one collection
    /// (`sharedFilters(of:)`); nil for a rule whose filter is its own.
    private let sharedFilter: [Int?]
    /// The filter results of the current inventory, by group: the first rule of a group to run records them,
    /// the others read them.
    private var sharedFilterResults: [[Bool?]?]

    /// Creates an evaluator; `asOf` is the evaluation date used by `as_of`, `years_since` and friends, and the
    /// day waivers are checked against. Evaluators of one run share `meter`; without one, this evaluator's
    /// evaluations are a run of their own.
    public init(
        pack: CompiledPack, asOf: Day, language: String = "id", waivers: WaiverSet = .none,
        budget: EvaluationBudget = .default, meter: CostMeter? = nil
    ) {
        self.pack = pack
        self.language = language
        self.waivers = waivers
        self.budget = budget
        self.meter = meter ?? CostMeter(limit: budget.perRun)
        self.asOf = asOf
        context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count, lookups: pack.lookups)
        wording = RuleWording.shared(pack: pack, language: language, asOf: asOf)
        filters = pack.rules.map { $0.filter.map(Criterion.init) ?? .always }
        conditions = pack.rules.map { Criterion($0.condition) }
        criteria = pack.indicators.map { $0.levels.map { $0.map(Criterion.init) } }
        sharedFilter = Self.sharedFilters(of: pack.rules)
        sharedFilterResults = Array(repeating: nil, count: (sharedFilter.compactMap { $0 }.max() ?? -1) + 1)
    }

    /// Per rule, the group of rules over the same collection whose filters have the same text (so the same
    /// results, evaluated at any point of the run), when there are several; nil otherwise. A filter that reads
    /// rule verdicts (`passes`) is left alone: a verdict can change between two rules.
    private static func sharedFilters(of rules: [CompiledRule]) -> [Int?] {
        struct Key: Hashable {
            let collection: Int
            let filter: String
        }
        func key(_ rule: CompiledRule) -> Key? {
            guard let collection = rule.collectionSlot, let filter = rule.filter, filter.referencedRules.isEmpty,
                let text = rule.spec.filter?.text
            else { return nil }
            return Key(collection: collection, filter: text)
        }
        var counts: [Key: Int] = [:]
        for rule in rules { if let key = key(rule) { counts[key, default: 0] += 1 } }
        var groups: [Key: Int] = [:]
        return rules.map { rule in
            guard let key = key(rule), counts[key, default: 0] > 1 else { return nil }
            if let group = groups[key] { return group }
            groups[key] = groups.count
            return groups.count - 1
        }
    }

    /// Evaluates every rule and indicator over one inventory; throws when a rule or an indicator goes over its
    /// cost budget, or the run over its own.
    public func evaluate(_ inventory: InventoryData) throws(CostExceeded) -> InventoryEvaluation {
        context.inventory = inventory
        defer {
            context.inventory = nil
            context.subject = nil
        }
        for group in sharedFilterResults.indices { sharedFilterResults[group] = nil }
        var entries: [SubjectResults.Entry] = []
        entries.reserveCapacity(
            pack.rules.reduce(0) { $0 + ($1.collectionSlot.map { inventory.collections[$0].count } ?? 1) })
        // Perf: specialized allocations, three per inventory (spbe-bench: evaluate); see `Array(filledWith:count:)`.
        context.ruleVerdicts = [Value](filledWith: .null, count: pack.rules.count)
        var summaries = [RuleSummary?](filledWith: nil, count: pack.rules.count)
        var ranges = [Range<Int>](filledWith: 0..<0, count: pack.rules.count)
        var findings = 0
        for ruleIndex in pack.evaluationOrder {
            let rule = pack.rules[ruleIndex]
            let start = entries.count
            let summary = try metered("rule \(rule.spec.id)", at: rule.spec.require.location, on: inventory) {
                evaluate(rule, on: inventory, into: &entries)
            }
            findings += entries[start...].count { $0.outcome == .fail || $0.outcome == .notEvidenced }
            guard findings <= budget.findingsPerInventory else {
                throw CostExceeded(
                    budget: .findings, limit: budget.findingsPerInventory, subject: "rule \(rule.spec.id)",
                    inventory: inventory.source, location: nil
                )
            }
            ranges[ruleIndex] = start..<entries.count
            summaries[ruleIndex] = summary
            context.ruleVerdicts[ruleIndex] = summary.verdict
        }
        if !pack.evaluatesInRuleOrder { entries = ranges.flatMap { entries[$0] } }
        context.subject = nil
        var subjects = SubjectResults(
            entries: entries, inventory: inventory,
            wording: FindingWording(rules: wording, inventory: inventory, verdicts: context.ruleVerdicts)
        )
        let opdID = field("id", of: inventory.header)
        let pemda = PemdaIdentity(header: inventory.header, schema: pack.schema)
        let matched = applyWaivers(to: &subjects, opdID: opdID, pemda: pemda)
        let indicators = try evaluateIndicators(on: inventory)
        let scorer = Scorer(pack: pack)
        var levelsWithWaivers: [Int]?
        // Only a waiver that matched can have marked a failure; without one the results are not walked again.
        if !matched.isEmpty, subjects.hasWaivedFailure {
            context.ruleVerdicts = verdictsWithWaivers(subjects)
            levelsWithWaivers = try evaluateIndicators(on: inventory).map(\.level)
        }
        return InventoryEvaluation(
            source: inventory.source,
            opdID: opdID,
            opdName: field("name", of: inventory.header),
            pemda: pemda,
            subjects: subjects,
            rules: summaries.compactMap { $0 },
            indicators: indicators,
            score: scorer.score(levels: indicators.map(\.level)),
            scoreWithWaivers: levelsWithWaivers.map { scorer.score(levels: $0) },
            levelsWithWaivers: levelsWithWaivers,
            matchedWaivers: matched
        )
    }

    private func evaluateIndicators(on inventory: InventoryData) throws(CostExceeded) -> [IndicatorResult] {
        var results: [IndicatorResult] = []
        results.reserveCapacity(pack.indicators.count)
        for indicator in pack.indicators {
            results.append(
                try metered("indicator \(indicator.spec.id)", at: indicator.budgetLocation, on: inventory) {
                    evaluate(indicator)
                })
        }
        return results
    }

    /// Runs `body` on a fresh cost account of the rule budget (less when the run has less left), settles it
    /// with the run's meter, and throws when the account ran out.
    private func metered<Result>(
        _ subject: @autoclosure () -> String, at location: SourceLocation?, on inventory: InventoryData,
        _ body: () -> Result
    ) throws(CostExceeded) -> Result {
        let runRemaining = meter.remaining
        let ruleBound = budget.perRule <= runRemaining
        context.resetCost(limit: ruleBound ? budget.perRule : runRemaining)
        let result = body()
        meter.charge(context.costSpent)
        guard !context.costExceeded else {
            throw CostExceeded(
                budget: ruleBound ? .rule : .run, limit: ruleBound ? budget.perRule : meter.limit, subject: subject(),
                inventory: inventory.source, location: location
            )
        }
        return result
    }

    /// Marks failures accepted by an active waiver; returns the positions of every waiver that matched a subject.
    private func applyWaivers(to subjects: inout SubjectResults, opdID: String, pemda: PemdaIdentity) -> [Int] {
        guard !waivers.waivers.isEmpty else { return [] }
        var matched = Set<Int>()
        for index in subjects.indices {
            let subject = subjects[index]
            guard
                let position = waivers.waiver(
                    rule: subject.ruleIndex, subject: subject.subject, opdID: opdID, pemda: pemda)
            else { continue }
            matched.insert(position)
            if subject.outcome == .fail, waivers.waivers[position].isActive(on: asOf) {
                subjects.accept(index, by: position)
            }
        }
        return matched.sorted()
    }

    /// Rule verdicts as if waived failures had passed, for the score shown beside the real one.
    private func verdictsWithWaivers(_ subjects: SubjectResults) -> [Value] {
        // A rule left out of the run (`CompiledPack.selecting`) stays unknown, as it is without waivers.
        var verdicts = [Value](repeating: .null, count: pack.rules.count)
        for ruleIndex in pack.evaluationOrder { verdicts[ruleIndex] = .bool(true) }
        for subject in subjects {
            switch subject.outcome {
            case .fail where subject.waiver == nil: verdicts[subject.ruleIndex] = .bool(false)
            case .notEvidenced where verdicts[subject.ruleIndex] != .bool(false): verdicts[subject.ruleIndex] = .null
            default: break
            }
        }
        return verdicts
    }

    /// Appends the rule's outcome for each of its subjects to `results`; returns their tally.
    private func evaluate(_ rule: CompiledRule, on inventory: InventoryData, into results: inout [SubjectResults.Entry])
        -> RuleSummary
    {
        let subjects = rule.collectionSlot.map { inventory.collections[$0] } ?? [inventory.header]
        // The closures themselves, taken out once.
        let (filter, condition) = (filters[rule.index].test, conditions[rule.index].test)
        let group = sharedFilter[rule.index]
        var selection = SubjectSelection(
            of: subjects, known: group.flatMap { sharedFilterResults[$0] }, scope: rule.filterScope,
            recording: group != nil,
            context: context
        )
        var tally = RuleSummary(ruleIndex: rule.index, passed: 0, failed: 0, notEvidenced: 0, notApplicable: 0)
        context.forEachSubject(of: subjects) { index in
            let (outcome, undecidedFilter) = judge(selection.holds(index) { filter(context) }, condition: condition)
            tally.count(outcome)
            results.append(
                SubjectResults.Entry(
                    rule: rule.index, collection: rule.collectionSlot, record: index, outcome: outcome,
                    undecidedFilter: undecidedFilter
                ))
        }
        if let group, let recorded = selection.recorded { sharedFilterResults[group] = recorded }
        return tally
    }

    /// The outcome for the bound subject: out of scope unless its filter (`held`) holds, else as its condition
    /// says; and whether it was the filter that could not be decided.
    private func judge(_ held: Bool?, condition: (EvaluationContext) -> Bool?) -> (Outcome, undecidedFilter: Bool) {
        switch held {
        case false?: return (.notApplicable, false)
        case nil: return (.notEvidenced, true)
        case true?: break
        }
        return switch condition(context) {
        case true?: (.pass, false)
        case false?: (.fail, false)
        case nil: (.notEvidenced, false)
        }
    }

    private func evaluate(_ indicator: CompiledIndicator) -> IndicatorResult {
        var states: [LevelState] = []
        states.reserveCapacity(criteria[indicator.index].count)
        var level = 0
        var contiguous = true
        for criterion in criteria[indicator.index] {
            let state: LevelState
            if let criterion {
                state =
                    switch criterion.test(context) {
                    case true?: .met
                    case false?: .unmet
                    case nil: .notEvidenced
                    }
            } else {
                state = .undefined
            }
            states.append(state)
            if contiguous, state == .met { level += 1 } else { contiguous = false }
        }
        return IndicatorResult(
            indicatorIndex: indicator.index, level: max(level, indicator.lowestLevel), levelStates: states)
    }

    private func field(_ name: String, of header: Record) -> String {
        guard let slot = pack.schema.header.slot(of: name) else { return "" }
        let value = header.values[slot]
        return value.isNull ? "" : value.description
    }
}

/// A condition as the evaluator calls it: true, false, or nil when unknown.
///
/// The closure sits in a struct because an array of bare closures keeps them in their most general form: each
/// call out of it would go through two conversion thunks, and allocate a context for them.
private struct Criterion {
    let test: @Sendable (EvaluationContext) -> Bool?

    init(_ expression: CompiledExpression) {
        test = expression.truthFunction
    }

    private init(test: @escaping @Sendable (EvaluationContext) -> Bool?) {
        self.test = test
    }

    /// The criterion of a rule without a filter.
    static let always = Criterion { _ in true }
}

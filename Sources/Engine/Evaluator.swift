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
    private let asOf: Day
    private let context: EvaluationContext
    /// Per rule, the subject's fields its condition (and its filter) read: the "missing data" of a not-evidenced
    /// subject, worked out once.
    private let conditionFields: [[(field: String, slot: Int)]]
    private let filterFields: [[(field: String, slot: Int)]]

    /// Creates an evaluator; `asOf` is the evaluation date used by `as_of`, `years_since` and friends, and the
    /// day waivers are checked against.
    public init(pack: CompiledPack, asOf: Day, language: String = "id", waivers: WaiverSet = .none) {
        self.pack = pack
        self.language = language
        self.waivers = waivers
        self.asOf = asOf
        context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count)
        conditionFields = pack.rules.map { Self.subjectFields(of: $0, expressions: [$0.condition], schema: pack.schema) }
        filterFields = pack.rules.map { Self.subjectFields(of: $0, expressions: $0.filter.map { [$0] } ?? [], schema: pack.schema) }
    }

    /// Evaluates every rule and indicator over one inventory.
    public func evaluate(_ inventory: InventoryData) -> InventoryEvaluation {
        context.inventory = inventory
        context.ruleVerdicts = [Value](repeating: .null, count: pack.rules.count)
        var subjects: [SubjectResult] = []
        var summaries = [RuleSummary?](repeating: nil, count: pack.rules.count)
        for ruleIndex in pack.evaluationOrder {
            let rule = pack.rules[ruleIndex]
            let start = subjects.count
            evaluate(rule, on: inventory, into: &subjects)
            let summary = summarize(rule.index, subjects[start...])
            summaries[ruleIndex] = summary
            context.ruleVerdicts[ruleIndex] = switch summary.outcome {
            case .fail: .bool(false)
            case .notEvidenced: .null
            case .pass, .notApplicable: .bool(true)
            }
        }
        subjects.sort { $0.ruleIndex < $1.ruleIndex }
        context.subject = nil
        let opdID = field("id", of: inventory.header)
        let matched = applyWaivers(to: &subjects, opdID: opdID)
        let indicators = pack.indicators.map(evaluate)
        let scorer = Scorer(pack: pack)
        var scoreWithWaivers: Score?
        if subjects.contains(where: { $0.waiver != nil }) {
            context.ruleVerdicts = verdictsWithWaivers(subjects)
            scoreWithWaivers = scorer.score(levels: pack.indicators.map(evaluate).map(\.level))
        }
        context.inventory = nil
        return InventoryEvaluation(
            source: inventory.source,
            opdID: opdID,
            opdName: field("name", of: inventory.header),
            subjects: subjects,
            rules: summaries.compactMap { $0 },
            indicators: indicators,
            score: scorer.score(levels: indicators.map(\.level)),
            scoreWithWaivers: scoreWithWaivers,
            matchedWaivers: matched
        )
    }

    /// Marks failures accepted by an active waiver; returns the positions of every waiver that matched a subject.
    private func applyWaivers(to subjects: inout [SubjectResult], opdID: String) -> [Int] {
        guard !waivers.waivers.isEmpty else { return [] }
        var matched = Set<Int>()
        for index in subjects.indices {
            let subject = subjects[index]
            guard let position = waivers.waiver(rule: subject.ruleIndex, subject: subject.subject, opdID: opdID) else { continue }
            matched.insert(position)
            if subject.outcome == .fail, waivers.waivers[position].isActive(on: asOf) { subjects[index].waiver = position }
        }
        return matched.sorted()
    }

    /// Rule verdicts as if waived failures had passed, for the score shown beside the real one.
    private func verdictsWithWaivers(_ subjects: [SubjectResult]) -> [Value] {
        var verdicts = [Value](repeating: .bool(true), count: pack.rules.count)
        for subject in subjects {
            switch subject.outcome {
            case .fail where subject.waiver == nil: verdicts[subject.ruleIndex] = .bool(false)
            case .notEvidenced where verdicts[subject.ruleIndex] != .bool(false): verdicts[subject.ruleIndex] = .null
            default: break
            }
        }
        return verdicts
    }

    private func evaluate(_ rule: CompiledRule, on inventory: InventoryData, into results: inout [SubjectResult]) {
        let records = rule.collectionSlot.map { inventory.collections[$0] } ?? [inventory.header]
        for record in records {
            context.subject = record
            let subject = rule.collectionSlot == nil ? "opd" : record.key
            if let filter = rule.filter {
                switch filter.evaluate(context) {
                case .bool(true): break
                case .bool(false):
                    results.append(SubjectResult(
                        ruleIndex: rule.index, outcome: .notApplicable, subject: subject, location: record.location,
                        message: nil, missingFields: []
                    ))
                    continue
                default:
                    results.append(notEvidenced(rule, record: record, subject: subject, inFilter: true))
                    continue
                }
            }
            switch rule.condition.evaluate(context) {
            case .bool(true):
                results.append(SubjectResult(
                    ruleIndex: rule.index, outcome: .pass, subject: subject, location: record.location,
                    message: nil, missingFields: []
                ))
            case .bool(false):
                results.append(SubjectResult(
                    ruleIndex: rule.index, outcome: .fail, subject: subject, location: record.location,
                    message: message(for: rule), missingFields: []
                ))
            default:
                results.append(notEvidenced(rule, record: record, subject: subject, inFilter: false))
            }
        }
    }

    private func message(for rule: CompiledRule) -> String {
        if let template = rule.messages[language] ?? rule.messages["id"] { return template.render(context) }
        return rule.spec.title.text(in: language)
    }

    /// A not-evidenced result naming the empty fields of the subject that the rule reads.
    private func notEvidenced(_ rule: CompiledRule, record: Record, subject: String, inFilter: Bool) -> SubjectResult {
        var missing: [String] = []
        for (field, slot) in (inFilter ? filterFields : conditionFields)[rule.index] where record.values[slot].isNull {
            missing.append(field)
        }
        let detail = missing.isEmpty ? "" : ": " + missing.joined(separator: ", ")
        let text = language == "en" ? "not enough data to decide\(detail)" : "data belum cukup untuk menilai\(detail)"
        return SubjectResult(
            ruleIndex: rule.index, outcome: .notEvidenced, subject: subject, location: record.location,
            message: text, missingFields: missing
        )
    }

    /// The subject's fields that `expressions` read, sorted by name, with their slots.
    private static func subjectFields(
        of rule: CompiledRule, expressions: [CompiledExpression], schema: InventorySchema
    ) -> [(field: String, slot: Int)] {
        let record = rule.collectionSlot.map { schema.collections[$0] } ?? schema.header
        let names = Set(expressions.flatMap(\.referencedFields).filter { $0.record == record.name }.map(\.field))
        return names.sorted().compactMap { name in record.slot(of: name).map { (name, $0) } }
    }

    private func summarize(_ ruleIndex: Int, _ results: ArraySlice<SubjectResult>) -> RuleSummary {
        var passed = 0, failed = 0, notEvidenced = 0, notApplicable = 0
        for result in results {
            switch result.outcome {
            case .pass: passed += 1
            case .fail: failed += 1
            case .notEvidenced: notEvidenced += 1
            case .notApplicable: notApplicable += 1
            }
        }
        return RuleSummary(
            ruleIndex: ruleIndex, passed: passed, failed: failed, notEvidenced: notEvidenced, notApplicable: notApplicable
        )
    }

    private func evaluate(_ indicator: CompiledIndicator) -> IndicatorResult {
        var states: [LevelState] = []
        var level = 0
        var contiguous = true
        for criterion in indicator.levels {
            let state: LevelState
            if let criterion {
                state = switch criterion.evaluate(context) {
                case .bool(true): .met
                case .bool(false): .unmet
                default: .notEvidenced
                }
            } else {
                state = .undefined
            }
            states.append(state)
            if contiguous, state == .met { level += 1 } else { contiguous = false }
        }
        return IndicatorResult(indicatorIndex: indicator.index, level: level, levelStates: states)
    }

    private func field(_ name: String, of header: Record) -> String {
        guard let slot = pack.schema.header.slot(of: name) else { return "" }
        let value = header.values[slot]
        return value.isNull ? "" : value.description
    }
}

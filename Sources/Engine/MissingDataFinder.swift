import DataModel
import Diagnostics
import Expressions
import Foundation

/// Finds what a not-evidenced result lacks when its subject's own fields are all filled in: the fields of other
/// records (a document met in a `where:`, the OPD header) whose emptiness left its filter or condition unknown.
///
/// It names the fields `spbe explain` would name, so it runs only when a report asks for the missing data of such
/// a result, never for a pass or a failure. Each rule's filter and condition are prepared for it once, on first
/// need, and kept for later results (of every evaluator sharing its `RuleWording`).
final class MissingDataFinder: @unchecked Sendable {
    // @unchecked: `collectors` is read and written under `lock` only.
    private let pack: CompiledPack
    private let asOf: Day
    private let ruleIDs: [String: Int]
    private let lock = NSLock()
    /// Per rule and expression (filter or condition), its prepared collector; nil inside when it does not compile.
    private var collectors: [CollectorKey: MissingFieldCollector?] = [:]

    private struct CollectorKey: Hashable {
        let rule: Int
        let filter: Bool
    }

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
        guard let collector = collector(of: rule, filter: result.undecidedFilter) else { return [] }
        let context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count)
        context.ruleVerdicts = verdicts
        context.inventory = inventory
        context.subject = rule.collectionSlot == nil ? nil : result.record
        defer {
            context.inventory = nil
            context.subject = nil
        }
        return collector.missingFields(in: context)
    }

    /// The collector of `rule`'s filter (or condition), prepared on first need.
    private func collector(of rule: CompiledRule, filter: Bool) -> MissingFieldCollector? {
        let key = CollectorKey(rule: rule.index, filter: filter)
        if let kept = lock.withLock({ collectors[key] }) { return kept }
        guard let source = filter ? rule.spec.filter : rule.spec.require else { return nil }
        let subjectType = rule.collectionSlot.map { pack.schema.collections[$0] }
        let environment = ExpressionEnvironment(schema: pack.schema, subject: subjectType, ruleIDs: ruleIDs)
        var bag = DiagnosticBag()
        let prepared = MissingFieldCollector(source.text, map: source.map, environment: environment, diagnostics: &bag)
        lock.withLock { collectors[key] = prepared }
        return prepared
    }
}

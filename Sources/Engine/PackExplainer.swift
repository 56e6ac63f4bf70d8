import DataModel
import Diagnostics
import Expressions
import Packs

/// One subject of an explained rule, level or expression: its filter's and condition's evaluation trees.
public struct ExplainedSubject: Sendable {
    /// `applications APP-02`, or `opd` for what is about the whole OPD.
    public let label: String
    /// Where the subject's record is.
    public let location: SourceLocation?
    /// The `where:` filter's evaluation, when there is one.
    public let filter: Explanation?
    /// The condition's evaluation; nil when the filter puts the subject out of scope.
    public let condition: Explanation?

    /// `pass`, `fail`, `not evidenced` or `not applicable`, as the engine decides it from the two values.
    public var outcome: String {
        if let filter, filter.value != .bool(true) {
            return filter.value == .bool(false) ? "not applicable" : "not evidenced"
        }
        switch condition?.value {
        case .bool(true)?: return "pass"
        case .bool(false)?: return "fail"
        default: return "not evidenced"
        }
    }
}

/// What `spbe explain` evaluates: a rule, one level of an indicator, or an expression of one's own.
public enum ExplainTarget: Sendable {
    /// A rule of the pack, by id.
    case rule(String)
    /// A level (1–5) of an indicator, by id.
    case level(indicator: String, level: Int)
    /// An expression, over the subjects of a collection or (nil) the whole OPD.
    case expression(String, each: String?)
}

/// Explains, sub-expression by sub-expression, how a compiled pack's rule, level or an ad hoc expression evaluates on
/// one inventory (see `ExpressionExplainer`). `passes()` reads the verdicts of `evaluation`, the inventory's own.
public struct PackExplainer {
    /// The pack.
    public let pack: CompiledPack
    /// The evaluation date.
    public let asOf: Day

    /// Creates an explainer.
    public init(pack: CompiledPack, asOf: Day) {
        self.pack = pack
        self.asOf = asOf
    }

    /// The explanation of `target` on `inventory` for the subject `subjectID` (every subject in scope when nil),
    /// or diagnostics saying why it cannot be explained.
    public func explain(
        _ target: ExplainTarget, subject subjectID: String?, inventory: InventoryData, evaluation: InventoryEvaluation
    ) -> Result<[ExplainedSubject], DiagnosticList> {
        var bag = DiagnosticBag()
        let place = SourceLocation(file: "<explain>", line: 1, column: 1)
        let filter: ExpressionSource?
        let condition: ExpressionSource
        let each: String?
        switch target {
        case .rule(let id):
            guard let rule = pack.rules.first(where: { $0.spec.id == id }) else {
                return .failure(DiagnosticList([.explainUnknown("rule", id, among: pack.rules.map(\.spec.id))]))
            }
            (filter, condition, each) = (rule.spec.filter, rule.spec.require, rule.spec.each)
        case .level(let id, let level):
            guard let indicator = pack.indicators.first(where: { $0.spec.id == id }) else {
                return .failure(
                    DiagnosticList([.explainUnknown("indicator", id, among: pack.indicators.map(\.spec.id))]))
            }
            guard let spec = indicator.spec.levels.first(where: { $0.level == level }), let require = spec.require
            else {
                return .failure(DiagnosticList([.explainNoLevel(id, level: level)]))
            }
            (filter, condition, each) = (nil, require, nil)
        case .expression(let text, let collection):
            (filter, condition, each) = (
                nil, ExpressionSource(text: text, map: .starting(at: place), location: place), collection
            )
        }
        var subjectType: RecordSchema?
        var records: [Record] = [inventory.header]
        if let each {
            guard let slot = pack.schema.collectionSlot(of: each) else {
                return .failure(
                    DiagnosticList([.explainUnknown("collection", each, among: pack.schema.collections.map(\.name))]))
            }
            subjectType = pack.schema.collections[slot]
            records = inventory.collections[slot]
            if let subjectID {
                records = records.filter { $0.key == subjectID }
                if records.isEmpty {
                    let keys = inventory.collections[slot].map(\.key)
                    return .failure(DiagnosticList([.explainUnknown("\(each) record", subjectID, among: keys)]))
                }
            }
        }
        let ruleIDs = Dictionary(pack.rules.map { ($0.spec.id, $0.index) }, uniquingKeysWith: { first, _ in first })
        let environment = ExpressionEnvironment(schema: pack.schema, subject: subjectType, ruleIDs: ruleIDs)
        let context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count)
        var verdicts = [Value](repeating: .null, count: pack.rules.count)
        for summary in evaluation.rules { verdicts[summary.ruleIndex] = summary.verdict }
        context.ruleVerdicts = verdicts
        context.inventory = inventory
        defer {
            context.inventory = nil
            context.subject = nil
        }
        var subjects: [ExplainedSubject] = []
        for record in records {
            context.subject = subjectType == nil ? nil : record
            let explainedFilter = filter.flatMap {
                ExpressionExplainer.explain(
                    $0.text, map: $0.map, environment: environment, context: context, diagnostics: &bag)
            }
            if bag.hasErrors { return .failure(DiagnosticList(bag.diagnostics)) }
            let inScope = explainedFilter.map { $0.value == .bool(true) } ?? true
            let explainedCondition =
                inScope || subjectID != nil
                ? ExpressionExplainer.explain(
                    condition.text, map: condition.map, environment: environment, context: context, diagnostics: &bag
                ) : nil
            if bag.hasErrors { return .failure(DiagnosticList(bag.diagnostics)) }
            let label = subjectType.map { "\($0.name) \(record.key)" } ?? "opd"
            subjects.append(
                ExplainedSubject(
                    label: label, location: record.location, filter: explainedFilter, condition: explainedCondition))
        }
        return .success(subjects)
    }
}

/// Diagnostics as an `Error`, for results that fail with several.
public struct DiagnosticList: Error, Sendable {
    /// The diagnostics.
    public let diagnostics: [Diagnostic]

    /// Wraps `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Diagnostic {
    static func explainUnknown(_ what: String, _ id: String, among ids: [String]) -> Diagnostic {
        Diagnostic(
            .error, code: "explain.unknown", "there is no \(what) '\(id)'", at: nil,
            suggestion: Suggestion.didYouMean(id, among: ids)
        )
    }

    static func explainNoLevel(_ indicator: String, level: Int) -> Diagnostic {
        Diagnostic(
            .error, code: "explain.no_level", "indicator \(indicator) has no criterion for level \(level)", at: nil)
    }
}

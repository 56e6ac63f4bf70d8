import DataModel

/// A checked, compiled expression, ready to evaluate many times. Immutable and shareable between workers;
/// each worker evaluates it with its own `EvaluationContext`.
public struct CompiledExpression: Sendable {
    /// The static type of the result.
    public let type: ValueType
    /// The fields the expression reads, for "unused field" lints and "missing data" explanations.
    public let referencedFields: Set<FieldReference>
    /// The rule ids used through `passes()`, for ordering rules.
    public let referencedRules: Set<String>
    /// Static cost estimate: node count, quantifier bodies weighted ×100 per nesting level (as if every collection
    /// and list had 100 elements). Compared with the rule budget when a pack is compiled; the real cost is counted
    /// while evaluating.
    public let cost: Int
    let body: ValueFunction
    /// The same expression read as a condition, without boxing its result.
    let test: TruthFunction

    init(
        type: ValueType, referencedFields: Set<FieldReference>, referencedRules: Set<String>, cost: Int,
        body: @escaping ValueFunction, test: @escaping TruthFunction
    ) {
        self.type = type
        self.referencedFields = referencedFields
        self.referencedRules = referencedRules
        self.cost = cost
        self.body = body
        self.test = test
    }

    /// The value of the expression for the context's inventory, subject, date and rule verdicts.
    /// Never traps: unknown data, overflow and division by zero give `.null`. Spends the context's cost account
    /// (see `EvaluationContext.spend`); once it is overdrawn the result is `.null` and `context.costExceeded` is set.
    public func evaluate(_ context: EvaluationContext) -> Value {
        guard context.spend(1) else { return .null }
        return body(context)
    }

    /// The expression as a condition: true or false when it evaluates to that boolean, nil when it is unknown
    /// (or not a boolean). Spends the cost account as `evaluate` does.
    public func truth(_ context: EvaluationContext) -> Bool? {
        guard context.spend(1) else { return nil }
        return test(context)
    }

    /// `truth` as a closure of its own. An evaluator keeps one per expression it calls for every subject: the
    /// workers of a run then take no references to the closures they share, as copying the expression would,
    /// and an atomic count on a memory line that two cores keep taking from each other is as slow as they come.
    public var truthFunction: @Sendable (EvaluationContext) -> Bool? {
        let test = test
        return { context in context.spend(1) ? test(context) : nil }
    }
}

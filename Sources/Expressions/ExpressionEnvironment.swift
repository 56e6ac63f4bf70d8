import DataModel

/// What an expression can see: the inventory schema, the record type of the rule's subject, and the rules
/// that `passes()` may name.
public struct ExpressionEnvironment: Sendable {
    /// The inventory schema of the pack.
    public let schema: InventorySchema
    /// The record type of the rule's subject (`each: applications`); nil at OPD scope (indicator levels,
    /// OPD-wide rules), where only globals such as `opd` and the collections are in scope.
    public let subject: RecordSchema?
    /// Rule id to index into `EvaluationContext.ruleVerdicts`, for `passes('ID')`.
    public let ruleIDs: [String: Int]

    /// Creates an environment.
    public init(schema: InventorySchema, subject: RecordSchema?, ruleIDs: [String: Int] = [:]) {
        self.schema = schema
        self.subject = subject
        self.ruleIDs = ruleIDs
    }

    /// The record schema a `record(name)` type refers to: the header, a collection, or the subject.
    func recordSchema(named name: String) -> RecordSchema? {
        if let subject, subject.name == name { return subject }
        if schema.header.name == name { return schema.header }
        return schema.collection(named: name)
    }
}

import DataModel

/// What the checker found a node to mean; kept in a side table keyed by node id for the compiler.
enum Resolution: Sendable {
    /// A quantifier variable (`as` name or `it`) in the context's slot.
    case variable(slot: Int)
    /// A field of the record in a quantifier's slot, read implicitly by its bare name.
    case elementField(slot: Int, field: Int)
    /// A field of the subject, by slot.
    case subjectField(field: Int)
    /// `self`.
    case subject
    /// `opd`.
    case header
    /// A collection, by collection slot.
    case collection(slot: Int)
    /// `as_of`.
    case asOf
    /// `record.field`, by field slot.
    case field(slot: Int)
    /// `records.field`: the field of every record; `flattens` when the field is itself a list.
    case projection(slot: Int, flattens: Bool)
    /// A call of a function.
    case builtin(Builtin)
    /// `matches(s, "pattern")` with its compiled pattern.
    case pattern(CompiledPattern)
    /// `passes('ID')` with the rule's index.
    case rule(index: Int)
    /// A call whose value the checker already knows, such as `date("2024-01-31")`.
    case constant(Value)
    /// A quantifier and the slot of its element.
    case quantifier(slot: Int)
}

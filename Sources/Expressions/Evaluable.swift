import DataModel

/// Evaluates to a value.
typealias ValueFunction = @Sendable (EvaluationContext) -> Value
/// Evaluates a boolean node to three-valued truth, unboxed: `nil` is "not known" (`null`).
typealias TruthFunction = @Sendable (EvaluationContext) -> Bool?
/// Evaluates to an inventory record (nil when there is none, such as `opd` without an inventory).
typealias RecordFunction = @Sendable (EvaluationContext) -> Record?
/// Evaluates to a collection of records (nil when unknown).
typealias RecordsFunction = @Sendable (EvaluationContext) -> [Record]?

/// A compiled node. Records exist at run time only as inventory `Record`s, never as `Value`s, so nodes of
/// record type compile to their own kind of closure; the checker's types say statically which kind each node is.
/// Boolean operators compile to truth closures, and a field read stays a `FieldAccess` until its parent knows
/// how to read it in place, so conditions run without boxing their intermediate results.
enum Evaluable {
    /// A value known at compile time.
    case constant(Value)
    case value(ValueFunction)
    case truth(TruthFunction)
    /// A field of the subject or of a quantifier's element.
    case field(FieldAccess)
    /// A quantifier's element that is a value (`it` over a list, or its `as` name), in its context slot: read where
    /// the slot holds it by the operators that can.
    case variable(slot: Int)
    case record(RecordFunction)
    case records(RecordsFunction)
    /// Comparisons of fields with constants, joined by `and`, kept apart until their parent has them all.
    case fieldTests(FieldTests)

    /// The node as a value closure. Only called on value-typed nodes; records read as `null` defensively.
    var function: ValueFunction {
        switch self {
        case .constant(let value): { _ in value }
        case .value(let function): function
        case .truth(let truth): { truth($0).map(Value.bool) ?? .null }
        case .field(let access): { access.read($0) }
        case .variable(let slot): { $0.values[slot] }
        case .record, .records: { _ in .null }
        case .fieldTests(let tests): { tests.run($0).map(Value.bool) ?? .null }
        }
    }

    /// The node as a truth closure: true and false for booleans, nil for anything else (null included).
    var truth: TruthFunction {
        switch self {
        case .constant(let value):
            let truth = value.truth
            return { _ in truth }
        case .value(let function): return { function($0).truth }
        case .truth(let truth): return truth
        case .field(let access):
            let absent = access.fallback.truth
            return { access.withValue($0, else: absent) { $0.truth } }
        case .variable(let slot): return { $0.values[slot].truth }
        case .record, .records: return { _ in nil }
        case .fieldTests(let tests): return { tests.run($0) }
        }
    }

    /// The value when known at compile time.
    var constant: Value? {
        if case .constant(let value) = self { return value }
        return nil
    }

    /// Whether the node is unknown (`null`) in `context`: a null value, a missing record, unknown records.
    var presence: @Sendable (EvaluationContext) -> Bool {
        switch self {
        case .constant(let value): { _ in !value.isNull }
        case .value(let function): { !function($0).isNull }
        case .truth(let truth): { truth($0) != nil }
        case .field(let access): { access.withValue($0, else: !access.fallback.isNull) { _ in true } }
        case .variable(let slot): { !$0.values[slot].isNull }
        case .record(let function): { function($0) != nil }
        case .records(let function): { function($0) != nil }
        case .fieldTests(let tests): { tests.run($0) != nil }
        }
    }
}

/// Where a field read finds its record: the subject, or the element bound in a quantifier slot.
struct FieldAccess {
    /// The quantifier slot holding the record; nil for the subject.
    let slot: Int?
    /// The field's slot in the record.
    let field: Int
    /// What the field reads as when it is null or there is no record: null, or the constant of
    /// `coalesce(field, constant)`, the usual guard of a filter, which so reads in place too.
    var fallback: Value = .null

    /// The field's value; `fallback` when it is null or there is no record.
    @inline(__always)
    func read(_ context: EvaluationContext) -> Value {
        withValue(context, else: fallback) { $0 }
    }

    /// `body` applied to the field's value where its record stores it, or `absent` (`body` applied to `fallback`,
    /// worked out beforehand) when the field is null or there is no record. A test of the value, such as a
    /// comparison, so does not copy it out, which for a string or a list would be a retain and a release.
    @inline(__always)
    func withValue<Result>(_ context: EvaluationContext, else absent: Result, _ body: (Value) -> Result) -> Result {
        let record = if let slot { context.records[slot] } else { context.subjectReference }
        guard let record else { return absent }
        return record._withUnsafeGuaranteedRef { $0.withValue(at: field, else: absent, body) }
    }
}

extension Value {
    /// The value as three-valued truth: its boolean, or nil for null and for anything that is not a boolean.
    @inline(__always)
    var truth: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }
}

extension Record {
    /// The value in `slot`, or null if the record is shorter than its schema says.
    @inline(__always)
    func value(at slot: Int) -> Value {
        slot < values.count ? values[slot] : .null
    }

    /// `body` applied to the value in `slot` where it is stored, or `absent` when it is null or the record is
    /// shorter than its schema says.
    @inline(__always)
    func withValue<Result>(at slot: Int, else absent: Result, _ body: (Value) -> Result) -> Result {
        slot < values.count && !values[slot].isNull ? body(values[slot]) : absent
    }
}

import DataModel

/// Evaluates to a value.
typealias ValueFunction = @Sendable (EvaluationContext) -> Value
/// Evaluates to an inventory record (nil when there is none, such as `opd` without an inventory).
typealias RecordFunction = @Sendable (EvaluationContext) -> Record?
/// Evaluates to a collection of records (nil when unknown).
typealias RecordsFunction = @Sendable (EvaluationContext) -> [Record]?

/// A compiled node. Records exist at run time only as inventory `Record`s, never as `Value`s, so nodes of
/// record type compile to their own kind of closure; the checker's types say statically which kind each node is.
enum Evaluable {
    /// A value known at compile time.
    case constant(Value)
    case value(ValueFunction)
    case record(RecordFunction)
    case records(RecordsFunction)

    /// The node as a value closure. Only called on value-typed nodes; records read as `null` defensively.
    var function: ValueFunction {
        switch self {
        case .constant(let value): { _ in value }
        case .value(let function): function
        case .record, .records: { _ in .null }
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
        case .record(let function): { function($0) != nil }
        case .records(let function): { function($0) != nil }
        }
    }
}

extension Record {
    /// The value in `slot`, or null if the record is shorter than its schema says.
    @inline(__always)
    func value(at slot: Int) -> Value {
        slot < values.count ? values[slot] : .null
    }
}

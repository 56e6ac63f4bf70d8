import DataModel

/// Turns a checked expression into a tree of closures, with every field slot, quantifier slot, rule index and
/// pattern resolved now, so evaluation does no lookups by name, no parsing and no regex compilation.
public enum Compiler {
    /// Compiles `checked`, which must have been checked without errors.
    public static func compile(_ checked: CheckedExpression) -> CompiledExpression {
        build(checked, lookups: [:])
    }

    /// Compiles `checked` as one of a pack's expressions: its quantifiers that can look their records up are
    /// registered in `plan`, which the pack's evaluation contexts are then made with.
    public static func compile(_ checked: CheckedExpression, lookups plan: inout LookupPlan) -> CompiledExpression {
        build(checked, lookups: LookupPlanner(checked: checked).plan(into: &plan))
    }

    private static func build(_ checked: CheckedExpression, lookups: [NodeID: PlannedLookup]) -> CompiledExpression {
        // Quantifiers nest no deeper than the syntax tree, whose height the parser bounds: the context has a slot
        // for each.
        precondition(checked.slotCount <= EvaluationContext.slotCapacity, "quantifier slots beyond the nesting limit")
        let root = ClosureBuilder(checked: checked, lookups: lookups).build(checked.tree.root)
        return CompiledExpression(
            type: checked.type, referencedFields: checked.referencedFields, referencedRules: checked.referencedRules,
            cost: CostEstimator.cost(of: checked.tree), body: root.function, test: root.truth
        )
    }
}

/// Builds the closure of each node from the closures of its children.
struct ClosureBuilder {
    let checked: CheckedExpression
    /// The quantifiers that look their records up, by node.
    let lookups: [NodeID: PlannedLookup]

    func build(_ node: SyntaxNode) -> Evaluable {
        switch node.kind {
        case .integer(let value): .constant(.int(value))
        case .decimal(let value): .constant(.number(value))
        case .string(let value): .constant(.string(value))
        case .boolean(let value): .constant(.bool(value))
        case .null: .constant(.null)
        case .identifier: buildName(node)
        case .member(let base, _): buildMember(node, base: base)
        case .unary(let op, let operand): buildUnary(op, operand)
        case .binary(let op, let left, let right, _): buildBinary(op, left, right)
        case .list(let elements): buildList(elements)
        case .call(_, let arguments): buildCall(node, arguments)
        case .quantifier(let quantifier): buildQuantifier(node, quantifier)
        }
    }

    /// `evaluable` replaced by its value when every input is a constant: the operation is pure, so one
    /// evaluation now (in a scratch context it never reads) stands for all.
    func folded(_ evaluable: Evaluable, inputs: [Evaluable]) -> Evaluable {
        guard inputs.allSatisfy({ $0.constant != nil }) else { return evaluable }
        return .constant(evaluable.function(EvaluationContext(asOf: Day(ordinal: 0))))
    }

    private func buildName(_ node: SyntaxNode) -> Evaluable {
        switch checked.resolution(of: node) {
        case .variable(let slot)?:
            if case .record = checked.type(of: node.id) { return .record { $0.records[slot]?.takeUnretainedValue() } }
            return .variable(slot: slot)
        case .elementField(let slot, let field)?:
            return .field(FieldAccess(slot: slot, field: field))
        case .subjectField(let field)?:
            return .field(FieldAccess(slot: nil, field: field))
        case .subject?:
            return .record { $0.subject }
        case .header?:
            return .record { $0.inventory?.header }
        case .collection(let slot)?:
            return .records { context in
                guard let collections = context.inventory?.collections, slot < collections.count else { return nil }
                return collections[slot]
            }
        case .asOf?:
            return .value { .date($0.asOf) }
        default:
            return .constant(.null)
        }
    }

    private func buildMember(_ node: SyntaxNode, base: SyntaxNode) -> Evaluable {
        if case .field(let slot)? = checked.resolution(of: node), let access = fieldAccess(base, field: slot) {
            return .field(access)
        }
        let source = build(base)
        switch (checked.resolution(of: node), source) {
        case (.field(let slot)?, .record(let record)):
            return .value { record($0)?.value(at: slot) ?? .null }
        case (.projection(let slot, let flattens)?, .records(let records)):
            if flattens {
                return .value { context in
                    guard let records = records(context), context.spend(records.count) else { return .null }
                    var values: [Value] = []
                    for record in records {
                        if case .list(let items) = record.value(at: slot) { values += items }
                    }
                    return .list(values)
                }
            }
            return .value { context in
                guard let records = records(context), context.spend(records.count) else { return .null }
                return .list(records.map { $0.value(at: slot) })
            }
        default:
            return .constant(.null)
        }
    }

    /// `a.field` of a quantifier's record `a`, or `self.field`, read as the bare name of a field is: where its
    /// record stores it, so comparisons, membership, presence and `coalesce` take the paths that read in place.
    private func fieldAccess(_ base: SyntaxNode, field: Int) -> FieldAccess? {
        switch checked.resolution(of: base) {
        case .variable(let slot)?:
            guard case .record = checked.type(of: base.id) else { return nil }
            return FieldAccess(slot: slot, field: field)
        case .subject?:
            return FieldAccess(slot: nil, field: field)
        default:
            return nil
        }
    }

    private func buildList(_ elements: [SyntaxNode]) -> Evaluable {
        let built = elements.map(build)
        if built.allSatisfy({ $0.constant != nil }) { return .constant(.list(built.map { $0.constant ?? .null })) }
        let functions = built.map(\.function)
        return .value { context in .list(functions.map { $0(context) }) }
    }
}

import DataModel

/// A syntax tree together with the checker's side tables: the type of every node and what each name means.
public struct CheckedExpression: Sendable {
    /// The tree that was checked.
    public let tree: SyntaxTree
    /// The environment it was checked in.
    public let environment: ExpressionEnvironment
    /// Fields the expression reads.
    public let referencedFields: Set<FieldReference>
    /// Rule ids named through `passes()`.
    public let referencedRules: Set<String>
    /// How many quantifier slots evaluation needs (the deepest quantifier nesting).
    public let slotCount: Int
    let types: [ValueType]
    let resolutions: [NodeID: Resolution]

    /// The type of the node with `id` (`unknown` where checking failed).
    public func type(of id: NodeID) -> ValueType {
        id.rawValue < types.count ? types[id.rawValue] : .unknown
    }

    /// The type of the whole expression.
    public var type: ValueType { type(of: tree.root.id) }

    func resolution(of node: SyntaxNode) -> Resolution? { resolutions[node.id] }
}

import Diagnostics

/// Identifies one node of a syntax tree; ids are dense (`0..<SyntaxTree.nodeCount`) so side tables can be arrays.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The index of the node in creation order.
    public let rawValue: Int

    /// Creates an id.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// `#3`.
    public var description: String { "#\(rawValue)" }

    /// Orders by creation.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A name written in the source (a field after `.`, a function, a quantifier variable), with its position.
public struct Name: Hashable, Sendable {
    /// The name as written.
    public let text: String
    /// Where the name starts.
    public let location: SourceLocation

    /// Creates a name.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable {
    /// Kleene negation, `not x`.
    case not
    /// Arithmetic negation, `-x`.
    case negate = "-"
}

/// An infix operator, by its spelling.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    /// Kleene disjunction and conjunction.
    case or, and
    /// Equality and ordering (non-associative).
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    /// List membership.
    case `in`
    case notIn = "not in"
    /// Arithmetic.
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding strength; higher binds tighter. `not` (prefix) sits between `and` and the comparisons.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .notIn: 4
        case .add, .subtract: 5
        case .multiply, .divide, .remainder: 6
        }
    }

    /// Whether this is one of the non-associative comparison operators.
    public var isComparison: Bool { precedence == 4 }
}

/// The four quantifiers over lists.
public enum QuantifierKind: String, Hashable, Sendable {
    /// `all`, `any`, `none` give bools; `count` an int.
    case all, any, none, count
}

/// `all(source as name where filter, predicate)` and its siblings; `as`, `where` and the predicate are optional.
public struct Quantifier: Hashable, Sendable {
    /// Which quantifier.
    public let kind: QuantifierKind
    /// The list iterated over.
    public let source: SyntaxNode
    /// The variable named with `as`, if any.
    public let binding: Name?
    /// The `where` condition, if any.
    public let filter: SyntaxNode?
    /// The condition after the comma, if any.
    public let predicate: SyntaxNode?

    /// Creates a quantifier.
    public init(kind: QuantifierKind, source: SyntaxNode, binding: Name?, filter: SyntaxNode?, predicate: SyntaxNode?) {
        self.kind = kind
        self.source = source
        self.binding = binding
        self.filter = filter
        self.predicate = predicate
    }
}

/// One immutable node of an expression's syntax tree.
///
/// Types and name resolutions are not stored here: the checker keeps them in side tables keyed by `id`.
public struct SyntaxNode: Hashable, Sendable {
    /// What the node is.
    public indirect enum Kind: Hashable, Sendable {
        /// An integer literal.
        case integer(Int)
        /// A literal with a fractional part.
        case decimal(Double)
        /// A string literal, escapes decoded.
        case string(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// The literal `null`.
        case null
        /// A bare name: a variable, a field, `it`, `self` or a global.
        case identifier(String)
        /// `base.field`.
        case member(SyntaxNode, field: Name)
        /// A prefix operation.
        case unary(UnaryOperator, SyntaxNode)
        /// An infix operation; `operatorLocation` is where the operator is written.
        case binary(BinaryOperator, SyntaxNode, SyntaxNode, operatorLocation: SourceLocation)
        /// `[a, b, c]`.
        case list([SyntaxNode])
        /// A function call `name(arguments)`.
        case call(Name, [SyntaxNode])
        /// `all`, `any`, `none` or `count`.
        case quantifier(Quantifier)
    }

    /// The node's id, unique within its tree.
    public let id: NodeID
    /// Where the node's first token is.
    public let location: SourceLocation
    /// What the node is.
    public let kind: Kind

    /// Creates a node.
    public init(id: NodeID, location: SourceLocation, kind: Kind) {
        self.id = id
        self.location = location
        self.kind = kind
    }

    /// The direct sub-expressions, in source order.
    public var children: [SyntaxNode] {
        switch kind {
        case .integer, .decimal, .string, .boolean, .null, .identifier: []
        case .member(let base, _): [base]
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right, _): [left, right]
        case .list(let elements): elements
        case .call(_, let arguments): arguments
        case .quantifier(let quantifier):
            [quantifier.source] + [quantifier.filter, quantifier.predicate].compactMap { $0 }
        }
    }
}

/// A parsed expression: its root and the number of nodes (the bound of every `NodeID`).
public struct SyntaxTree: Hashable, Sendable {
    /// The outermost node.
    public let root: SyntaxNode
    /// How many nodes the tree has; ids run from 0 to `nodeCount - 1`.
    public let nodeCount: Int
    /// Where the expression's first token is (before any opening parenthesis).
    public let start: SourceLocation

    /// Creates a tree.
    public init(root: SyntaxNode, nodeCount: Int, start: SourceLocation) {
        self.root = root
        self.nodeCount = nodeCount
        self.start = start
    }
}

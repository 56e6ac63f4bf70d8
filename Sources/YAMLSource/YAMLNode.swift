import Diagnostics

/// How a scalar is written; only plain scalars are resolved to numbers, booleans and null.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// The value after YAML's escapes and folding.
    public let text: String
    /// How it was written.
    public let style: ScalarStyle
    /// The explicit tag (`tag:yaml.org,2002:str` for `!!str`), if any.
    public let tag: String?
    /// Where the scalar's content ends (1-based), for mapping positions inside it.
    public let end: SourceLocation
}

/// One `key: value` pair of a mapping, both with their positions.
public struct YAMLEntry: Sendable {
    /// The key node (a scalar in every file spbe reads).
    public let key: YAMLNode
    /// The value node.
    public let value: YAMLNode
}

/// A node of a composed YAML or JSON document, with the position where it starts.
///
/// Nodes are immutable and shared: an alias is the anchored node itself, so the tree is a DAG whose expanded
/// size the composer has already bounded.
public final class YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    /// The node's content.
    public let content: Content
    /// Where the node starts (for a quoted scalar, its opening quote).
    public let location: SourceLocation
    /// The document's text, for mapping positions inside a scalar.
    let source: YAMLSourceText?

    init(_ content: Content, location: SourceLocation, source: YAMLSourceText?) {
        self.content = content
        self.location = location
        self.source = source
    }

    /// The scalar's text; nil for sequences and mappings.
    public var scalar: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// The scalar with its style and tag; nil for sequences and mappings.
    public var scalarValue: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items of a sequence; nil for other nodes.
    public var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries of a mapping in file order, merge keys (`<<`) already applied; nil for other nodes.
    public var mappingEntries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// Whether the scalar was written in quotes (so `"2024"` is text, not a number).
    public var isQuoted: Bool {
        guard let style = scalarValue?.style else { return false }
        return style == .singleQuoted || style == .doubleQuoted
    }

    /// Whether this is YAML's null: `~`, `null` or nothing at all, unquoted, or tagged `!!null`.
    public var isNull: Bool {
        if case .null = plainScalarKind { return true }
        return false
    }
}

/// The fixed bounds that keep every expression cheap to compile and certain to terminate.
public enum ExpressionLimits {
    /// Longest accepted expression or template, in UTF-8 bytes.
    public static let maxSourceBytes = 10_000
    /// Deepest accepted nesting: the height of the syntax tree, where every operator, call, quantifier,
    /// list and pair of parentheses adds a level.
    public static let maxDepth = 64
    /// Longest accepted `matches()` pattern, in Unicode scalars.
    public static let maxPatternLength = 200
    /// Longest string `matches()` looks at, in characters; longer inputs give `null`.
    public static let maxMatchInputLength = 1_000
    /// Longest rendered message, in UTF-8 bytes (an ellipsis included); longer ones are cut.
    public static let maxMessageBytes = 4_096
}

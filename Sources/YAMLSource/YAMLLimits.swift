/// Bounds on what one YAML or JSON file may make the reader do, so a hostile or broken file gets a clear error
/// in bounded time and memory instead of a crash.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes in the document once every alias is expanded (the "billion laughs" bound).
    public var maxNodes: Int
    /// Longest scalar, in UTF-8 bytes.
    public var maxScalarBytes: Int

    /// Creates limits.
    public init(maxFileBytes: Int, maxDepth: Int, maxNodes: Int, maxScalarBytes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
    }

    /// 16 MiB files, 64 levels, 2,000,000 nodes, 1 MiB scalars.
    public static let `default` = YAMLLimits(
        maxFileBytes: 16 * 1024 * 1024, maxDepth: 64, maxNodes: 2_000_000, maxScalarBytes: 1024 * 1024
    )
}

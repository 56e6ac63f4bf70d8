import Diagnostics

/// Where the parts of a composed pack come from: the packs it extends, what it overrides and what it disables.
public struct PackProvenance: Sendable {
    /// One changed key of a rule or indicator.
    public struct Override: Sendable {
        /// The rule or indicator id.
        public let id: String
        /// The key overridden (`severity`, `weight`, …).
        public let key: String
        /// The value before, as text.
        public let from: String
        /// The value after, as text.
        public let to: String
        /// Where the override is written.
        public let location: SourceLocation
    }

    /// A rule switched off.
    public struct Disabled: Sendable {
        /// The rule id.
        public let id: String
        /// The rule as the base declared it.
        public let rule: RuleSpec
        /// Where `disable:` names it.
        public let location: SourceLocation
    }

    /// The packs extended, in the order given (paths as resolved).
    public let bases: [String]
    /// Every override, in file order.
    public let overrides: [Override]
    /// Every disabled rule.
    public let disabled: [Disabled]
    /// Ids of rules and indicators that come from a base pack.
    public let inherited: Set<String>
    /// The pack's own files (not its bases').
    public let ownFiles: [String]
}

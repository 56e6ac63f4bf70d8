import DataModel
import Diagnostics

/// A loaded rule pack: metadata, framework, inventory schema, indicators and rules, positions kept.
public struct RulePack: Sendable {
    /// Who, what, which framework.
    public let metadata: PackMetadata
    /// Scales, domains, aspects, weights, predicates.
    public let framework: Framework
    /// The inventory shape the pack checks.
    public let schema: InventorySchema
    /// Indicators in declaration order.
    public let indicators: [IndicatorSpec]
    /// Rules in declaration order.
    public let rules: [RuleSpec]
    /// The files the pack was read from, in reading order.
    public let files: [String]
    /// The folder (or file) the pack was loaded from.
    public let root: String
    /// Where the pack's parts come from when it extends other packs: bases, overrides, disabled rules.
    public let provenance: PackProvenance
}

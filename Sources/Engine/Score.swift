/// The index estimate computed from indicator levels, as the framework's formula does.
public struct Score: Sendable {
    /// Weighted index over every indicator at full precision; nil when the framework's weights are unknown.
    public let index: Double?
    /// Predicate decided on the index as shown, rounded half up to two decimals (`IndexRounding`), so that it
    /// always agrees with the value every report prints.
    public let predicate: String?
    /// The edge between two bands that the full-precision index lies within 0.005 of (inclusive), when it does:
    /// the official predicate could then fall on either side, and every report says so.
    public let borderlineEdge: Double?
    /// Per domain, in framework order.
    public let domains: [PartScore]
    /// Per aspect, in framework order.
    public let aspects: [PartScore]
}

/// The index of one domain or aspect.
public struct PartScore: Sendable {
    /// Identifier (`D1`, `A3`).
    public let id: String
    /// Official name.
    public let name: String
    /// Weight in percent of the total index.
    public let weight: Double
    /// Weighted mean level of its indicators at full precision; nil when it has no weighted indicator.
    public let index: Double?
}

import DataModel
import Diagnostics

/// A maturity scale: the names of levels 1…5 (`Rintisan` … `Optimum`).
public struct Scale: Sendable {
    /// Identifier used by indicators (`proses`, `fungsi_teknis`).
    public let id: String
    /// Level names in order; `levels[0]` is level 1.
    public let levels: [LevelName]
    /// Where the scale is declared.
    public let location: SourceLocation?

    /// The name of `level` (1-based), or nil outside the scale.
    public func name(of level: Int) -> String? {
        levels.first { $0.level == level }?.name
    }
}

/// The name and meaning of one level of a scale.
public struct LevelName: Sendable {
    /// 1-based level.
    public let level: Int
    /// Official name (`Terdefinisi`).
    public let name: String
    /// What the level means in general.
    public let description: LocalizedText?
}

/// An aspect of a domain, with its weight in percent of the whole index.
public struct Aspect: Sendable {
    /// Identifier (`A1`).
    public let id: String
    /// Official name.
    public let name: String
    /// Weight in percent of the total index.
    public let weight: Double
    /// Identifier of the domain it belongs to.
    public let domainID: String
    /// Where it is declared.
    public let location: SourceLocation?
}

/// A domain of the framework, with its weight in percent of the whole index.
public struct Domain: Sendable {
    /// Identifier (`D1`).
    public let id: String
    /// Official name.
    public let name: String
    /// Weight in percent of the total index.
    public let weight: Double
    /// Its aspects, in declaration order.
    public let aspects: [Aspect]
    /// Where it is declared.
    public let location: SourceLocation?
}

/// A predicate band: indexes at or above `minimum` (and below the next band) get `name`.
public struct Predicate: Sendable {
    /// Official name (`Baik`).
    public let name: String
    /// Inclusive lower bound, compared with the unrounded index.
    public let minimum: Double
}

/// The evaluation framework: scales, domains and aspects with weights, predicate bands.
public struct Framework: Sendable {
    /// Level scales by declaration order.
    public let scales: [Scale]
    /// Domains in declaration order.
    public let domains: [Domain]
    /// The sum the indicator weights must reach, when declared.
    public let totalWeight: Double?
    /// Whether the official weights are unknown: then no official index can be computed.
    public let weightsUnknown: Bool
    /// Predicate bands, highest first.
    public let predicates: [Predicate]
    /// Where the `framework:` mapping is.
    public let location: SourceLocation?

    /// No scales, domains or predicates: the framework of a pack that only declares an inventory schema.
    public static let none = Framework(
        scales: [], domains: [], totalWeight: nil, weightsUnknown: false, predicates: [], location: nil
    )

    /// The scale called `id`.
    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }

    /// Every aspect of every domain, in order.
    public var aspects: [Aspect] { domains.flatMap(\.aspects) }

    /// The predicate of an unrounded index: the first band (highest first) whose minimum it reaches.
    public func predicate(for index: Double) -> String? {
        predicates.first { index >= $0.minimum }?.name
    }
}

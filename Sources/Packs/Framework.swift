import DataModel
import Diagnostics

/// A maturity scale: the names of its levels in order, from its lowest (the floor) to 5 (`Rintisan` … `Optimum`).
///
/// The floor is the level an indicator has when no level's criteria hold: 1 under PermenPANRB 59/2020 and Pemdi,
/// whose level-1 criteria read "belum atau telah tersedia" (not yet or already), and 0 under PermenPANRB 5/2018,
/// whose questionnaire has a level 0. A scale declares it by the level it starts with.
public struct Scale: Sendable {
    /// Identifier used by indicators (`proses`, `fungsi_teknis`).
    public let id: String
    /// Level names in order, the lowest first: `levels[0]` is level 0 or 1.
    public let levels: [LevelName]
    /// Where the scale is declared.
    public let location: SourceLocation?

    /// The lowest level: the first one the scale names (0 or 1), 1 for a scale that names none.
    public var lowestLevel: Int { levels.first?.level ?? 1 }

    /// The highest level the scale names (5 for a scale that names none).
    public var highestLevel: Int { levels.last?.level ?? 5 }

    /// The name of `level`, or nil outside the scale.
    public func name(of level: Int) -> String? {
        levels.first { $0.level == level }?.name
    }
}

/// The name and meaning of one level of a scale.
public struct LevelName: Sendable {
    /// The level (0 only as a scale's floor).
    public let level: Int
    /// Official name (`Terdefinisi`) in the pack's display language: Indonesian as read, the `names` text of
    /// another language after `localized(to:)`.
    public internal(set) var name: String
    /// The name in every language the pack gives it (`name: {id: …, en: …}`); empty for a name made in code.
    public internal(set) var names = LocalizedText([:])
    /// What the level means in general.
    public let description: LocalizedText?
    /// Where the level is declared; nil for a level made in code.
    public internal(set) var location: SourceLocation? = nil
}

/// An aspect of a domain, with its weight in percent of the whole index.
public struct Aspect: Sendable {
    /// Identifier (`A1`).
    public let id: String
    /// Official name in the pack's display language: Indonesian as read, the `names` text of another language
    /// after `localized(to:)`.
    public internal(set) var name: String
    /// The name in every language the pack gives it (`name: {id: …, en: …}`); empty for a name made in code.
    public internal(set) var names = LocalizedText([:])
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
    /// Official name in the pack's display language: Indonesian as read, the `names` text of another language
    /// after `localized(to:)`.
    public internal(set) var name: String
    /// The name in every language the pack gives it (`name: {id: …, en: …}`); empty for a name made in code.
    public internal(set) var names = LocalizedText([:])
    /// Weight in percent of the total index.
    public let weight: Double
    /// Its aspects, in declaration order.
    public internal(set) var aspects: [Aspect]
    /// Where it is declared.
    public let location: SourceLocation?
}

/// A predicate band: indexes shown at or above `minimum` (or strictly above it, when `inclusive` is false), and
/// below the next band, get `name`. The index is compared as every report shows it: rounded half up to two
/// decimals (`IndexRounding`).
public struct Predicate: Sendable {
    /// Official name (`Baik`) in the pack's display language: Indonesian as read, the `names` text of another
    /// language after `localized(to:)`.
    public internal(set) var name: String
    /// The name in every language the pack gives it (`name: {id: …, en: …}`); empty for a name made in code.
    public internal(set) var names: LocalizedText
    /// The band's lower edge (`min:` or `above:` in the pack).
    public let minimum: Double
    /// Whether an index shown exactly at `minimum` is in this band (`min:`, PermenPANRB 59/2020's "≥ 2.6") or in
    /// the band below (`above:`, Pemdi's "1.51–2.50 Cukup", where 1.50 is still Kurang).
    public let inclusive: Bool
    /// Where the band is declared; nil for a band made in code.
    public let location: SourceLocation?

    /// Creates a band; `names` gives its name in every language (by default `name` alone, in Indonesian).
    public init(
        name: String, names: LocalizedText? = nil, minimum: Double, inclusive: Bool = true,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.names = names ?? LocalizedText(indonesian: name)
        self.location = location
        self.minimum = minimum
        self.inclusive = inclusive
    }

    /// Whether an index shown as `hundredths` / 100 falls in this band or a higher one.
    public func admits(hundredths: Int) -> Bool {
        let edge = IndexRounding.hundredths(minimum)
        return inclusive ? hundredths >= edge : hundredths > edge
    }

    /// The least full-precision index that falls in this band or a higher one: where rounding half up to two
    /// decimals first reaches the band (2.595 for `min: 2.6`, 1.505 for `above: 1.5`).
    public var lowestIndex: Double {
        let edge = Double(IndexRounding.hundredths(minimum))
        return ((inclusive ? edge : edge + 1) - 0.5) / 100
    }
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
    /// The indicators decided for the pemda as a whole (`pemda_level:`), in declaration order: in a regency run an
    /// OPD's simulated index takes the pemda's level for them.
    public let pemdaLevel: [PemdaLevelIndicator]
    /// Where the `framework:` mapping is.
    public let location: SourceLocation?

    /// No scales, domains or predicates: the framework of a pack that only declares an inventory schema.
    public static let none = Framework(
        scales: [], domains: [], totalWeight: nil, weightsUnknown: false, predicates: [], pemdaLevel: [], location: nil
    )

    /// The scale called `id`.
    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }

    /// Every aspect of every domain, in order.
    public var aspects: [Aspect] { domains.flatMap(\.aspects) }

    /// The predicate of a full-precision index, decided on the index as shown (rounded half up to two
    /// decimals): the first band, highest first, that admits it.
    public func predicate(for index: Double) -> String? {
        band(for: index)?.name
    }

    /// The band of a full-precision index, decided on the index as shown; nil below every band.
    public func band(for index: Double) -> Predicate? {
        let shown = IndexRounding.hundredths(index)
        return predicates.first { $0.admits(hundredths: shown) }
    }

    /// The edge between two bands that a full-precision index lies within 0.005 of, if any: the official
    /// predicate, whose rounding is not published, could then fall on either side of it.
    public func borderlineEdge(near index: Double) -> Double? {
        predicates.dropLast().first { abs(index - $0.minimum) <= IndexRounding.borderlineDistance }?.minimum
    }
}

/// An indicator the pemda decides for all its OPDs (its policies, its Tim Koordinasi, its architecture): an OPD
/// cannot raise it on its own, so an OPD checked within its pemda is given the pemda's level for it.
public struct PemdaLevelIndicator: Sendable {
    /// The indicator's id (`I01`).
    public let indicatorID: String
    /// Why the pemda, not the OPD, decides it.
    public let reason: String
    /// Where it is declared.
    public let location: SourceLocation?
}

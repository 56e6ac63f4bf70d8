import DataModel
import Diagnostics

/// What one level of an indicator requires.
public struct LevelSpec: Sendable {
    /// 1-based level.
    public let level: Int
    /// Condition at OPD scope; the level counts when it holds together with every lower level's condition.
    public let require: ExpressionSource?
    /// What the level needs, phrased for people.
    public let description: LocalizedText?
    /// Where the official criterion this level follows is written (`PermenPANRB 59/2020 Lampiran, indikator 1 tingkat 4`).
    public let criterion: String?
    /// How the pack reads the criterion where the official text leaves room (a review period for "periodik").
    public let note: String?
    /// Supporting evidence (data dukung) an assessor asks for at this level.
    public let evidence: [String]
    /// Where the level is declared.
    public let location: SourceLocation
}

/// An indicator of the framework as a pack declares it.
public struct IndicatorSpec: Sendable {
    /// Stable identifier (`I11`).
    public let id: String
    /// Official number (1–47 in PermenPANRB 59/2020).
    public let number: Int?
    /// For an indicator assessed several times, each time an entry of its own (PermenPANRB 5/2018 assesses
    /// indicator 35 for three sampled public services): which entry this is, 1-based.
    public let part: Int?
    /// Official name in the pack's display language: Indonesian as read, the `names` text of another language
    /// after `localized(to:)`.
    public internal(set) var name: String
    /// The name in every language the pack gives it (`name: {id: …, en: …}`); empty for a name made in code.
    public internal(set) var names = LocalizedText([:])
    /// Identifier of its aspect.
    public let aspectID: String
    /// Weight in percent of the total index.
    public internal(set) var weight: Double
    /// Identifier of its level scale.
    public let scaleID: String
    /// Level a unit should reach before the evaluation.
    public internal(set) var target: Int?
    /// Relative effort (1 small … 5 large) to raise the indicator one level.
    public internal(set) var effort: Double?
    /// Regulations and annex references.
    public internal(set) var references: [String]
    /// Remarks, such as the uncertainty of a source.
    public internal(set) var note: String?
    /// Levels 1…5 in order (possibly fewer while a pack is being written).
    public let levels: [LevelSpec]
    /// Where the indicator is declared.
    public let location: SourceLocation

    /// Its key on the self-assessment form: the number (`16`), with the entry for a part (`35-2`); nil without
    /// a number.
    public var formKey: String? {
        number.map { number in part.map { "\(number)-\($0)" } ?? String(number) }
    }
}

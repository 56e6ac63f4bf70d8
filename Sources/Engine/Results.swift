import DataModel
import Diagnostics

/// A rule's outcome for one subject (an application, a document, a service, or the OPD).
///
/// It refers to its record rather than copying the record's key and location, and words its message only when
/// asked: an inventory has a result for every rule and subject, most of them passes, and each string made for
/// one would be allocated and reference counted.
public struct SubjectResult: Sendable {
    /// Position of the rule in `CompiledPack.rules`.
    public let ruleIndex: Int
    /// The outcome.
    public let outcome: Outcome
    /// Whether the rule is OPD-wide: its subject is the OPD header.
    let isOPDWide: Bool
    /// For `notEvidenced`: whether the rule's filter, rather than its condition, could not be decided.
    let undecidedFilter: Bool
    /// The subject's record (the OPD header for OPD-wide rules).
    let record: Record
    /// The rule's message template and the inventory's header, to word the message with.
    let wording: FindingWording
    /// For `fail`: the position (in the run's `WaiverSet`) of the active waiver that accepts this failure.
    public let waiver: Int?

    /// The subject's key (its id or name; `opd` for OPD-wide rules).
    public var subject: String { isOPDWide ? "opd" : record.key }
    /// Where the subject is in its inventory file.
    public var location: SourceLocation { record.location }

    /// For `fail`: the rule's message for this subject (its title when it has no message); for `notEvidenced`:
    /// which data is missing. Nil for the other outcomes.
    public var message: String? {
        var bytes: [UInt8] = []
        guard writeMessage(into: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `message` to `output` as UTF-8, without making a `String` of it; false, with nothing appended,
    /// when there is none.
    public func writeMessage(into output: inout [UInt8]) -> Bool {
        wording.rules.write(self, header: wording.header, into: &output)
    }

    /// The subject's name as its inventory writes it (`SIMPEG`; the OPD's name for an OPD-wide rule); nil when it
    /// has none.
    public var subjectName: String? { wording.rules.subjectName(of: self) }

    /// For `notEvidenced`: the fields the inventory leaves empty that the rule needs.
    public var missingFields: [String] { wording.rules.missingFields(of: self) }
}

/// How one level's criteria came out.
public enum LevelState: String, Sendable, Codable {
    /// The criteria hold.
    case met
    /// The criteria do not hold.
    case unmet
    /// The inventory lacks the data to decide.
    case notEvidenced = "not_evidenced"
    /// The pack gives no criteria for the level.
    case undefined
}

/// An indicator's estimated maturity level for one inventory.
public struct IndicatorResult: Sendable {
    /// Position in `CompiledPack.indicators`.
    public let indicatorIndex: Int
    /// Highest level whose criteria, and those of every lower level, hold; the scale's lowest level (1 under
    /// PermenPANRB 59/2020, 0 under 5/2018) when level 1's do not.
    public let level: Int
    /// State of each declared level, level 1 first.
    public let levelStates: [LevelState]
    /// Whether the level is the pemda's, not the OPD's own: a pemda-level indicator (`pemda_level:`) of an OPD
    /// evaluated within its pemda.
    public internal(set) var fromPemda = false
}

/// Aggregated outcome of a rule across its subjects.
public struct RuleSummary: Sendable {
    /// Position in `CompiledPack.rules`.
    public let ruleIndex: Int
    /// Subjects per outcome.
    public internal(set) var passed: Int, failed: Int, notEvidenced: Int, notApplicable: Int

    /// Counts one more subject with `outcome`.
    mutating func count(_ outcome: Outcome) {
        switch outcome {
        case .pass: passed += 1
        case .fail: failed += 1
        case .notEvidenced: notEvidenced += 1
        case .notApplicable: notApplicable += 1
        }
    }

    /// `fail` if any subject fails, else `notEvidenced` if any is undecided, else `pass`
    /// (also when no subject is in scope, reported as `notApplicable`).
    public var outcome: Outcome {
        if failed > 0 { return .fail }
        if notEvidenced > 0 { return .notEvidenced }
        if passed > 0 { return .pass }
        return .notApplicable
    }

    /// What `passes()` reads for the rule: false when a subject fails, null when one is undecided, else true.
    public var verdict: Value {
        switch outcome {
        case .fail: .bool(false)
        case .notEvidenced: .null
        case .pass, .notApplicable: .bool(true)
        }
    }
}

/// Everything the evaluator concluded about one inventory.
public struct InventoryEvaluation: Sendable {
    /// The inventory file.
    public let source: String
    /// The OPD's id.
    public let opdID: String
    /// The OPD's name.
    public let opdName: String
    /// The pemda the OPD belongs to: with `opdID`, the OPD's identity.
    public let pemda: PemdaIdentity
    /// Every applicable rule × subject outcome, in rule order then inventory order; not-applicable subjects included.
    public let subjects: SubjectResults
    /// Per rule, in rule order.
    public let rules: [RuleSummary]
    /// Per indicator, in indicator order.
    public let indicators: [IndicatorResult]
    /// The index estimate from the indicator levels, waivers not counted: the figure to trust.
    public let score: Score
    /// The index estimate if waived failures counted as passes; nil when no waiver applies.
    public let scoreWithWaivers: Score?
    /// The indicator levels `scoreWithWaivers` is computed from; nil when no waiver applies.
    let levelsWithWaivers: [Int]?
    /// Positions of the waivers that matched a subject of this inventory (active or expired).
    public let matchedWaivers: [Int]
    /// The subjects that need attention (failures and not-evidenced ones), in rule order then inventory order.
    public let findings: SubjectResults

    init(
        source: String, opdID: String, opdName: String, pemda: PemdaIdentity, subjects: SubjectResults,
        rules: [RuleSummary],
        indicators: [IndicatorResult], score: Score, scoreWithWaivers: Score?, levelsWithWaivers: [Int]?,
        matchedWaivers: [Int]
    ) {
        self.source = source
        self.opdID = opdID
        self.opdName = opdName
        self.pemda = pemda
        self.subjects = subjects
        self.rules = rules
        self.indicators = indicators
        self.score = score
        self.scoreWithWaivers = scoreWithWaivers
        self.levelsWithWaivers = levelsWithWaivers
        self.matchedWaivers = matchedWaivers
        findings = subjects.findings
    }
}

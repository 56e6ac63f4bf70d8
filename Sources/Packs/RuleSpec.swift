import DataModel
import Diagnostics

/// How much a failing rule matters; `--fail-on` compares against it.
public enum RuleSeverity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, low, medium, high, critical

    private var rank: Int { RuleSeverity.allCases.firstIndex(of: self)! }

    /// Orders `info < low < medium < high < critical`.
    public static func < (lhs: RuleSeverity, rhs: RuleSeverity) -> Bool { lhs.rank < rhs.rank }

    /// The name in capitals, as reports badge a failure (`HIGH`).
    public var label: String {
        switch self {
        case .info: "INFO"
        case .low: "LOW"
        case .medium: "MEDIUM"
        case .high: "HIGH"
        case .critical: "CRITICAL"
        }
    }
}

/// A rule as a pack declares it: which subjects it checks, the condition, and what to tell people.
public struct RuleSpec: Sendable {
    /// Stable identifier (`APP-KHUSUS-ARSITEKTUR`).
    public let id: String
    /// Short title.
    public internal(set) var title: LocalizedText
    /// Indicator the rule gives evidence for.
    public let indicatorID: String?
    /// Where the indicator reference is written.
    public let indicatorLocation: SourceLocation?
    /// How much a failure matters.
    public internal(set) var severity: RuleSeverity
    /// The subject collection; nil for a rule about the whole OPD.
    public let each: String?
    /// Where `each:` is written.
    public let eachLocation: SourceLocation?
    /// Scope filter over the subject.
    public let filter: ExpressionSource?
    /// The condition every subject in scope must satisfy.
    public let require: ExpressionSource
    /// Message for a failing subject, with `{field}` placeholders.
    public internal(set) var message: LocalizedSource?
    /// What to do about a failure.
    public internal(set) var recommendation: LocalizedText?
    /// Regulations the rule rests on.
    public internal(set) var references: [String]
    /// Remarks, such as the uncertainty of a source.
    public internal(set) var note: String?
    /// Where the rule is declared.
    public let location: SourceLocation
    /// Ids the rule had before it was renamed, oldest first: waivers and `passes()` may still name them, and
    /// baselines made before the rename still match its findings.
    public internal(set) var aliases: [String] = []
    /// Where `aliases:` is written.
    public internal(set) var aliasesLocation: SourceLocation?
    /// Words that group rules across indicators (`dokumen`, `keamanan`), lowercase, in the order written: shown in
    /// pack documents and reports, and chosen with `spbe check --tags`.
    public internal(set) var tags: [String] = []

    /// The id and every alias.
    public var names: [String] { [id] + aliases }

    /// The id a finding's fingerprint is made from: the rule's oldest id (its first alias, else its id), so a
    /// finding keeps its identity when its rule is renamed.
    ///
    /// Perf: inlinable, so a report reads it in place; as a call, each finding's fingerprint copied its rule's whole
    /// spec (a third of the fingerprint's cost, callgrind, 100 OPDs of spbe-bench).
    @inlinable public var identity: String { aliases.first ?? id }
}

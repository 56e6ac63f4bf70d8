/// What a rule concluded about one subject.
public enum Outcome: String, Sendable, Codable, CaseIterable, Comparable {
    /// The condition holds.
    case pass
    /// The condition does not hold: a gap to fix.
    case fail
    /// The inventory lacks the data to decide: a gap in documentation, not a proven non-compliance.
    case notEvidenced = "not_evidenced"
    /// The subject is outside the rule's scope (its `where` filter is false).
    case notApplicable = "not_applicable"

    private var rank: Int {
        switch self {
        case .fail: 0
        case .notEvidenced: 1
        case .pass: 2
        case .notApplicable: 3
        }
    }

    /// Orders by urgency: fail, not evidenced, pass, not applicable.
    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rank < rhs.rank }
}

import DataModel
import Diagnostics

/// A justified exception: a rule's failure on one subject is accepted until a date.
///
/// Waived findings are still reported (as waived, never hidden), and scores are shown with and without them.
public struct Waiver: Sendable {
    /// The rule waived.
    public let ruleID: String
    /// The subject: a record id, or `opd` for a rule about the whole OPD.
    public let subject: String
    /// The OPD (header `id`) it applies to; nil for every inventory.
    public let opdID: String?
    /// The pemda (its region code or name, as in the inventory's header) it applies to; nil for every pemda.
    public let pemda: String?
    /// Why the exception is justified.
    public let reason: String
    /// Who approved it.
    public let approvedBy: String
    /// The last day it applies.
    public let until: Day
    /// Where the waiver is written.
    public let location: SourceLocation

    /// Whether the waiver still applies on `day`.
    public func isActive(on day: Day) -> Bool { day <= until }

    /// Whether it expires within `days` days after `day` (and still applies).
    public func expiresSoon(after day: Day, within days: Int) -> Bool {
        isActive(on: day) && until.ordinal - day.ordinal <= days
    }
}

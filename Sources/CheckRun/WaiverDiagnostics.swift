import Diagnostics
import Reporting

/// Warnings about waivers that need attention, handed to a run's sink beside the report so CI logs show them too.
public enum WaiverDiagnostics {
    /// One warning per waiver of `report` that is expiring, expired or unused, in waiver-file order.
    public static func diagnostics(_ report: Report) -> [Diagnostic] {
        report.waiverStatuses.compactMap { waiver, status in
            let subject = "\(waiver.ruleID) on \(waiver.subject)"
            switch status {
            case .active:
                return nil
            case .expiring:
                return Diagnostic(
                    .warning, code: "waiver.expiring", "the waiver for \(subject) ends on \(waiver.until)",
                    at: waiver.location, suggestion: "fix the finding, or renew the waiver with a new approval"
                )
            case .expired:
                return Diagnostic(
                    .warning, code: "waiver.expired",
                    "the waiver for \(subject) expired on \(waiver.until) and no longer applies",
                    at: waiver.location, suggestion: "fix the finding, or renew the waiver with a new approval"
                )
            case .unused:
                return Diagnostic(
                    .warning, code: "waiver.unused",
                    "the waiver for \(subject) matches no subject of the inventories checked",
                    at: waiver.location, suggestion: "check the rule id, subject and opd, or remove the waiver"
                )
            }
        }
    }
}

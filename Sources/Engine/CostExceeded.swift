import Diagnostics

/// Evaluation of a rule or an indicator ran out of its cost budget: the run stops with this error (exit 2)
/// rather than go on for ever or report results that were cut short.
public struct CostExceeded: Error, Sendable, Equatable {
    /// Which budget ran out.
    public enum Budget: String, Sendable {
        /// The budget of one rule or indicator on one inventory (`--max-cost`).
        case rule
        /// The budget of the whole run (`--max-total-cost`).
        case run
        /// The findings one inventory may have (`--max-findings`).
        case findings
    }

    /// Which budget ran out.
    public let budget: Budget
    /// The budget, in units (in findings for `findings`).
    public let limit: Int
    /// What was being evaluated: `rule APP-SSO` or `indicator I31`.
    public let subject: String
    /// The inventory being evaluated.
    public let inventory: String
    /// Where the rule's condition or the indicator is declared in the pack.
    public let location: SourceLocation?

    /// The error as a diagnostic at the rule's position, naming the rule, the inventory and the flag to raise.
    public var diagnostic: Diagnostic {
        let units = IntegerFormatting.grouped(limit)
        switch budget {
        case .rule:
            return Diagnostic(
                .error, code: "eval.cost_exceeded",
                "\(subject) went over its evaluation cost budget of \(units) units on '\(inventory)'",
                at: location,
                suggestion:
                    "simplify it (nested quantifiers over large collections cost their product), or raise the budget with --max-cost"
            )
        case .run:
            return Diagnostic(
                .error, code: "eval.run_cost_exceeded",
                "the run went over its evaluation cost budget of \(units) units while evaluating \(subject) on '\(inventory)'",
                at: location, suggestion: "check fewer inventories at once, or raise the budget with --max-total-cost"
            )
        case .findings:
            return Diagnostic(
                .error, code: "eval.too_many_findings",
                "'\(inventory)' has more than \(units) findings (the limit was passed at \(subject)); no report is made of it",
                at: location, suggestion: "fix the most common failure first, or raise the limit with --max-findings"
            )
        }
    }
}

/// Thousands separated by commas, for budgets in messages.
enum IntegerFormatting {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}

/// The functions of the expression language. Quantifiers (`all`, `any`, `none`, `count`) are syntax, not functions.
public enum Builtin: String, Sendable, Hashable, CaseIterable {
    /// Presence, length, case-insensitive containment.
    case present, len, contains
    /// Case-insensitive prefix test.
    case startsWith = "starts_with"
    /// Case-insensitive suffix test.
    case endsWith = "ends_with"
    /// String transforms, pattern search, date parsing, the year of a date.
    case lower, upper, trim, matches, date, year
    /// Whole days from a date to `as_of`.
    case daysSince = "days_since"
    /// Whole months from a date to `as_of`.
    case monthsSince = "months_since"
    /// Whole years from a date to `as_of`.
    case yearsSince = "years_since"
    /// Days from the first date to the second.
    case daysBetween = "days_between"
    /// The first known value, another rule's verdict, the smaller and larger of two.
    case coalesce, passes, min, max

    /// How many arguments the function takes.
    public var arity: Int {
        switch self {
        case .present, .len, .lower, .upper, .trim, .date, .year, .daysSince, .monthsSince, .yearsSince, .passes: 1
        case .contains, .startsWith, .endsWith, .matches, .daysBetween, .coalesce, .min, .max: 2
        }
    }

    /// The signature as documented, for messages: `len(string | list) -> int`.
    public var signature: String {
        switch self {
        case .present: "present(any) -> bool"
        case .len: "len(string | list) -> int"
        case .contains: "contains(string | list<string>, string) -> bool"
        case .startsWith: "starts_with(string, string) -> bool"
        case .endsWith: "ends_with(string, string) -> bool"
        case .lower: "lower(string) -> string"
        case .upper: "upper(string) -> string"
        case .trim: "trim(string) -> string"
        case .matches: "matches(string, PATTERN) -> bool"
        case .date: "date(string) -> date"
        case .year: "year(date) -> int"
        case .daysSince: "days_since(date) -> int"
        case .monthsSince: "months_since(date) -> int"
        case .yearsSince: "years_since(date) -> int"
        case .daysBetween: "days_between(date, date) -> int"
        case .coalesce: "coalesce(T, T) -> T"
        case .passes: "passes(RULE_ID) -> bool"
        case .min: "min(number | date, number | date) -> number | date"
        case .max: "max(number | date, number | date) -> number | date"
        }
    }
}

/// The functions of the expression language. Quantifiers (`all`, `any`, `none`, `count`) are syntax, not functions.
public enum Builtin: String, Sendable, Hashable, CaseIterable {
    case present, len, contains
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case lower, upper, trim, matches, date, year
    case daysSince = "days_since"
    case monthsSince = "months_since"
    case yearsSince = "years_since"
    case daysBetween = "days_between"
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

    /// Whether the function reads only its arguments, so a call on constants can be folded at compile time.
    var isPure: Bool {
        switch self {
        case .daysSince, .monthsSince, .yearsSince, .passes: false
        default: true
        }
    }
}

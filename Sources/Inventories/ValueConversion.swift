import DataModel
import Diagnostics
import YAMLSource

/// Turns the text of one value (a YAML scalar or a spreadsheet cell) into a typed `Value`: the one place where
/// inventory values are typed, so YAML and spreadsheets accept the same spellings and word their errors alike.
public enum ValueConversion {
    /// Where the text comes from; cells accept a few spellings more than YAML.
    public enum Dialect: Sendable {
        /// A YAML or JSON scalar.
        case yaml
        /// A spreadsheet cell: also `1`/`0` for booleans, `DD/MM/YYYY` dates, and whole numbers written `12.0`.
        case cell
    }

    /// Why a text does not fit a field's type: a message and an optional fix, to be put at the value's position.
    public struct Problem: Error, Sendable, Hashable {
        /// One sentence, lower-case start, no trailing period.
        public let message: String
        /// A fix to try, or the allowed values.
        public let suggestion: String?

        /// Creates a problem.
        public init(message: String, suggestion: String? = nil) {
            self.message = message
            self.suggestion = suggestion
        }

        /// A value of the wrong shape or type: `field expects …, found …` (`found` already quoted or described).
        public static func mismatch(found: String, field: String, expected: String) -> Problem {
            Problem(message: "\(field) expects \(expected), found \(found)")
        }
    }

    /// Words accepted for booleans besides YAML's own, as OPD staff write them.
    public static let trueWords: Set<String> = ["ya", "yes", "true", "y"]
    /// Words accepted for `false`.
    public static let falseWords: Set<String> = ["tidak", "no", "false", "n"]

    /// `text` typed as `type` (a scalar type, not a list), or the problem; `resolved` is how YAML's core schema
    /// reads it (`.string` for quoted text, so `"2024"` is never a number).
    public static func value(
        _ text: String, resolved: PlainScalarKind, as type: ValueType, field: String, dialect: Dialect
    ) -> Result<Value, Problem> {
        switch type {
        case .string:
            return .success(.string(text))
        case .enumeration(let values):
            if values.contains(text) { return .success(.string(text)) }
            return .failure(Problem(
                message: "unknown value '\(text)' for \(field)",
                suggestion: Suggestion.didYouMean(text, among: values) ?? "allowed: \(values.joined(separator: ", "))"
            ))
        case .int:
            return integer(text, resolved: resolved, field: field, dialect: dialect)
        case .number:
            switch resolved {
            case .int(let value): return .success(.number(Double(value)))
            case .float(let value) where value.isFinite: return .success(.number(value))
            default: return mismatch(text, field: field, expected: "a number")
            }
        case .bool:
            return boolean(text, resolved: resolved, field: field, dialect: dialect)
        case .date:
            if let day = Day(iso: text) ?? (dialect == .cell ? day(dayMonthYear: text) : nil) { return .success(.date(day)) }
            let forms = dialect == .cell ? "YYYY-MM-DD or DD/MM/YYYY" : "YYYY-MM-DD"
            return .failure(Problem(
                message: "invalid date '\(text)' for \(field)", suggestion: "write dates as \(forms), for example 2024-03-15"
            ))
        case .list, .record, .null, .unknown:
            return mismatch(text, field: field, expected: type.description)
        }
    }

    private static func mismatch(_ text: String, field: String, expected: String) -> Result<Value, Problem> {
        .failure(.mismatch(found: "'\(text)'", field: field, expected: expected))
    }

    private static func integer(_ text: String, resolved: PlainScalarKind, field: String, dialect: Dialect) -> Result<Value, Problem> {
        switch resolved {
        case .int(let value):
            return .success(.int(value))
        case .integerOverflow:
            return .failure(Problem(message: "the number \(text) for \(field) is too large", suggestion: nil))
        case .float(let value) where dialect == .cell && value.isFinite && value == value.rounded() && abs(value) < 9e15:
            // Spreadsheets store every number as a double; `2024.0` from an export is the whole number 2024.
            return .success(.int(Int(value)))
        case .float:
            // `users: 12.0`, or `!!float "1"`: the text may look whole, but it was given as a decimal number.
            return .failure(Problem(
                message: "\(field) expects a whole number, found the decimal number \(text)",
                suggestion: "write it without a decimal point or a !!float tag"
            ))
        default:
            return mismatch(text, field: field, expected: "a whole number")
        }
    }

    private static func boolean(_ text: String, resolved: PlainScalarKind, field: String, dialect: Dialect) -> Result<Value, Problem> {
        if case .bool(let value) = resolved { return .success(.bool(value)) }
        let word = text.lowercased()
        if trueWords.contains(word) || (dialect == .cell && word == "1") { return .success(.bool(true)) }
        if falseWords.contains(word) || (dialect == .cell && word == "0") { return .success(.bool(false)) }
        return mismatch(text, field: field, expected: dialect == .cell ? "true or false (ya/tidak, 1/0)" : "true or false (ya/tidak)")
    }

    /// `DD/MM/YYYY` (one- or two-digit day and month, four-digit year), as Indonesian spreadsheets write dates.
    private static func day(dayMonthYear text: String) -> Day? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

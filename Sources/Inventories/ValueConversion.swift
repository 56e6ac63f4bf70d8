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
        /// A spreadsheet cell: also `1`/`0` for booleans and `DD/MM/YYYY` dates.
        case cell
        /// A cell of a semicolon- or tab-delimited CSV file, as Excel writes them where the decimal separator is a
        /// comma (the Indonesian locale): also numbers written `2,5`.
        case decimalCommaCell
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

    /// Words accepted for booleans besides YAML's own, in any letter case, as OPD staff and Indonesian Excel
    /// (`BENAR`/`SALAH`) write them.
    public static let trueWords: Set<String> = ["ya", "yes", "true", "y", "benar"]
    /// Words accepted for `false`, in any letter case.
    public static let falseWords: Set<String> = ["tidak", "no", "false", "n", "salah"]

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
            // A plain `2020` or `1.0` is a number in YAML, so it is the value written `2020` or `1`.
            if let value = values.first(where: { sameScalar(PlainScalarKind(resolving: $0), resolved) }) {
                return .success(.string(value))
            }
            return .failure(
                Problem(
                    message: "unknown value '\(text)' for \(field)",
                    suggestion: Suggestion.didYouMean(text, among: values)
                        ?? "allowed: \(values.joined(separator: ", "))"
                ))
        case .int:
            return integer(text, resolved: resolved, field: field, dialect: dialect)
        case .number:
            switch resolved {
            case .int(let value): return .success(.number(Double(value)))
            case .float(let value) where value.isFinite: return .success(.number(value))
            case .integerOverflow:
                // A whole number past 64 bits is still a number (JSON Schema's `number` takes it too).
                if let value = Double(text), value.isFinite { return .success(.number(value)) }
                return mismatch(text, field: field, expected: "a number")
            case .string where dialect == .decimalCommaCell:
                if let value = decimalComma(text) { return .success(.number(value)) }
                return mismatch(text, field: field, expected: "a number")
            default: return mismatch(text, field: field, expected: "a number")
            }
        case .bool:
            return boolean(text, resolved: resolved, field: field, dialect: dialect)
        case .date:
            if let day = Day(iso: text) ?? (dialect != .yaml ? day(dayMonthYear: text) : nil) {
                return .success(.date(day))
            }
            let forms = dialect != .yaml ? "YYYY-MM-DD or DD/MM/YYYY" : "YYYY-MM-DD"
            return .failure(
                Problem(
                    message: "invalid date '\(text)' for \(field)",
                    suggestion: "write dates as \(forms), for example 2024-03-15"
                ))
        case .list, .record, .null, .unknown:
            return mismatch(text, field: field, expected: type.description)
        }
    }

    private static func mismatch(_ text: String, field: String, expected: String) -> Result<Value, Problem> {
        .failure(.mismatch(found: "'\(text)'", field: field, expected: expected))
    }

    private static func integer(_ text: String, resolved: PlainScalarKind, field: String, dialect: Dialect) -> Result<
        Value, Problem
    > {
        switch resolved {
        case .int(let value):
            return .success(.int(value))
        case .integerOverflow:
            return .failure(Problem(message: "the number \(text) for \(field) is too large", suggestion: nil))
        case .float(let value) where Int(exactly: value) != nil:
            // Spreadsheets store every number as a double, and pandas writes whole numbers as `2024.0`: the whole
            // number 2024, as JSON Schema's `integer` takes it too.
            return .success(.int(Int(value)))
        case .float:
            // `users: 12.5`, or `!!float "1.5"`: a decimal number where a whole one is expected.
            return .failure(
                Problem(
                    message: "\(field) expects a whole number, found the decimal number \(text)",
                    suggestion: "write it without a decimal point or a !!float tag"
                ))
        default:
            return mismatch(text, field: field, expected: "a whole number")
        }
    }

    private static func boolean(_ text: String, resolved: PlainScalarKind, field: String, dialect: Dialect) -> Result<
        Value, Problem
    > {
        if case .bool(let value) = resolved { return .success(.bool(value)) }
        // ASCII letters only: the Kelvin sign's lowercase is `k`, and no word is spelled with it.
        let word = text.unicodeScalars.map { $0.isASCII ? Character($0).lowercased() : String($0) }.joined()
        if trueWords.contains(word) || (dialect != .yaml && word == "1") { return .success(.bool(true)) }
        if falseWords.contains(word) || (dialect != .yaml && word == "0") { return .success(.bool(false)) }
        return mismatch(
            text, field: field,
            expected: dialect != .yaml ? "true or false (ya/tidak, 1/0)" : "true or false (ya/tidak)")
    }

    /// Whether two resolved plain scalars are the same number or boolean (`1` and `1.0` are, as in JSON).
    private static func sameScalar(_ first: PlainScalarKind, _ second: PlainScalarKind) -> Bool {
        switch (first, second) {
        case (.int(let a), .int(let b)): a == b
        case (.int(let a), .float(let b)), (.float(let b), .int(let a)): Int(exactly: b) == a
        case (.float(let a), .float(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        default: false
        }
    }

    /// `2,5` or `-0,75` (digits, one decimal comma, digits) as a number; nil for anything else.
    private static func decimalComma(_ text: String) -> Double? {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : text[...]
        let parts = unsigned.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } })
        else { return nil }
        return Double(text.replacingComma())
    }

    /// `DD/MM/YYYY` (one- or two-digit day and month, four-digit year), as Indonesian spreadsheets write dates.
    private static func day(dayMonthYear text: String) -> Day? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

extension String {
    /// The text with its one decimal comma made a point.
    fileprivate func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}

import DataModel
import Diagnostics

/// The wording of every checker diagnostic, in one place. Codes are stable (`type.*`).
extension Diagnostic {
    static func unknownName(_ name: String, at location: SourceLocation, suggestion: String?) -> Diagnostic {
        Diagnostic(.error, code: "type.unknown_name", "unknown name '\(name)'", at: location, suggestion: suggestion)
    }

    static func unknownField(_ field: String, on record: RecordSchema, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.unknown_field", "unknown field '\(field)' on \(record.name)", at: location,
            suggestion: Suggestion.didYouMean(field, among: record.fieldNames)
        )
    }

    static func notARecord(field: String, type: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.not_a_record", "cannot read field '\(field)' of a value of type \(type)", at: location
        )
    }

    static func notAValueField(_ field: String, on record: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.unsupported_field",
            "field '\(field)' of \(record) has a record type, which expressions cannot read",
            at: location
        )
    }

    static func unknownEnumValue(_ value: String, origin: String?, values: [String], at location: SourceLocation)
        -> Diagnostic
    {
        let owner =
            origin.map { "\($0) (\(values.joined(separator: "|")))" } ?? "enum(\(values.joined(separator: "|")))"
        return Diagnostic(
            .error, code: "type.unknown_enum_value", "'\(value)' is not a value of \(owner)", at: location,
            suggestion: Suggestion.didYouMean(value, among: values)
        )
    }

    static func resultMismatch(expected: ValueType, found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch", "expression must be \(article(expected)), found \(found)", at: location)
    }

    static func recordResult(found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch", "expression must produce a value, found \(found)", at: location,
            suggestion: "read one of its fields"
        )
    }

    static func needsBool(_ what: String, found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "type.mismatch", "\(what) needs a bool, found \(found)", at: location)
    }

    static func incomparable(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType, at location: SourceLocation)
        -> Diagnostic
    {
        let detail = left.isRecordLike || right.isRecordLike ? "; records cannot be compared, compare their fields" : ""
        return Diagnostic(
            .error, code: "type.mismatch", "cannot compare \(left) with \(right) using '\(op.rawValue)'\(detail)",
            at: location
        )
    }

    static func notOrderable(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "type.mismatch",
            "'\(op.rawValue)' needs two numbers, two dates or two strings, found \(left) and \(right)", at: location
        )
    }

    static func inNeedsList(_ op: BinaryOperator, found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch", "'\(op.rawValue)' needs a list on its right, found \(found)", at: location,
            suggestion: found.isStringLike ? "use contains(text, part) to search inside a string" : nil
        )
    }

    static func inElementMismatch(_ element: ValueType, list: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "type.mismatch", "cannot look for \(article(element)) in a \(list)", at: location)
    }

    static func arithmetic(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType, at location: SourceLocation)
        -> Diagnostic
    {
        let needs =
            switch op {
            case .add: "numbers, or a date and a number of days"
            case .subtract: "numbers, two dates, or a date and a number of days"
            default: "numbers"
            }
        return Diagnostic(
            .error, code: "type.mismatch", "'\(op.rawValue)' needs \(needs), found \(left) and \(right)", at: location
        )
    }

    static func negation(found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "type.mismatch", "'-' needs a number, found \(found)", at: location)
    }

    static func listOfRecords(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "type.mismatch", "a list literal cannot hold records", at: location)
    }

    static func mixedList(_ first: ValueType, _ other: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch", "list elements must have one type: found \(other) after \(first)",
            at: location
        )
    }

    static func unknownFunction(_ name: String, at location: SourceLocation) -> Diagnostic {
        let names = Builtin.allCases.map(\.rawValue) + ["all", "any", "none", "count"]
        let synonym = functionSynonyms[name.lowercased()].map {
            "did you mean '\($0)'? (\(Builtin(rawValue: $0)?.signature ?? $0))"
        }
        return Diagnostic(
            .error, code: "type.unknown_function", "unknown function '\(name)'", at: location,
            suggestion: synonym ?? Suggestion.didYouMean(name, among: names)
        )
    }

    /// What authors used to other languages write for a function of ours that is spelt otherwise: suggestions by
    /// meaning, where spelling alone finds nothing close.
    static let functionSynonyms: [String: String] = [
        "length": "len", "size": "len", "strlen": "len", "regex": "matches", "match": "matches", "re_match": "matches",
        "regex_match": "matches", "has": "present", "exists": "present", "is_present": "present", "defined": "present",
        "lowercase": "lower", "uppercase": "upper", "strip": "trim", "startswith": "starts_with",
        "endswith": "ends_with", "includes": "contains", "ifnull": "coalesce", "nvl": "coalesce",
        "default": "coalesce", "to_date": "date", "parse_date": "date", "age_years": "years_since",
    ]

    static func arity(_ function: Builtin, found: Int, at location: SourceLocation) -> Diagnostic {
        let count = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
        return Diagnostic(
            .error, code: "type.arity", "\(function.rawValue)() takes \(count), found \(found)", at: location,
            suggestion: "the signature is \(function.signature)"
        )
    }

    static func argument(
        _ function: Builtin, position: Int, expected: String, found: ValueType, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch",
            "\(function.rawValue)() expects \(expected) as argument \(position), found \(found)", at: location
        )
    }

    static func recordArgument(_ function: Builtin, found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch", "\(function.rawValue)() cannot take \(found); read one of its fields",
            at: location
        )
    }

    static func literalRequired(_ function: Builtin, what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.literal_required", "\(function.rawValue)() needs \(what) written as a string literal",
            at: location
        )
    }

    static func unknownRule(_ id: String, candidates: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.unknown_rule", "unknown rule '\(id)'", at: location,
            suggestion: Suggestion.didYouMean(id, among: candidates.sorted())
        )
    }

    static func invalidPattern(_ reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "type.invalid_pattern", "invalid pattern: \(reason)", at: location)
    }

    static func invalidDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.invalid_date", "'\(text)' is not a valid date", at: location,
            suggestion: "write an existing date as YYYY-MM-DD"
        )
    }

    static func quantifierSource(_ kind: QuantifierKind, found: ValueType, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.mismatch", "\(kind.rawValue)() iterates over a list, found \(found)", at: location)
    }

    static func missingPredicate(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "type.missing_predicate", "all() needs a condition after a comma", at: location,
            suggestion: "write all(items where filter, condition), or any(items where filter) to ask whether one exists"
        )
    }

    private static func article(_ type: ValueType) -> String {
        let name = type.description
        return (name.first.map { "aeiou".contains($0) } ?? false) ? "an \(name)" : "a \(name)"
    }
}

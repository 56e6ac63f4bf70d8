import DataModel
import Diagnostics

/// The wording of every diagnostic of reading an inventory (`inventory.*`) or a self-assessment (`levels.*`),
/// in one place. Codes are stable; docs/diagnostics.md lists them.
extension Diagnostic {
    static func inventoryEmpty(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "inventory.empty", "the inventory file is empty", at: location)
    }

    static func inventoryNotMapping(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "inventory.expected_mapping",
            "an inventory must be a mapping with 'opd:' and collections such as 'applications:'", at: location
        )
    }

    static func recordNotMapping(of record: RecordSchema, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "inventory.expected_mapping",
            "each record of '\(record.name)' must be a mapping of field: value",
            at: location
        )
    }

    static func invalidSectionKey(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "inventory.invalid_key", "top-level keys must be plain names", at: location)
    }

    static func invalidFieldKey(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "inventory.invalid_key", "field names must be plain names", at: location)
    }

    static func unknownSection(_ key: String, known: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "inventory.unknown_section", "unknown section '\(key)' is ignored", at: location,
            suggestion: Suggestion.didYouMean(key, among: known) ?? "sections: \(known.joined(separator: ", "))"
        )
    }

    static func missingOPD(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "inventory.missing_opd", "the inventory has no 'opd:' section (id, name, pemda …)",
            at: location)
    }

    static func unsupportedInventoryFormat(_ format: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "inventory.unsupported_format", "unsupported inventory format '\(format ?? "?")'",
            at: location,
            suggestion: "this version of spbe reads 'spbe_inventory: 1'"
        )
    }

    static func expectedRecordList(of record: RecordSchema, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "inventory.expected_list",
            "'\(record.name)' must be a list of records (each starting with '- ')",
            at: location
        )
    }

    static func duplicateRecordID(
        _ id: String, of record: RecordSchema, first: SourceLocation, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .warning, code: "inventory.duplicate_id",
            "another record of '\(record.name)' has the id '\(id)' (first at line \(first.line))", at: location
        )
    }

    static func unknownRecordField(_ name: String, of record: RecordSchema, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "inventory.unknown_field", "unknown field '\(name)' on \(record.name) is ignored",
            at: location,
            suggestion: Suggestion.didYouMean(name, among: record.fieldNames)
        )
    }

    static func missingRecordField(_ field: String, of record: RecordSchema, at location: SourceLocation) -> Diagnostic
    {
        Diagnostic(
            .error, code: "inventory.missing_field", "\(record.name) record is missing required field '\(field)'",
            at: location)
    }

    static func valueType(_ problem: ValueConversion.Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "inventory.type", problem.message, at: location, suggestion: problem.suggestion)
    }

    static func notAnInventory(_ path: String, startsWith kind: String) -> Diagnostic {
        Diagnostic(
            .error, code: "input.not_inventory", "'\(path)' is not an inventory (it starts with '\(kind)')",
            at: SourceLocation(file: path, line: 1, column: 1),
            suggestion: kind == "spbe_pack"
                ? "pass rule packs with --pack"
                : kind == "$schema"
                    ? "this is a JSON Schema; pass only inventory files and folders"
                    : "pass only inventory files and folders"
        )
    }

    static func levelsNotMapping(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.expected_mapping", "a levels file must be a mapping with 'levels: {1: 3, 2: 2, …}'",
            at: location)
    }

    static func unknownLevelsKey(_ key: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.unknown_key", "unknown key '\(key ?? "?")' in a levels file", at: location,
            suggestion: Suggestion.didYouMean(key ?? "", among: ["framework", "levels"])
        )
    }

    static func levelsMissing(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.missing", "the file needs 'levels:' mapping indicator numbers to levels", at: location
        )
    }

    static func invalidIndicatorNumber(_ text: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.invalid_number",
            "'\(text ?? "?")' is not an indicator number (16, or 35-2 for an entry)", at: location
        )
    }

    static func invalidSelfAssessedLevel(of number: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "levels.invalid_level", "the level of indicator \(number) must be a whole number from 0 to 5",
            at: location
        )
    }
}

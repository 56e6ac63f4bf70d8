/// The JSON Schema (draft 2020-12) of the JSON report, `spbe check --format json`, schema version 4: the
/// documented interface for the programs that read it (`docs/reports.md` describes each field).
///
/// Every object is closed and lists every member as required: the report writes each field, null when it has
/// no value.
public enum ReportJSONSchema {
    /// The schema.
    public static func generate() -> JSONValue {
        var schema = object([
            "schema_version": ["const": 4, "description": "The version of the report's shape."],
            "fingerprint_version": [
                "enum": [1, 2],
                "description": "How findings' fingerprints are made: 2 with the OPD's pemda, 1 without.",
            ],
            "tool": object(["name": ["const": "spbe"], "version": string]),
            "pack": object([
                "id": string, "version": string, "framework": string, "title": string, "provisional": boolean,
            ]),
            "as_of": date,
            "fail_on": [
                "enum": ["critical", "high", "medium", "low", "info", "none"],
                "description": "Failing findings at or above this severity fail the run (exit 1); none never fails.",
            ],
            "language": ["enum": ["id", "en"], "description": "The language of the report's words and pack texts."],
            "rules": [
                "type": "array", "items": ["$ref": "#/$defs/rule"],
                "description": "Every rule of the pack, once; inventories' rule results name them by id.",
            ],
            "indicators": [
                "type": "array", "items": ["$ref": "#/$defs/indicator"],
                "description": """
                Every indicator of the pack, once, with its levels' names and needs; inventories' indicator \
                results, recommendations and plans name them by id.
                """,
            ],
            "inventories": ["type": "array", "items": ["$ref": "#/$defs/inventory"]],
            "regencies": ["type": "array", "items": ["$ref": "#/$defs/regency"]],
            "summary": object([
                "inventories": count, "failed": count, "not_evidenced": count, "passed": count, "blocking": count,
            ]),
            "waivers": ["type": "array", "items": ["$ref": "#/$defs/waiver"]],
            "inventory_errors": [
                "type": "array",
                "items": object([
                    "source": string, "code": string, "message": string,
                    "location": ["oneOf": [["$ref": "#/$defs/location"], ["type": "null"]]],
                ]),
                "description": """
                The inventories the run could not report on (a cost budget overrun), in input order; the run \
                exits 2 when there is any.
                """,
            ],
        ])
        if case .object(var members) = schema {
            members["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            members["$id"] = "https://spbe.example/schemas/report.schema.json"
            members["title"] = "spbe check --format json (schema version 4)"
            members["$defs"] = definitions
            schema = .object(members)
        }
        return schema
    }

    private static let string: JSONValue = ["type": "string"]
    private static let nullableString: JSONValue = ["type": ["string", "null"]]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let count: JSONValue = ["type": "integer", "minimum": 0]
    private static let number: JSONValue = ["type": "number"]
    private static let nullableNumber: JSONValue = ["type": ["number", "null"]]
    private static let strings: JSONValue = ["type": "array", "items": ["type": "string"]]
    private static let date: JSONValue = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    private static let severity: JSONValue = ["enum": ["critical", "high", "medium", "low", "info"]]
    private static let outcome: JSONValue = ["enum": ["pass", "fail", "not_evidenced", "not_applicable"]]

    /// A closed object whose members are all required.
    private static func object(_ properties: [String: JSONValue]) -> JSONValue {
        [
            "type": "object", "additionalProperties": false,
            "required": .array(properties.keys.sorted().map { .string($0) }),
            "properties": .object(properties),
        ]
    }

    private static func nullable(_ reference: String) -> JSONValue {
        ["anyOf": [["$ref": .string("#/$defs/\(reference)")], ["type": "null"]]]
    }

    private static func array(of reference: String) -> JSONValue {
        ["type": "array", "items": ["$ref": .string("#/$defs/\(reference)")]]
    }

    private static var definitions: JSONValue {
        [
            "rule": object([
                "id": string, "title": string, "severity": severity, "indicator": nullableString,
                "each": [
                    "type": ["string", "null"], "description": "The subject collection; null for an OPD-wide rule.",
                ],
                "recommendation": nullableString, "references": strings, "note": nullableString,
                "tags": [
                    "type": "array", "items": ["type": "string"],
                    "description": "The rule's tags (`tags:` in the pack), in the order written.",
                ],
            ]),
            "indicator": object([
                "id": string, "number": ["type": ["integer", "null"]], "name": string, "domain": string,
                "aspect": string, "weight": number,
                "target": [
                    "type": ["integer", "null"],
                    "description": "The level an OPD should reach; a result meets it when its level is at least it.",
                ],
                "levels": [
                    "type": "array",
                    "items": object([
                        "level": count,
                        "name": ["type": ["string", "null"], "description": "The level's name on the scale."],
                        "needs": [
                            "type": ["string", "null"],
                            "description": "What the level needs; a recommendation or plan step to it needs this.",
                        ],
                    ]),
                    "description": "Each level of the indicator's scale, lowest first.",
                ],
            ]),
            "finding_location": object([
                "file": [
                    "type": ["string", "null"],
                    "description": "The file, when it is not the inventory's source; null when it is.",
                ],
                "line": ["type": "integer", "minimum": 1], "column": ["type": "integer", "minimum": 1],
                "sheet": [
                    "type": ["string", "null"],
                    "description": "The workbook sheet; then line and column are the cell's row and column.",
                ],
                "cell": [
                    "type": ["string", "null"], "description": "The workbook cell, C12; null outside workbooks.",
                ],
            ]),
            "location": object([
                "file": string, "line": ["type": "integer", "minimum": 1], "column": ["type": "integer", "minimum": 1],
                "sheet": [
                    "type": ["string", "null"],
                    "description": "The workbook sheet; then line and column are the cell's row and column.",
                ],
                "cell": [
                    "type": ["string", "null"], "description": "The workbook cell, C12; null outside workbooks.",
                ],
            ]),
            "finding": object([
                "outcome": ["enum": ["fail", "not_evidenced"]],
                "subject": string,
                "location": ["$ref": "#/$defs/finding_location"],
                "message": [
                    "type": ["string", "null"],
                    "description": """
                    A failure's message; null for a not-evidenced finding, whose words are 'data belum cukup \
                    untuk menilai' ('not enough data to decide' in English) and, when it has any, ': ' and its \
                    missing_fields joined by ', '.
                    """,
                ],
                "missing_fields": [
                    "type": "array", "items": ["type": "string"],
                    "description": """
                    For a not-evidenced finding, the empty fields of its subject the rule needs; when \
                    those are all filled in, the empty fields of other records that left it undecided, \
                    each as 'collection KEY.field' (a null met in a where: on another record).
                    """,
                ],
                "waiver": [
                    "type": ["integer", "null"],
                    "description": "The position of the waiver accepting the failure in waivers.",
                ],
                "fingerprint": ["type": "string", "pattern": "^[0-9a-f]{16}$"],
                "baseline_state": ["enum": ["new", "unchanged", .null]],
            ]),
            "part": object(["id": string, "name": string, "weight": number, "index": nullableNumber]),
            "score": object([
                "index": nullableNumber, "index_display": nullableString, "predicate": nullableString,
                "borderline": [
                    "type": "boolean",
                    "description": "Whether the full-precision index is within 0.005 of a band edge.",
                ],
                "borderline_note": nullableString,
                "domains": array(of: "part"), "aspects": array(of: "part"),
            ]),
            "step": object([
                "indicator": string, "from_level": count, "to_level": count, "gain": number, "effort": number,
            ]),
            "inventory": object([
                "source": string,
                "opd": object(["id": string, "name": string, "pemda": nullableString, "pemda_code": nullableString]),
                "simulation": boolean,
                "score": ["$ref": "#/$defs/score"],
                "score_with_waivers": nullable("score"),
                "indicators": [
                    "type": "array",
                    "items": object([
                        "id": [
                            "type": "string",
                            "description": "The id of an indicator in the top-level indicators table.",
                        ],
                        "level": count,
                        "level_states": [
                            "type": "array", "items": ["enum": ["met", "unmet", "not_evidenced", "undefined"]],
                        ],
                    ]),
                ],
                "rules": [
                    "type": "array",
                    "items": object([
                        "id": ["type": "string", "description": "The id of a rule in the top-level rules table."],
                        "outcome": outcome, "passed": count, "failed": count, "not_evidenced": count,
                        "not_applicable": count,
                        "findings": array(of: "finding"),
                    ]),
                ],
                "recommendations": array(of: "step"),
                "plan": [
                    "anyOf": [
                        object([
                            "predicate": string, "minimum": number, "steps": array(of: "step"), "effort": number,
                            "index": number,
                        ]),
                        ["type": "null"],
                    ]
                ],
                "baseline": [
                    "anyOf": [
                        object([
                            "index_change": nullableNumber, "new": count, "unchanged": count,
                            "fixed": [
                                "type": "array",
                                "items": object([
                                    "rule": string, "subject": string, "fingerprint": string,
                                    "location": ["$ref": "#/$defs/location"],
                                ]),
                            ],
                        ]),
                        ["type": "null"],
                    ]
                ],
            ]),
            "regency": object([
                "folder": string, "name": string,
                "pemda": ["$ref": "#/$defs/inventory"],
                "opds": [
                    "type": "array",
                    "items": object([
                        "source": string, "name": string, "index": nullableNumber, "index_display": nullableString,
                        "predicate": nullableString, "pass_rate": nullableNumber, "weakest": strings,
                        "aspects": array(of: "part"),
                    ]),
                ],
                "pemda_level_indicators": [
                    "type": "array", "items": object(["id": string, "level": count, "reason": string]),
                ],
                "cross_findings": [
                    "type": "array",
                    "items": object([
                        "kind": ["enum": ["duplicate_function", "not_integrated", "retired_dependency"]],
                        "rule": string, "headline": string, "topic": string,
                        "subjects": [
                            "type": "array",
                            "items": object([
                                "opd": string, "record": string, "name": string,
                                "location": ["$ref": "#/$defs/location"],
                            ]),
                        ],
                    ]),
                ],
            ]),
            "waiver": object([
                "rule": string, "subject": string, "opd": nullableString, "reason": string, "approved_by": string,
                "until": date,
                "status": ["enum": ["active", "expiring", "expired", "unused"]],
                "location": ["$ref": "#/$defs/location"],
            ]),
        ]
    }
}

import Packs

/// A JSON Schema (draft 2020-12) for rule pack files, so editors complete and check the keys a pack author types.
///
/// It mirrors what the pack loader accepts: every mapping is closed (`additionalProperties: false`), as the
/// loader rejects unknown keys.
public enum PackJSONSchema {
    /// The schema of one pack file (any of the sections may appear in any file of a pack folder).
    public static func generate() -> JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Berkas paket aturan spbe (format 1)",
            "type": "object",
            "additionalProperties": false,
            "properties": [
                "spbe_pack": ["const": 1, "description": "Versi format paket (1)."],
                "extends": [
                    "type": "array", "items": ["type": "string"],
                    "description": "Paket dasar, relatif terhadap folder paket ini.",
                ],
                "override": override,
                "disable": [
                    "type": "array", "items": ["type": "string"],
                    "description": "Aturan paket dasar yang dinonaktifkan.",
                ],
                "pack": metadata,
                "framework": framework,
                "schema": schema,
                "indicators": ["type": "array", "items": indicator],
                "rules": ["type": "array", "items": rule],
            ],
            "$defs": [
                "text": text,
                "field": field,
                "record": record,
                "level": level,
            ],
        ]
    }

    private static let text: JSONValue = [
        "description": "Teks dalam bahasa Indonesia, atau {id: …, en: …}.",
        "anyOf": [
            ["type": "string"],
            [
                "type": "object", "required": ["id"], "additionalProperties": false,
                "properties": ["id": ["type": "string"], "en": ["type": "string"]],
            ],
        ],
    ]

    private static let strings: JSONValue = [
        "anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]
    ]
    private static let textReference: JSONValue = ["$ref": "#/$defs/text"]

    private static let metadata: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["id", "title", "version", "framework"],
        "properties": [
            "id": ["type": "string"], "title": textReference, "version": ["type": "string"],
            "framework": ["type": "string"], "legal_basis": strings, "language": ["enum": ["id", "en"]],
            "description": textReference, "provisional": ["type": "boolean"],
        ],
    ]

    private static let framework: JSONValue = [
        // `scales` and `domains` are required of a pack that extends nothing; the loader says so with a position.
        "type": "object", "additionalProperties": false,
        "properties": [
            "scales": [
                "type": "object",
                "additionalProperties": [
                    "type": "array",
                    "items": [
                        "type": "object", "additionalProperties": false, "required": ["level", "name"],
                        "properties": [
                            "level": ["type": "integer", "minimum": 0, "maximum": 5], "name": textReference,
                            "description": textReference,
                        ],
                    ],
                ],
            ],
            "domains": [
                "type": "array",
                "items": [
                    "type": "object", "additionalProperties": false, "required": ["id", "name", "aspects"],
                    "properties": [
                        "id": ["type": "string"], "name": textReference, "weight": ["type": "number"],
                        "aspects": [
                            "type": "array",
                            "items": [
                                "type": "object", "additionalProperties": false, "required": ["id", "name"],
                                "properties": [
                                    "id": ["type": "string"], "name": textReference, "weight": ["type": "number"],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "total_weight": ["type": "number"],
            "weights_unknown": ["type": "boolean"],
            "predicates": [
                "type": "array",
                "items": [
                    "type": "object", "additionalProperties": false, "required": ["name"],
                    "properties": ["name": textReference, "min": ["type": "number"], "above": ["type": "number"]],
                    "oneOf": [["required": ["min"]], ["required": ["above"]]],
                ],
            ],
            "pemda_level": ["type": "object", "additionalProperties": ["type": "string"]],
        ],
    ]

    private static let field: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["type"],
        "properties": [
            "type": ["enum": ["string", "int", "number", "bool", "date", "enum", "list"]],
            "required": ["type": "boolean"],
            "values": ["type": "array", "items": ["type": "string"]],
            "value_labels": ["type": "object", "additionalProperties": ["type": "string"]],
            "of": ["enum": ["string", "int", "number", "bool", "date", "enum"]],
            "label": ["type": "string"],
            "description": textReference,
        ],
    ]

    private static let record: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["fields"],
        "properties": [
            "description": textReference,
            "fields": ["type": "object", "additionalProperties": ["$ref": "#/$defs/field"]],
        ],
    ]

    // `opd` and `collections` are required of a pack that extends nothing; the loader says so with a position.
    private static let schema: JSONValue = [
        "type": "object", "additionalProperties": false,
        "properties": [
            "opd": ["$ref": "#/$defs/record"],
            "collections": ["type": "object", "additionalProperties": ["$ref": "#/$defs/record"]],
        ],
    ]

    private static let override: JSONValue = [
        "type": "object", "additionalProperties": false,
        "properties": [
            "rules": [
                "type": "object",
                "additionalProperties": [
                    "type": "object", "additionalProperties": false,
                    "properties": [
                        "severity": ["enum": ["critical", "high", "medium", "low", "info"]], "title": textReference,
                        "message": textReference, "recommendation": textReference, "references": strings,
                        "note": ["type": "string"],
                    ],
                ],
            ],
            "indicators": [
                "type": "object",
                "additionalProperties": [
                    "type": "object", "additionalProperties": false,
                    "properties": [
                        "weight": ["type": "number"], "target": ["type": "integer", "minimum": 1, "maximum": 5],
                        "effort": ["type": "number"], "references": strings, "note": ["type": "string"],
                    ],
                ],
            ],
            "domains": weightOverride,
            "aspects": weightOverride,
        ],
    ]

    /// `{ID: {weight: N}}`: domains and aspects of a base pack reweighted.
    private static let weightOverride: JSONValue = [
        "type": "object",
        "additionalProperties": [
            "type": "object", "additionalProperties": false, "required": ["weight"],
            "properties": ["weight": ["type": "number"]],
        ],
    ]

    private static let level: JSONValue = [
        "type": "object", "additionalProperties": false,
        "properties": [
            "require": ["type": "string"], "description": textReference, "criterion": ["type": "string"],
            "note": ["type": "string"], "evidence": strings,
        ],
    ]

    private static let indicator: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["id", "name", "aspect", "weight", "scale"],
        "properties": [
            "id": ["type": "string"], "number": ["type": "integer"], "part": ["type": "integer", "minimum": 1],
            "name": textReference,
            "aspect": ["type": "string"], "weight": ["type": "number"], "scale": ["type": "string"],
            "target": ["type": "integer", "minimum": 1, "maximum": 5], "effort": ["type": "number"],
            "references": strings, "note": ["type": "string"],
            "levels": [
                "type": "object", "additionalProperties": false,
                "patternProperties": ["^[1-5]$": ["$ref": "#/$defs/level"]],
            ],
        ],
    ]

    private static let rule: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["id", "title", "severity", "require"],
        "properties": [
            "id": ["type": "string"], "title": textReference, "indicator": ["type": "string"],
            "severity": ["enum": ["critical", "high", "medium", "low", "info"]],
            "each": ["type": "string"], "where": ["type": "string"], "require": ["type": "string"],
            "message": textReference, "recommendation": textReference, "references": strings,
            "note": ["type": "string"],
            "aliases": strings,
            "tags": [
                "type": "array", "items": ["type": "string", "pattern": .string(RuleTag.pattern)], "uniqueItems": true,
            ],
        ],
    ]
}

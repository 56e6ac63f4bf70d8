import Foundation

extension OpenAPIDocument {
    /// The document with the workflow's paths, schemas and parameters added to the base ones (same keys: the
    /// workflow's win), keys sorted.
    static func merged(_ base: String, _ addition: String) -> String {
        guard
            var document = try? JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any],
            let extra = try? JSONSerialization.jsonObject(with: Data(addition.utf8)) as? [String: Any]
        else { return base }
        document["paths"] = merging(document["paths"], extra["paths"])
        var components = document["components"] as? [String: Any] ?? [:]
        for (key, value) in extra["components"] as? [String: Any] ?? [:] {
            components[key] = merging(components[key], value)
        }
        document["components"] = components
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        else { return base }
        return String(decoding: data, as: UTF8.self)
    }

    private static func merging(_ base: Any?, _ extra: Any?) -> [String: Any] {
        (base as? [String: Any] ?? [:]).merging(extra as? [String: Any] ?? [:]) { _, new in new }
    }

    /// The workflow's part (issue 23): stages, reopenings, responsibilities, evidence, claims, verdicts.
    static let workflow = """
        {
          "components": {
            "schemas": {
              "Day": {"type": "string", "format": "date", "pattern": "^(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}$", "description": "A day from 1970 on, YYYY-MM-DD."},
              "StageName": {"type": "string", "enum": ["persiapan", "penilaian-mandiri", "verifikasi-internal", "pengiriman", "penilaian-dokumen", "interviu", "visitasi", "hasil"]},
              "Reopening": {"type": "object", "properties": {
                "id": {"type": "integer"}, "opd_id": {"type": "integer"}, "until_on": {"type": "string", "format": "date"},
                "reason": {"type": "string"}, "created_at": {"type": "integer"}},
                "required": ["id", "opd_id", "until_on", "reason", "created_at"]},
              "Stages": {"type": "object", "properties": {
                "today": {"type": "string", "format": "date", "description": "Today on the server, in the pemda's time zone."},
                "current_stage": {"$ref": "#/components/schemas/StageName"},
                "stages": {"type": "array", "items": {"type": "object", "properties": {
                  "stage": {"$ref": "#/components/schemas/StageName"}, "starts_on": {"type": "string", "format": "date"},
                  "ends_on": {"type": "string", "format": "date"}}, "required": ["stage", "starts_on", "ends_on"]}},
                "reopenings": {"type": "array", "items": {"$ref": "#/components/schemas/Reopening"}}},
                "required": ["today", "stages", "reopenings"]},
              "Responsibility": {"type": "object", "properties": {
                "indicator": {"type": "string"}, "name": {"type": "string"}, "pemda_level": {"type": "boolean"},
                "lead_opd_id": {"type": "integer"}, "contributor_opd_ids": {"type": "array", "items": {"type": "integer"}},
                "pj": {"type": "string"}},
                "required": ["indicator", "name", "pemda_level", "contributor_opd_ids", "pj"]},
              "ReviewStatus": {"type": "string", "enum": ["pending", "accepted", "to-revise", "revised"]},
              "Evidence": {"type": "object", "properties": {
                "id": {"type": "integer"}, "period_id": {"type": "integer"}, "opd_id": {"type": "integer"},
                "indicator": {"type": "string"}, "level": {"type": "integer", "minimum": 1, "maximum": 5},
                "code": {"type": "string", "description": "The item's display code, e.g. I05-L3-01."},
                "version": {"type": "integer", "minimum": 1}, "title": {"type": "string"}, "record": {"type": "string"},
                "file_name": {"type": "string"}, "content_hash": {"type": "string"}, "size": {"type": "integer"},
                "kind": {"type": "string", "enum": ["pdf", "png", "jpeg", "docx", "xlsx", "odt"]}, "created_at": {"type": "integer"},
                "latest": {"type": "boolean", "description": "Whether this is the item's latest version."},
                "status": {"$ref": "#/components/schemas/ReviewStatus"}, "download": {"type": "string"}},
                "required": ["id", "period_id", "opd_id", "indicator", "level", "code", "version", "title", "record", "file_name",
                  "content_hash", "size", "kind", "created_at", "latest", "status", "download"]},
              "Claim": {"type": "object", "properties": {
                "id": {"type": "integer"}, "period_id": {"type": "integer"}, "indicator": {"type": "string"}, "opd_id": {"type": "integer"},
                "level": {"type": "integer", "minimum": 1, "maximum": 5}, "fact": {"type": "string"}, "analysis": {"type": "string"},
                "evidence_codes": {"type": "array", "items": {"type": "string"}}, "created_at": {"type": "integer"},
                "status": {"$ref": "#/components/schemas/ReviewStatus"},
                "estimated_level": {"type": "integer", "description": "spbe's estimate from the current inventory, when there is one."},
                "disagreement": {"type": "string", "description": "Why the claim and its backing disagree, when they do."}},
                "required": ["id", "period_id", "indicator", "opd_id", "level", "fact", "analysis", "evidence_codes", "created_at", "status"]},
              "Verdict": {"type": "object", "properties": {
                "id": {"type": "integer"}, "opd_id": {"type": "integer"}, "subject": {"type": "string", "enum": ["evidence", "claim"]},
                "item": {"type": "string", "description": "An evidence code, or a claim's indicator."},
                "version": {"type": "integer", "description": "The evidence version, or the claim's id."},
                "verdict": {"type": "string", "enum": ["accepted", "revise"]},
                "reason": {"type": "string", "enum": ["bukti-tidak-sesuai", "bukti-belum-diunggah", "bukti-kedaluwarsa", "penjelasan-kurang", "lainnya"]},
                "note": {"type": "string"}, "created_at": {"type": "integer"}},
                "required": ["id", "opd_id", "subject", "item", "version", "verdict", "note", "created_at"]},
              "VerdictBody": {"type": "object", "additionalProperties": false, "properties": {
                "verdict": {"type": "string", "enum": ["accepted", "revise"]},
                "reason": {"type": "string", "enum": ["bukti-tidak-sesuai", "bukti-belum-diunggah", "bukti-kedaluwarsa", "penjelasan-kurang", "lainnya"]},
                "note": {"type": "string", "maxLength": 1000}},
                "required": ["verdict"],
                "if": {"properties": {"verdict": {"const": "revise"}}},
                "then": {"required": ["reason"], "if": {"properties": {"reason": {"const": "lainnya"}}}, "then": {"required": ["note"], "properties": {"note": {"pattern": "\\\\S"}}}},
                "description": "A return needs a reason from the list (lainnya: and a note); an acceptance ignores any reason."}
            },
            "parameters": {
              "evidence": {"name": "evidence", "in": "path", "required": true, "schema": {"type": "integer"}},
              "claim": {"name": "claim", "in": "path", "required": true, "schema": {"type": "integer"}},
              "stage": {"name": "stage", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/StageName"}},
              "indicator": {"name": "indicator", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,32}$"}}
            },
            "responses": {
              "Locked": {"description": "The stage that allows it is over for this OPD (uploads and claims: penilaian mandiri, unless an admin reopened it; verdicts: the review stages).",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Invalid": {"description": "Missing or invalid fields.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "paths": {
            "/api/v1/periods/{period}/stages": {"parameters": [{"$ref": "#/components/parameters/period"}],
              "get": {"summary": "A period's stages and dates, the current stage, and the reopenings of the OPDs the caller may read.", "responses": {
                "200": {"description": "The stages.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stages"}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/periods/{period}/stages/{stage}": {"parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/stage"}],
              "post": {"summary": "Set one stage's dates (admin). Uploads and claims lock when penilaian mandiri ends.", "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": false, "properties": {"starts_on": {"$ref": "#/components/schemas/Day"}, "ends_on": {"$ref": "#/components/schemas/Day"}},
                "required": ["starts_on", "ends_on"]}}}},
                "responses": {"200": {"description": "The period's stages now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stages"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "409": {"description": "The dates conflict: the end before the start, or the stage starting before the stage before it or after the stage after it.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/api/v1/periods/{period}/opds/{opd}/reopenings": {"parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/opd"}],
              "post": {"summary": "Reopen uploads for one OPD for some days from today, with a reason recorded in the audit log (admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": false, "properties": {"days": {"type": "integer", "minimum": 0, "maximum": 30, "description": "Open until today plus this many days."},
                "reason": {"type": "string", "maxLength": 500, "pattern": "\\\\S"}}, "required": ["days", "reason"]}}}},
                "responses": {"201": {"description": "Reopened.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Reopening"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/periods/{period}/responsibilities": {"parameters": [{"$ref": "#/components/parameters/period"}],
              "get": {"summary": "The responsibility matrix (an operator: the rows its OPD leads or contributes to).", "responses": {
                "200": {"description": "The rows, in the pack's order.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Responsibility"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/periods/{period}/responsibilities/{indicator}": {"parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/indicator"}],
              "post": {"summary": "Assign one indicator's lead OPD, contributing OPDs and PJ (admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": false, "properties": {"lead_opd_id": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807, "description": "Absent: no lead."},
                "contributors": {"type": "string", "maxLength": 500, "pattern": "^[a-z0-9._, -]*$", "description": "OPD codes separated by commas or spaces."},
                "pj": {"type": "string", "maxLength": 200, "description": "The person in charge."}},
                "required": ["contributors", "pj"], "description": "Replaces the indicator's row: empty contributors and PJ clear them."}}}},
                "responses": {"200": {"description": "The indicator's row now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Responsibility"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"description": "No such period or indicator, or an OPD named does not exist.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/periods/{period}/opds/{opd}/evidence": {"parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/opd"}],
              "get": {"summary": "An OPD's evidence files (data dukung), every version, by code.", "responses": {
                "200": {"description": "The versions.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"}}},
              "post": {"summary": "Upload an evidence file (the OPD's operator, while uploads are open): PDF, PNG, JPEG, DOCX, XLSX or ODT, its type read from its content.",
                "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {
                  "file": {"type": "string", "format": "binary"}, "indicator": {"type": "string"}, "level": {"type": "string", "enum": ["1", "2", "3", "4", "5"]},
                  "title": {"type": "string", "maxLength": 200, "pattern": "\\\\S"}, "record": {"type": "string", "description": "The inventory record it documents, if any."},
                  "revises": {"type": "string", "description": "The code of the item this is a new version of, if any."}},
                  "required": ["file", "indicator", "level", "title"]}}}},
                "responses": {"201": {"description": "Stored.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "413": {"description": "Too large."}, "423": {"$ref": "#/components/responses/Locked"},
                  "422": {"description": "The content is not an allowed type, or does not match its extension.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/evidence/{evidence}": {"parameters": [{"$ref": "#/components/parameters/evidence"}],
              "get": {"summary": "One evidence version.", "responses": {
                "200": {"description": "The version.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/evidence/{evidence}/file": {"parameters": [{"$ref": "#/components/parameters/evidence"}],
              "get": {"summary": "An evidence version's file, always as an attachment named by its code (Content-Disposition: attachment, X-Content-Type-Options: nosniff).", "responses": {
                "200": {"description": "The file.", "headers": {"Content-Disposition": {"schema": {"type": "string", "pattern": "^attachment"}}},
                  "content": {"application/pdf": {}, "image/png": {}, "image/jpeg": {}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "application/vnd.oasis.opendocument.text": {}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/evidence/{evidence}/verdict": {"parameters": [{"$ref": "#/components/parameters/evidence"}],
              "post": {"summary": "Record a verdict on an evidence item's latest version (assessor, while the review stages run).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VerdictBody"}}}},
                "responses": {"201": {"description": "Recorded.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Verdict"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "409": {"description": "Not the item's latest version.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "423": {"$ref": "#/components/responses/Locked"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/periods/{period}/opds/{opd}/verdicts": {"parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/opd"}],
              "get": {"summary": "The internal review's verdicts on an OPD's evidence and claims, oldest first.", "responses": {
                "200": {"description": "The verdicts.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Verdict"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/periods/{period}/opds/{opd}/claims": {"parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/opd"}],
              "get": {"summary": "An OPD's current claims (penilaian mandiri), each beside spbe's estimate with the disagreement.", "responses": {
                "200": {"description": "The claims.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"},
                "429": {"$ref": "#/components/responses/TooManyRequests"}}},
              "post": {"summary": "Claim a level for an indicator the OPD leads (its operator, while uploads are open), citing its own evidence for it.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {
                  "indicator": {"type": "string"}, "level": {"type": "integer", "minimum": 1, "maximum": 5},
                  "fact": {"type": "string", "minLength": 1, "maxLength": 2000}, "analysis": {"type": "string", "minLength": 1, "maxLength": 2000},
                  "evidence": {"type": "string", "maxLength": 500, "description": "Evidence codes separated by commas or spaces."}},
                  "required": ["indicator", "level", "fact", "analysis"]}}}},
                "responses": {"201": {"description": "Saved as the indicator's current claim.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Claim"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "423": {"$ref": "#/components/responses/Locked"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/claims/{claim}/verdict": {"parameters": [{"$ref": "#/components/parameters/claim"}],
              "post": {"summary": "Record a verdict on an indicator's current claim (assessor, while the review stages run).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VerdictBody"}}}},
                "responses": {"201": {"description": "Recorded.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Verdict"}}}},
                  "400": {"$ref": "#/components/responses/Invalid"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "409": {"description": "Not the indicator's current claim.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "423": {"$ref": "#/components/responses/Locked"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}}}
          }
        }
        """
}

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let json = merged(base, workflow)

    /// The submissions' part.
    static let base = """
        {
          "openapi": "3.1.0",
          "info": {
            "title": "spbe portal API",
            "version": "1",
            "description": "Submit OPD inventories and read their SPBE reports. Authenticate with an API token (Authorization: Bearer spbe_...), created in the portal under API tokens; it acts with its account's role. Browser sessions may call the API too, sending their CSRF token in X-CSRF-Token on POST."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearer": []}],
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Error": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]},
              "Code": {"type": "string", "pattern": "^[a-z0-9._-]{1,64}$"},
              "Name": {"type": "string", "maxLength": 200, "pattern": "\\\\S", "description": "Not only white space."},
              "Account": {"type": "object", "properties": {
                "id": {"type": "integer"}, "username": {"type": "string"}, "display_name": {"type": "string"},
                "role": {"type": "string", "enum": ["admin", "operator", "viewer", "assessor"]}, "opd_id": {"type": ["integer", "null"]}},
                "required": ["id", "username", "display_name", "role"]},
              "OPD": {"type": "object", "properties": {
                "id": {"type": "integer"}, "code": {"type": "string"}, "name": {"type": "string"}, "created_at": {"type": "integer"}},
                "required": ["id", "code", "name", "created_at"]},
              "Period": {"type": "object", "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"}, "evaluation_date": {"type": "string", "format": "date"},
                "pack": {"type": "string"}, "created_at": {"type": "integer"}},
                "required": ["id", "name", "evaluation_date", "pack", "created_at"]},
              "Submission": {"type": "object", "properties": {
                "id": {"type": "integer"}, "period_id": {"type": "integer"}, "opd_id": {"type": "integer"},
                "file_name": {"type": "string"}, "content_hash": {"type": "string"}, "size": {"type": "integer"},
                "created_at": {"type": "integer"}, "index": {"type": ["number", "null"]}, "predicate": {"type": ["string", "null"]},
                "failing_findings": {"type": "integer"}},
                "required": ["id", "period_id", "opd_id", "file_name", "content_hash", "size", "created_at", "failing_findings"]},
              "Diagnostics": {"type": "object", "properties": {"diagnostics": {"type": "array", "items": {"type": "object", "properties": {
                "severity": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}, "file": {"type": ["string", "null"]},
                "sheet": {"type": ["string", "null"]}, "place": {"type": ["string", "null"]}, "fix": {"type": ["string", "null"]}}}}}},
              "Dashboard": {"type": "object"}
            },
            "parameters": {
              "period": {"name": "period", "in": "path", "required": true, "schema": {"type": "integer"}},
              "opd": {"name": "opd", "in": "path", "required": true, "schema": {"type": "integer"}},
              "submission": {"name": "submission", "in": "path", "required": true, "schema": {"type": "integer"}}
            },
            "responses": {
              "Unauthorized": {"description": "No valid token or session.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "The account's role or OPD does not allow it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "No such period, OPD or submission.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "TooManyRequests": {"description": "Over the account's (or, signed out, the address's) request rate; Retry-After gives the seconds to wait.",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "paths": {
            "/api/v1/me": {"get": {"summary": "The calling account.", "responses": {
              "200": {"description": "The account.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Account"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/periods": {
              "get": {"summary": "Evaluation periods, newest first.", "responses": {
                "200": {"description": "The periods.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Period"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}},
              "post": {"summary": "Open a period with the bundled pack (admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": {"type": "string"}, "properties": {"name": {"$ref": "#/components/schemas/Name"}, "evaluation_date": {"type": "string", "format": "date"},
                "pack": {"type": "string", "maxLength": 0, "description": "The pack is chosen in the web page; empty here."}}, "required": ["name", "evaluation_date"]}}}},
                "responses": {"201": {"description": "Opened.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Period"}}}},
                  "400": {"description": "Missing or invalid fields."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/api/v1/opds": {
              "get": {"summary": "The OPDs the caller may read (an operator: its own).", "responses": {
                "200": {"description": "The OPDs.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/OPD"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}},
              "post": {"summary": "Create an OPD (admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": {"type": "string"}, "properties": {"code": {"$ref": "#/components/schemas/Code"}, "name": {"$ref": "#/components/schemas/Name"}}, "required": ["code", "name"]}}}},
                "responses": {"201": {"description": "Created.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OPD"}}}},
                  "400": {"description": "Missing or invalid fields."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "409": {"description": "The code is taken."}}}},
            "/api/v1/accounts": {"post": {"summary": "Create an account (admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {
              "type": "object", "additionalProperties": {"type": "string"}, "properties": {"username": {"$ref": "#/components/schemas/Code"}, "display_name": {"type": "string", "pattern": "\\\\S"},
              "password": {"type": "string", "minLength": 10, "maxLength": 256}, "role": {"type": "string", "enum": ["admin", "operator", "viewer", "assessor"]}, "opd_id": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807}},
              "required": ["username", "password", "role"],
              "if": {"properties": {"role": {"const": "operator"}}}, "then": {"required": ["opd_id"]}, "else": {"not": {"required": ["opd_id"]}},
              "description": "An operator needs the opd_id of an existing OPD; the other roles take none."}}}},
              "responses": {"201": {"description": "Created.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Account"}}}},
                "400": {"description": "Missing or invalid fields."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"},
                "404": {"description": "No OPD has the opd_id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "409": {"description": "The username is taken."}}}},
            "/api/v1/tokens": {"post": {"summary": "Create an API token for the calling account; the secret is returned once.", "requestBody": {"required": true,
              "content": {"application/json": {"schema": {"type": "object", "additionalProperties": {"type": "string"}, "properties": {"name": {"type": "string", "maxLength": 100, "pattern": "\\\\S"}}, "required": ["name"]}}}},
              "responses": {"201": {"description": "Created.", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "token": {"type": "string"}}}}}},
                "400": {"description": "Missing name."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}}}},
            "/api/v1/periods/{period}/opds/{opd}/submissions": {
              "parameters": [{"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/opd"}],
              "get": {"summary": "An OPD's submissions in a period, newest first.", "responses": {
                "200": {"description": "The submissions.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Submission"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}},
              "post": {"summary": "Submit an inventory (the OPD's operator): XLSX, a zip of a CSV folder, YAML or JSON.",
                "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}, "required": ["file"]}}}},
                "responses": {"201": {"description": "Loaded, evaluated and now current.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}}},
                  "400": {"description": "No file."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "413": {"description": "Too large."},
                  "422": {"description": "Did not load: the diagnostics, nothing stored.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
                  "503": {"description": "The evaluation queue is full."}}}},
            "/api/v1/submissions/{submission}": {"parameters": [{"$ref": "#/components/parameters/submission"}],
              "get": {"summary": "A submission.", "responses": {
                "200": {"description": "The submission.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/submissions/{submission}/report": {"parameters": [{"$ref": "#/components/parameters/submission"}],
              "get": {"summary": "The submission's JSON report (as `spbe check --format json`).", "responses": {
                "200": {"description": "The report.", "content": {"application/json": {"schema": {"type": "object"}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/periods/{period}/dashboard": {"parameters": [{"$ref": "#/components/parameters/period"}],
              "get": {"summary": "The pemda dashboard of a period (admin, viewer).", "responses": {
                "200": {"description": "Who submitted, each OPD's estimate, the pemda's estimate, the trend.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Dashboard"}}}},
                "401": {"$ref": "#/components/responses/Unauthorized"}, "429": {"$ref": "#/components/responses/TooManyRequests"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
          }
        }
        """
}

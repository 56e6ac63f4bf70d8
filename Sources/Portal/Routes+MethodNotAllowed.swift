import Foundation
import HTTPTypes
import Hummingbird

extension Routes {
    /// The API's paths and the methods each answers (as the OpenAPI document lists them).
    static let apiMethods: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/api/v1/openapi.json", [.get]), ("/api/v1/me", [.get]), ("/api/v1/periods", [.get, .post]),
        ("/api/v1/opds", [.get, .post]), ("/api/v1/accounts", [.post]), ("/api/v1/tokens", [.post]),
        ("/api/v1/periods/:period/opds/:opd/submissions", [.get, .post]), ("/api/v1/submissions/:submission", [.get]),
        ("/api/v1/submissions/:submission/report", [.get]), ("/api/v1/periods/:period/dashboard", [.get]),
    ]

    /// Every other method on an API path is answered 405 with `Allow`, not 404: the path exists.
    func addMethodRefusals() {
        // QUERY: the HTTP draft's safe method with a body, which schemathesis tries too.
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace, .init("QUERY")!]
        for (path, allowed) in Self.apiMethods + Self.workflowAPIMethods {
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in methods where !allowed.contains(method) {
                router.on(RouterPath(stringLiteral: path), method: method) { _, _ in
                    Response(
                        status: .methodNotAllowed, headers: [.allow: allow, .contentType: "application/json"],
                        body: .init(
                            byteBuffer: ByteBuffer(string: "{\"error\":\"method not allowed; allowed: \(allow)\"}")))
                }
            }
        }
    }
}

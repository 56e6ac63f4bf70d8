import Foundation
import Hummingbird
import PortalStore

/// One request as a handler sees it: who makes it (from the server's own records), its language, its path
/// parameters, its form, and the ways to answer.
struct Call: Sendable {
    let request: Request
    let context: PortalRequestContext
    let services: PortalServices
    let principal: Principal?
    let language: Language
    /// The submitted form (POST only; its CSRF token already checked).
    let form: FormData?

    var words: Words { Words(language: language) }
    var path: String { request.uri.path }
    var isAPI: Bool { path.hasPrefix("/api/") }
    var store: any PortalStore { services.store }

    /// A numeric path parameter.
    func id(_ name: String) -> Int64? { context.parameters.get(name).flatMap { Int64($0) } }

    /// The query string's fields.
    var query: [String: String] { FormData.urlEncoded(request.uri.query ?? "") }

    /// The signed-in account (routes with `Access.signedIn` or `.admin` always have one).
    var account: Account { principal!.account }

    // MARK: Answers

    func html(_ title: String, _ body: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(
                byteBuffer: ByteBuffer(string: Layout.page(title: title, body: body, call: self).markup))
        )
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A file to save, never shown inline.
    func download(_ data: Data, name: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// A refusal in the form the caller reads: JSON for the API, a page otherwise.
    func problem(_ status: HTTPResponse.Status, _ message: String) -> Response {
        if isAPI { return json(["error": message], status: status) }
        return html(String(status.code), "<p class=\"error\">\(message)</p>", status: status)
    }

    func forbidden() -> Response { problem(.forbidden, words.forbidden) }
    func notFound() -> Response { problem(.notFound, words.notFound) }

    /// Records an action in the audit log under the caller's account.
    func audit(_ action: String, submission: Int64? = nil, _ detail: String) throws {
        try store.audit(accountID: principal?.account.id, action: action, submissionID: submission, detail: detail)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

/// Registers routes so that each is checked the same way before its handler runs: who calls (from the session
/// cookie or the API token only), whether that role may call it, and for a POST the body's size and, for a
/// browser session, its CSRF token. Unchecked: the router is only used while routes are added, before serving;
/// the handlers use the services alone.
struct Routes: @unchecked Sendable {
    let router: Router<PortalRequestContext>
    let services: PortalServices

    static let sessionCookie = "spbe_session"
    static let loginCookie = "spbe_login"
    static let languageCookie = "spbe_lang"
    /// The members the API's JSON request bodies declare as whole numbers (OpenAPIDocument); every other member is
    /// text.
    static let integerMembers: Set<String> = ["opd_id", "lead_opd_id", "level", "days"]

    typealias Handler = @Sendable (Call) async throws -> Response

    func get(_ path: RouterPath, _ access: Access, _ handler: @escaping Handler) {
        router.get(path) { request, context in try await run(request, context, access, form: nil, handler) }
    }

    /// A POST route; its body may be at most `maxBody` bytes.
    func post(_ path: RouterPath, _ access: Access, maxBody: Int = 64 * 1024, _ handler: @escaping Handler) {
        router.post(path) { request, context in
            let principal = try resolve(request)
            let language = Self.language(request)
            let bare = Call(
                request: request, context: context, services: services, principal: principal, language: language,
                form: nil)
            if let refusal = limitRate(principal, bare) ?? refuse(access, principal, bare) { return refusal }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBody {
                return bare.problem(.contentTooLarge, bare.words.tooLarge)
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: maxBody)
            } catch {
                return bare.problem(.contentTooLarge, bare.words.tooLarge)
            }
            let data = Data(body.readableBytesView)
            let contentType = request.headers[.contentType]
            let isJSON = contentType?.lowercased().hasPrefix("application/json") == true
            let form =
                isJSON
                ? FormData(json: data, integers: Self.integerMembers) : FormData(body: data, contentType: contentType)
            if isJSON, form == nil { return bare.problem(.badRequest, bare.words.badRequest) }
            // A browser session proves its request with the session's token, in the form or a header (fetch);
            // an API token is not sent by browsers on their own, so it needs none.
            if case .session(let session)? = principal?.proof {
                let sent = form?["_csrf"] ?? request.headers[.csrfToken] ?? ""
                guard Secrets.equal(sent, session.csrfToken) else {
                    return bare.problem(.forbidden, bare.words.badRequest)
                }
            }
            let call = Call(
                request: request, context: context, services: services, principal: principal, language: language,
                form: form ?? FormData())
            return try await handler(call)
        }
    }

    private func run(
        _ request: Request, _ context: PortalRequestContext, _ access: Access, form: FormData?, _ handler: Handler
    ) async throws -> Response {
        let call = Call(
            request: request, context: context, services: services, principal: try resolve(request),
            language: Self.language(request), form: form
        )
        if let refusal = limitRate(call.principal, call) ?? refuse(access, call.principal, call) { return refusal }
        return try await handler(call)
    }

    /// The refusal of a caller `access` does not let in, or nil.
    private func refuse(_ access: Access, _ principal: Principal?, _ call: Call) -> Response? {
        switch access {
        case .anyone:
            return nil
        case .signedIn, .admin, .anyAccount:
            guard let principal else {
                return call.isAPI
                    ? call.problem(.unauthorized, "sign in or send an API token") : call.redirect("/login")
            }
            if access != .anyAccount, let pending = passwordPending(principal, call) { return pending }
            if access == .admin, principal.account.role != .admin { return call.forbidden() }
            return nil
        }
    }

    /// The caller: the account of a valid `Authorization: Bearer` token, else of an unexpired session cookie.
    func resolve(_ request: Request) throws -> Principal? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let account = try services.store.account(tokenHash: Secrets.hash(String(parts[1])))
            else { return nil }
            return Principal(account: account, proof: .token)
        }
        guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty,
            let session = try services.store.session(
                idHash: Secrets.hash(id), now: Int64(Date().timeIntervalSince1970)),
            let account = try services.store.account(id: session.accountID)
        else { return nil }
        return Principal(account: account, proof: .session(session))
    }

    static func language(_ request: Request) -> Language {
        request.cookies[languageCookie].flatMap { Language(rawValue: $0.value) } ?? .id
    }

    /// A cookie as the portal sets them: HttpOnly, SameSite=Strict, path /, Secure unless serving plain HTTP on
    /// loopback.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: services.settings.secureCookies,
            httpOnly: true, sameSite: .strict)
    }
}

extension HTTPField.Name {
    static var csrfToken: Self { Self("X-CSRF-Token")! }
}

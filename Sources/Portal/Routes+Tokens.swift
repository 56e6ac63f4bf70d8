import Foundation
import Hummingbird
import PortalStore

extension Routes {
    /// Each account's API tokens: created (the secret shown once), listed, revoked. A token acts with its
    /// account's role.
    func addTokenRoutes() {
        get("/account/tokens", .signedIn) { call in try tokensPage(call, created: nil) }
        let create: Handler = { call in
            let name = (call.form?["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, (call.form?["name"] ?? "").unicodeScalars.count <= 100 else {
                return try tokensPage(call, created: nil, status: .badRequest)
            }
            let secret = "spbe_" + Secrets.random()
            let token = try call.store.createToken(
                accountID: call.account.id, name: name, tokenHash: Secrets.hash(secret))
            try call.audit("token.create", "\(token.id): \(name)")
            if call.isAPI { return call.json(["id": String(token.id), "token": secret], status: .created) }
            return try tokensPage(call, created: secret, status: .created)
        }
        post("/account/tokens", .signedIn, create)
        post("/api/v1/tokens", .signedIn, create)
        post("/account/tokens/:token/revoke", .signedIn) { call in
            guard let id = call.id("token"), try call.store.deleteToken(id: id, accountID: call.account.id) else {
                return call.notFound()
            }
            try call.audit("token.revoke", String(id))
            return call.redirect("/account/tokens")
        }
    }

    private func tokensPage(_ call: Call, created: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let words = call.words
        let rows: [HTML] = try call.store.tokens(accountID: call.account.id).map {
            """
            <tr><td>\($0.name)</td><td>\(Layout.time($0.createdAt))</td><td><form method="post" action="/account/tokens/\($0.id)/revoke" class="inline">\
            \(Layout.csrf(call))<button type="submit">\(words.revoke)</button></form></td></tr>
            """
        }
        let fresh: HTML =
            created.map { "<p class=\"notice\">\(words.newToken) <code class=\"token\">\($0)</code></p>" } ?? ""
        return call.html(
            words.tokens,
            """
            \(fresh)
            <table><thead><tr><th>\(words.name)</th><th>\(words.time)</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            <form method="post" action="/account/tokens" class="stack">\(Layout.csrf(call))
            <label for="name">\(words.name)</label><input id="name" name="name" required maxlength="100">
            <p><button type="submit">\(words.create)</button></p></form>
            """, status: status)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// Changing one's own password: required at the first sign-in of an account an admin created, open to every
    /// account afterwards. Only the password changes here: never the role or the OPD.
    func addPasswordRoutes() {
        get("/account/password", .anyAccount) { call in try passwordPage(call, notice: nil) }
        post("/account/password", .anyAccount) { call in
            let form = call.form ?? FormData()
            let current = form["current"] ?? ""
            let new = form["new"] ?? ""
            let key = "password-change:\(call.account.id)"
            guard services.logins.allows(key) else {
                return try passwordPage(call, notice: call.words.tooManyAttempts, status: .tooManyRequests)
            }
            guard Secrets.verifyPassword(current, hash: call.account.passwordHash) else {
                services.logins.fail(key)
                try call.audit("password.failed", "")
                return try passwordPage(call, notice: call.words.passwordMismatch, status: .badRequest)
            }
            guard new == form["repeat"], new != current else {
                return try passwordPage(call, notice: call.words.passwordMismatch, status: .badRequest)
            }
            if let problem = Secrets.passwordProblem(new) {
                return try passwordPage(call, notice: problem, status: .badRequest)
            }
            services.logins.succeed(key)
            try call.store.changePassword(accountID: call.account.id, passwordHash: Secrets.hashPassword(new))
            try call.audit("password.change", "")
            // Every session of the account ends (a stolen one too); this browser gets a new one.
            try call.store.deleteSessions(accountID: call.account.id)
            if call.isAPI || call.principal?.csrfToken == nil { return call.redirect("/") }
            let id = Secrets.random()
            let lifetime = services.settings.sessionSeconds
            try call.store.createSession(
                Session(
                    idHash: Secrets.hash(id), accountID: call.account.id, csrfToken: Secrets.random(),
                    expiresAt: Int64(Date().timeIntervalSince1970) + lifetime))
            var response = call.redirect("/")
            response.setCookie(cookie(Self.sessionCookie, id, maxAge: Int(lifetime)))
            return response
        }
    }

    /// For an account that must choose its own password first: the way to the password page (a 403 for the API),
    /// else nil. A store that cannot answer refuses too.
    func passwordPending(_ principal: Principal, _ call: Call) -> Response? {
        let pending = (try? services.store.passwordChangeRequired(accountID: principal.account.id)) ?? true
        guard pending else { return nil }
        return call.isAPI
            ? call.problem(.forbidden, "the account must change its password in the portal first")
            : call.redirect("/account/password")
    }

    private func passwordPage(_ call: Call, notice: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let words = call.words
        let required: HTML =
            try call.store.passwordChangeRequired(accountID: call.account.id)
            ? "<p class=\"notice\">\(words.mustChangePassword)</p>" : ""
        return call.html(
            words.changePassword,
            """
            \(required)\(Self.notice(notice))
            <form method="post" action="/account/password" class="stack">\(Layout.csrf(call))
            <label for="current">\(words.currentPassword)</label><input id="current" name="current" type="password" autocomplete="current-password" required>
            <label for="new">\(words.newPassword)</label><input id="new" name="new" type="password" autocomplete="new-password" required minlength="10">
            <label for="repeat">\(words.repeatPassword)</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="10">
            <p><button type="submit">\(words.changePassword)</button></p></form>
            """, status: status)
    }
}

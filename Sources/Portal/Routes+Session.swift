import Foundation
import Hummingbird
import PortalStore

extension Routes {
    /// Sign-in and sign-out, the language switch, health, and the site's own files.
    func addSessionRoutes() {
        get("/", .anyone) { call in
            guard let principal = call.principal else { return call.redirect("/login") }
            if principal.account.role == .operator, let opd = principal.account.opdID {
                return call.redirect("/opds/\(opd)")
            }
            return call.redirect("/dashboard")
        }
        get("/login", .anyone) { call in loginPage(call, failed: nil) }
        router.post("/login") { request, context in
            // Before sign-in there is no session: a login token in a SameSite=Strict cookie, repeated in the form,
            // keeps other sites from signing a browser in to an account of theirs.
            let language = Self.language(request)
            let data = Data(((try? await request.body.collect(upTo: 16 * 1024)) ?? ByteBuffer()).readableBytesView)
            let form = FormData(body: data, contentType: request.headers[.contentType]) ?? FormData()
            let call = Call(
                request: request, context: context, services: services, principal: nil, language: language, form: form)
            guard let expected = request.cookies[Self.loginCookie]?.value, Secrets.equal(form["_login"] ?? "", expected)
            else {
                return loginPage(call, failed: call.words.badRequest, status: .forbidden)
            }
            let username = form["username"] ?? ""
            let key = username.lowercased()
            guard services.logins.allows(key) else {
                try services.store.audit(accountID: nil, action: "login.limited", submissionID: nil, detail: username)
                return loginPage(call, failed: call.words.tooManyAttempts, status: .tooManyRequests)
            }
            // An unknown user name costs the same bcrypt check as a known one, so timing does not tell them apart.
            let account = try services.store.account(username: username)
            let matches = Secrets.verifyPassword(
                form["password"] ?? "", hash: account?.passwordHash ?? Secrets.decoyHash)
            guard let account, matches else {
                services.logins.fail(key)
                try services.store.audit(accountID: nil, action: "login.failed", submissionID: nil, detail: username)
                return loginPage(call, failed: call.words.loginFailed, status: .unauthorized)
            }
            services.logins.succeed(key)
            // A new session id at every sign-in (never one the browser brought), and the old session ended.
            if let old = request.cookies[Self.sessionCookie]?.value {
                try services.store.deleteSession(idHash: Secrets.hash(old))
            }
            let id = Secrets.random()
            let lifetime = services.settings.sessionSeconds
            try services.store.createSession(
                Session(
                    idHash: Secrets.hash(id), accountID: account.id, csrfToken: Secrets.random(),
                    expiresAt: Int64(Date().timeIntervalSince1970) + lifetime
                ))
            try services.store.audit(accountID: account.id, action: "login", submissionID: nil, detail: "")
            var response = call.redirect("/")
            response.setCookie(cookie(Self.sessionCookie, id, maxAge: Int(lifetime)))
            response.setCookie(cookie(Self.loginCookie, "", maxAge: 0))
            return response
        }
        post("/logout", .anyAccount) { call in
            if case .session(let session) = call.principal?.proof {
                try call.store.deleteSession(idHash: session.idHash)
            }
            try call.audit("logout", "")
            var response = call.redirect("/login")
            response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
            return response
        }
        get("/lang", .anyone) { call in
            let language = Language(rawValue: call.query["to"] ?? "") ?? .id
            let back = call.query["back"] ?? "/"
            // Only a path of this site: never `//host` or a scheme.
            let target = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : "/"
            var response = call.redirect(target)
            response.setCookie(cookie(Self.languageCookie, language.rawValue, maxAge: 365 * 86_400))
            return response
        }
        get("/healthz", .anyone) { call in
            call.services.store.isReachable()
                ? Response(
                    status: .ok, headers: [.contentType: "text/plain"],
                    body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
                : Response(
                    status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "database unreachable\n")))
        }
        get("/static/portal.css", .anyone) { _ in
            Self.asset(Assets.css + "\n" + SubmissionPackDocument.css, type: "text/css; charset=utf-8")
        }
        get("/static/report.css", .anyone) { _ in Self.asset(CheckAdapter.reportStyle, type: "text/css; charset=utf-8")
        }
        get("/static/portal.js", .anyone) { _ in Self.asset(Assets.js, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    private func loginPage(_ call: Call, failed: String?, status: HTTPResponse.Status = .ok) -> Response {
        let words = call.words
        let token = Secrets.random()
        let notice: HTML = failed.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        let noAdmin: HTML = ((try? services.hasAdmin()) ?? true) ? "" : "<p class=\"notice\">\(words.noAdmin)</p>"
        var response = call.html(
            words.login,
            """
            \(noAdmin)\(notice)
            <form method="post" action="/login" class="stack">
            <input type="hidden" name="_login" value="\(token)">
            <label for="username">\(words.username)</label><input id="username" name="username" autocomplete="username" required>
            <label for="password">\(words.password)</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <p><button type="submit">\(words.login)</button></p>
            </form>
            """, status: status)
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3600))
        return response
    }
}

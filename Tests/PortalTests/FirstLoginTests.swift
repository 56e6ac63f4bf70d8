import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing

@testable import Portal

@Suite("First sign-in", .serialized)
struct FirstLoginTests {
    @Test("an account an admin created must choose its own password before any other page, API call included")
    func forcedChange() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let store = world.services.store
        let account = try world.services.createAccountForSomeoneElse(
            username: "op-baru", displayName: "Operator baru", password: "chosen-by-admin", role: .operator,
            opdID: world.opdA.id)
        let session = Secrets.random()
        let csrf = Secrets.random()
        try store.createSession(
            Session(
                idHash: Secrets.hash(session), accountID: account.id, csrfToken: csrf,
                expiresAt: Int64(Date().timeIntervalSince1970) + 3600))
        var headers = HTTPFields()
        headers[.cookie] = "\(Routes.sessionCookie)=\(session)"
        let cookieHeaders = headers
        let results = try await world.test { client in
            let page = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)", method: .get, headers: cookieHeaders)
            let api = try await client.execute(uri: "/api/v1/me", method: .get, headers: cookieHeaders)
            let form = try await client.execute(uri: "/account/password", method: .get, headers: cookieHeaders)
            var post = cookieHeaders
            post[.contentType] = "application/x-www-form-urlencoded"
            let same = try await client.execute(
                uri: "/account/password", method: .post, headers: post,
                body: formBody([
                    "_csrf": csrf, "current": "chosen-by-admin", "new": "chosen-by-admin", "repeat": "chosen-by-admin",
                ]))
            let wrong = try await client.execute(
                uri: "/account/password", method: .post, headers: post,
                body: formBody([
                    "_csrf": csrf, "current": "guess-guess-1", "new": "my own secret", "repeat": "my own secret",
                ]))
            let changed = try await client.execute(
                uri: "/account/password", method: .post, headers: post,
                body: formBody([
                    "_csrf": csrf, "current": "chosen-by-admin", "new": "my own secret", "repeat": "my own secret",
                ]))
            let old = try await client.execute(uri: "/api/v1/me", method: .get, headers: cookieHeaders)
            let cookie = try #require(
                changed.headers[values: .setCookie].first { $0.hasPrefix("\(Routes.sessionCookie)=") })
            var fresh = HTTPFields()
            fresh[.cookie] = String(cookie.prefix { $0 != ";" })
            let after = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)", method: .get, headers: fresh)
            return [
                page.status.code, api.status.code, form.status.code, same.status.code, wrong.status.code,
                changed.status.code, old.status.code, after.status.code,
            ]
        }
        #expect(results == [303, 403, 200, 400, 400, 303, 401, 200])
        #expect(try store.passwordChangeRequired(accountID: account.id) == false)
        let changed = try #require(try store.account(id: account.id))
        #expect(Secrets.verifyPassword("my own secret", hash: changed.passwordHash))
        #expect(changed.role == .operator && changed.opdID == world.opdA.id)
        let actions = try store.auditLog(limit: 5).map(\.action)
        #expect(actions.contains("password.change") && actions.contains("password.failed"))
    }

    @Test("accounts created by an admin in the page must change their password; the command line's admin need not")
    func whoMustChange() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let status = try await world.test { client in
            try await client.execute(
                uri: "/admin/accounts", method: .post,
                headers: world.headers(.admin, contentType: "application/x-www-form-urlencoded"),
                body: formBody([
                    "_csrf": world.sessions[.admin]!.csrf, "username": "asesor-1", "display_name": "Asesor",
                    "password": "chosen-by-admin", "role": "assessor",
                ])
            ).status.code
        }
        #expect(status == 303)
        let assessor = try #require(try world.services.store.account(username: "asesor-1"))
        #expect(assessor.role == .assessor && assessor.opdID == nil)
        #expect(try world.services.store.passwordChangeRequired(accountID: assessor.id))
        let admin = try world.services.createAccount(
            username: "cli-admin", displayName: "CLI", password: "chosen-by-myself", role: .admin, opdID: nil)
        #expect(try world.services.store.passwordChangeRequired(accountID: admin.id) == false)
    }
}

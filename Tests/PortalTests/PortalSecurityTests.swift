import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing
import ZIPFoundation

@testable import Portal

/// The `name=value` of a Set-Cookie header for `name`, nil when none.
private func setCookie(_ response: TestResponse, _ name: String) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }
        .map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
}

private func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// A zip (in memory) of `entries`, path to contents.
func zip(_ entries: [(String, Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, data) in entries {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data!
}

@Suite("Portal security", .serialized)
struct PortalSecurityTests {
    @Test("signing in gives a new session id, never the one the browser brought, and needs the login token")
    func sessionFixation() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let planted = Secrets.random()
        let (forged, login, me, old) = try await world.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let token = try #require(setCookie(page, Routes.loginCookie))
            let fields = ["username": "op-a", "password": PortalWorld.password, "_login": token]
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.cookie] = "\(Routes.sessionCookie)=\(planted)"
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: headers, body: formBody(fields))
            headers[.cookie] = "\(Routes.sessionCookie)=\(planted); \(Routes.loginCookie)=\(token)"
            let login = try await client.execute(uri: "/login", method: .post, headers: headers, body: formBody(fields))
            let session = try #require(setCookie(login, Routes.sessionCookie))
            var sessionHeaders = HTTPFields()
            sessionHeaders[.cookie] = "\(Routes.sessionCookie)=\(session)"
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: sessionHeaders)
            sessionHeaders[.cookie] = "\(Routes.sessionCookie)=\(planted)"
            let old = try await client.execute(uri: "/api/v1/me", method: .get, headers: sessionHeaders)
            return (forged.status.code, login, text(me), old.status.code)
        }
        #expect(forged == 403)
        #expect(login.status == .seeOther)
        let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix(Routes.sessionCookie) })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        #expect(setCookie(login, Routes.sessionCookie) != planted)
        #expect(me.contains("\"username\":\"op-a\""))
        #expect(old == 401)
    }

    @Test("after five wrong passwords a user name is refused for a while, the right password too")
    func loginRateLimit() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let statuses = try await world.test { client in
            var statuses: [Int] = []
            for password in Array(repeating: "wrong password", count: 5) + [PortalWorld.password] {
                var headers = HTTPFields()
                headers[.contentType] = "application/x-www-form-urlencoded"
                headers[.cookie] = "\(Routes.loginCookie)=t"
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: headers,
                    body: formBody(["username": "viewer", "password": password, "_login": "t"])
                )
                statuses.append(response.status.code)
            }
            return statuses
        }
        #expect(statuses == [401, 401, 401, 401, 401, 429])
        #expect(try world.services.store.auditLog(limit: 10).first?.action == "login.limited")
    }

    @Test("OPD names, file names and record values are shown as text, never as markup")
    func escaping() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let payload = "<script>alert(1)</script>"
        let inventory = try String(contentsOfFile: "\(checkout)/examples/kabupaten-bantul/dinkes.yaml", encoding: .utf8)
            .replacingOccurrences(of: "name: SIMPUS Bantul", with: "name: \"<script>alert(3)</script>\"")
            .replacingOccurrences(of: "  name: Dinas Kesehatan\n", with: "  name: \"<script>alert(3)</script>\"\n")
        let pages = try await world.test { client in
            _ = try await client.execute(
                uri: "/admin/opds", method: .post,
                headers: world.headers(.admin, contentType: "application/x-www-form-urlencoded"),
                body: formBody(["code": "xss", "name": payload, "_csrf": world.sessions[.admin]!.csrf])
            )
            let upload = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)/upload", method: .post,
                headers: world.headers(.operatorA, contentType: Multipart.contentType),
                body: Multipart.body(
                    fields: ["_csrf": world.sessions[.operatorA]!.csrf],
                    fileName: "\"><img src=x onerror=alert(2)>.yaml", data: Data(inventory.utf8)
                )
            )
            let location = upload.headers[.location] ?? ""
            var pages: [String] = [String(upload.status.code)]
            for (path, caller) in [
                ("/admin/opds", PortalWorld.Caller.admin), ("/admin/accounts", .admin), ("/dashboard", .admin),
                ("/periods/\(world.period.id)/opds/\(world.opdA.id)", .operatorA), (location, .operatorA),
                ("/admin/audit", .admin),
            ] {
                pages.append(text(try await client.execute(uri: path, method: .get, headers: world.headers(caller))))
            }
            return pages
        }
        #expect(pages[0] == "303")
        for page in pages.dropFirst() {
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("<img src=x"))
        }
        #expect(pages[1].contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(pages[4].contains("&lt;img src=x onerror=alert(2)&gt;.yaml"))
        #expect(pages[5].contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
    }

    @Test("a zip whose entries climb out of their folder is refused and writes nothing outside it")
    func zipTraversal() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let marker = "evil-\(UUID().uuidString).yaml"
        for entry in ["../../\(marker)", "/tmp/\(marker)", "a/../../\(marker)"] {
            let data = try zip([("opd.yaml", Data("spbe_inventory: 1\n".utf8)), (entry, Data("x".utf8))])
            let outcome = try await world.services.intake(
                data, fileName: "inventory.zip", period: world.period, opd: world.opdA,
                account: world.accounts[.operatorA]!)
            guard case .refused(let diagnostics) = outcome else {
                Issue.record("\(entry) was not refused")
                continue
            }
            #expect(diagnostics.first?.message.contains("points outside its folder") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(world.folder)/\(marker)"))
        #expect(!FileManager.default.fileExists(atPath: "\(world.folder)/tmp/\(marker)"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/\(marker)"))
        #expect(try world.services.store.submissions(periodID: world.period.id, opdID: world.opdA.id).count == 1)
    }

    @Test(
        "a CSV folder zip with a wrong cell is refused with the cell, the fixed one is accepted with its changes marked"
    )
    func cellErrorsThenFix() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let folder = "\(checkout)/examples/csv/dinkes-sleman"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        @Sendable func entries(breaking: Bool) throws -> [(String, Data)] {
            try names.map { name in
                var data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
                if breaking, name == "applications.csv" {
                    data = Data(
                        String(decoding: data, as: UTF8.self).replacingOccurrences(
                            of: ",khusus,,false,", with: ",khususs,,false,"
                        ).utf8)
                }
                return ("dinkes-sleman/\(name)", data)
            }
        }
        let (refused, page, accepted, report) = try await world.test { client in
            let path = "/periods/\(world.period.id)/opds/\(world.opdA.id)/upload"
            let csrf = ["_csrf": world.sessions[.operatorA]!.csrf]
            let refused = try await client.execute(
                uri: path, method: .post, headers: world.headers(.operatorA, contentType: Multipart.contentType),
                body: Multipart.body(
                    fields: csrf, fileName: "dinkes-sleman.zip", data: try zip(entries(breaking: true)))
            )
            let accepted = try await client.execute(
                uri: path, method: .post, headers: world.headers(.operatorA, contentType: Multipart.contentType),
                body: Multipart.body(
                    fields: csrf, fileName: "dinkes-sleman.zip", data: try zip(entries(breaking: false)))
            )
            let again = try await client.execute(
                uri: path, method: .post, headers: world.headers(.operatorA, contentType: Multipart.contentType),
                body: Multipart.body(
                    fields: csrf, fileName: "dinkes-sleman.zip", data: try zip(entries(breaking: false)))
            )
            let report = try await client.execute(
                uri: again.headers[.location] ?? "", method: .get, headers: world.headers(.operatorA))
            return (refused.status.code, text(refused), accepted.status.code, text(report))
        }
        #expect(refused == 422)
        #expect(page.contains("khususs"))
        #expect(page.contains("applications.csv"))
        #expect(accepted == 303)
        // The same inventory again: every finding unchanged, none new or fixed, the index unchanged.
        #expect(report.contains("Perubahan sejak kiriman sebelumnya: temuan baru <strong>0</strong>"))
        #expect(report.contains("selesai <strong>0</strong> · Indeks +0.00"))
        #expect(try world.services.store.submissions(periodID: world.period.id, opdID: world.opdA.id).count == 3)
    }

    @Test("the template is an XLSX attachment, /healthz answers, every response carries the security headers")
    func templateHealthHeaders() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let (template, health) = try await world.test { client in
            let template = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)/template.xlsx", method: .get,
                headers: world.headers(.operatorA)
            )
            let health = try await client.execute(uri: "/healthz", method: .get)
            return (template, health)
        }
        #expect(template.status == .ok)
        #expect(Array(template.body.readableBytesView.prefix(2)) == Array("PK".utf8))
        #expect(template.headers[.contentDisposition]?.hasPrefix("attachment") == true)
        #expect(health.status == .ok)
        for response in [template, health] {
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test("the demo pemda loads, and its dashboard shows the pemda's index, the heatmap and the trend")
    func demoDashboard() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-demo-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let services = try PortalServices(settings: PortalSettings(dataFolder: folder, secureCookies: false))
        let credentials = try await services.loadDemo(
            folder: "\(checkout)/examples/kabupaten-bantul", evaluationDate: "2026-06-30")
        #expect(credentials?.username == "admin")
        #expect(
            try await services.loadDemo(folder: "\(checkout)/examples/kabupaten-bantul", evaluationDate: "2026-06-30")
                == nil)
        let admin = try #require(try services.store.account(username: "admin"))
        let id = Secrets.random()
        try services.store.createSession(
            Session(
                idHash: Secrets.hash(id), accountID: admin.id, csrfToken: "c",
                expiresAt: Int64(Date().timeIntervalSince1970) + 60))
        let page = try await Application(router: PortalApp.router(services)).test(.router) { client in
            var headers = HTTPFields()
            headers[.cookie] = "\(Routes.sessionCookie)=\(id)"
            return text(try await client.execute(uri: "/dashboard", method: .get, headers: headers))
        }
        #expect(page.contains("Kabupaten Bantul"))
        #expect(page.contains("class=\"heat\""))
        #expect(!page.contains("Belum mengirim"))
        let current = try #require(try services.store.periods().first)
        #expect(try services.store.currentSubmissions(periodID: current.id).count == 11)
    }
}

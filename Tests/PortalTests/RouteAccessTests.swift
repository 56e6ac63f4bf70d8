import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Portal

/// One route of the table: how to call it, and who may.
struct RouteCase: Sendable, CustomStringConvertible {
    enum Body: Sendable {
        case none
        case form([String: String])
        case upload(file: String)
        /// A multipart upload of `data` named `fileName`, with text fields.
        case file(fileName: String, data: Data, fields: [String: String])
    }

    let method: HTTPRequest.Method
    let path: @Sendable (PortalWorld) -> String
    let body: Body
    let allowed: Set<PortalWorld.Caller>
    let label: String

    var description: String { "\(method) \(label)" }

    init(
        _ method: HTTPRequest.Method, _ label: String, _ allowed: Set<PortalWorld.Caller>, body: Body = .none,
        path: @escaping @Sendable (PortalWorld) -> String
    ) {
        self.method = method
        self.label = label
        self.allowed = allowed
        self.body = body
        self.path = path
    }
}

private let everyone = Set(PortalWorld.Caller.allCases)
private let signedIn: Set<PortalWorld.Caller> = [.admin, .operatorA, .operatorB, .viewer, .assessor]

/// Every route, with who may call it. Upload and create routes carry valid bodies, so a refusal is the access
/// rule's and not the input's.
let routeTable: [RouteCase] = {
    var table: [RouteCase] = [
        RouteCase(.get, "/", signedIn) { _ in "/" },
        RouteCase(.get, "/login", everyone) { _ in "/login" },
        RouteCase(.get, "/healthz", everyone) { _ in "/healthz" },
        RouteCase(.get, "/static/portal.css", everyone) { _ in "/static/portal.css" },
        RouteCase(.get, "/static/report.css", everyone) { _ in "/static/report.css" },
        RouteCase(.get, "/static/portal.js", everyone) { _ in "/static/portal.js" },
        RouteCase(.get, "/lang", everyone) { _ in "/lang?to=en&back=/healthz" },
        RouteCase(.get, "/api/v1/openapi.json", everyone) { _ in "/api/v1/openapi.json" },
        RouteCase(.get, "/dashboard", [.admin, .viewer, .assessor]) { _ in "/dashboard" },
        RouteCase(.get, "/admin/opds", [.admin]) { _ in "/admin/opds" },
        RouteCase(.post, "/admin/opds", [.admin], body: .form(["code": "new-opd", "name": "OPD Baru"])) { _ in
            "/admin/opds"
        },
        RouteCase(.get, "/admin/accounts", [.admin]) { _ in "/admin/accounts" },
        RouteCase(
            .post, "/admin/accounts", [.admin],
            body: .form(["username": "new-viewer", "display_name": "V", "password": "0123456789ab", "role": "viewer"])
        ) { _ in "/admin/accounts" },
        RouteCase(.get, "/admin/periods", [.admin]) { _ in "/admin/periods" },
        RouteCase(
            .post, "/admin/periods", [.admin],
            body: .form(["name": "Evaluasi SPBE 2027", "evaluation_date": "2027-06-30"])
        ) { _ in "/admin/periods" },
        RouteCase(.get, "/admin/audit", [.admin]) { _ in "/admin/audit" },
        RouteCase(.get, "/periods/P/opds/A", readersOfA) { "/periods/\($0.period.id)/opds/\($0.opdA.id)" },
        RouteCase(.get, "/periods/P/opds/B", readersOfB) { "/periods/\($0.period.id)/opds/\($0.opdB.id)" },
        RouteCase(.get, "/periods/P/opds/A/template.xlsx", readersOfA) {
            "/periods/\($0.period.id)/opds/\($0.opdA.id)/template.xlsx"
        },
        RouteCase(.get, "/periods/P/opds/B/template.xlsx", readersOfB) {
            "/periods/\($0.period.id)/opds/\($0.opdB.id)/template.xlsx"
        },
        RouteCase(
            .post, "/periods/P/opds/A/upload", [.operatorA],
            body: .upload(file: "examples/kabupaten-bantul/dinkes.yaml")
        ) {
            "/periods/\($0.period.id)/opds/\($0.opdA.id)/upload"
        },
        RouteCase(
            .post, "/periods/P/opds/B/upload", [.operatorB],
            body: .upload(file: "examples/kabupaten-bantul/disdukcapil.yaml")
        ) {
            "/periods/\($0.period.id)/opds/\($0.opdB.id)/upload"
        },
        RouteCase(.get, "/submissions/A", readersOfA) { "/submissions/\($0.submissionA.id)" },
        RouteCase(.get, "/submissions/B", readersOfB) { "/submissions/\($0.submissionB.id)" },
        RouteCase(.get, "/account/tokens", signedIn) { _ in "/account/tokens" },
        RouteCase(.post, "/account/tokens", signedIn, body: .form(["name": "ci"])) { _ in "/account/tokens" },
        RouteCase(.get, "/api/v1/me", signedIn) { _ in "/api/v1/me" },
        RouteCase(.get, "/api/v1/periods", signedIn) { _ in "/api/v1/periods" },
        RouteCase(
            .post, "/api/v1/periods", [.admin], body: .form(["name": "Evaluasi 2028", "evaluation_date": "2028-06-30"])
        ) { _ in "/api/v1/periods" },
        RouteCase(.get, "/api/v1/opds", signedIn) { _ in "/api/v1/opds" },
        RouteCase(.post, "/api/v1/opds", [.admin], body: .form(["code": "api-opd", "name": "OPD API"])) { _ in
            "/api/v1/opds"
        },
        RouteCase(
            .post, "/api/v1/accounts", [.admin],
            body: .form(["username": "api-viewer", "password": "0123456789ab", "role": "viewer"])
        ) { _ in "/api/v1/accounts" },
        RouteCase(.post, "/api/v1/tokens", signedIn, body: .form(["name": "ci"])) { _ in "/api/v1/tokens" },
        RouteCase(.get, "/api/v1/periods/P/opds/A/submissions", readersOfA) {
            "/api/v1/periods/\($0.period.id)/opds/\($0.opdA.id)/submissions"
        },
        RouteCase(.get, "/api/v1/periods/P/opds/B/submissions", readersOfB) {
            "/api/v1/periods/\($0.period.id)/opds/\($0.opdB.id)/submissions"
        },
        RouteCase(
            .post, "/api/v1/periods/P/opds/A/submissions", [.operatorA],
            body: .upload(file: "examples/kabupaten-bantul/dinkes.yaml")
        ) {
            "/api/v1/periods/\($0.period.id)/opds/\($0.opdA.id)/submissions"
        },
        RouteCase(
            .post, "/api/v1/periods/P/opds/B/submissions", [.operatorB],
            body: .upload(file: "examples/kabupaten-bantul/disdukcapil.yaml")
        ) {
            "/api/v1/periods/\($0.period.id)/opds/\($0.opdB.id)/submissions"
        },
        RouteCase(.get, "/api/v1/submissions/A", readersOfA) { "/api/v1/submissions/\($0.submissionA.id)" },
        RouteCase(.get, "/api/v1/submissions/B", readersOfB) { "/api/v1/submissions/\($0.submissionB.id)" },
        RouteCase(.get, "/api/v1/submissions/A/report", readersOfA) {
            "/api/v1/submissions/\($0.submissionA.id)/report"
        },
        RouteCase(.get, "/api/v1/submissions/B/report", readersOfB) {
            "/api/v1/submissions/\($0.submissionB.id)/report"
        },
        // A queue ticket is its uploader's alone (a new ticket of operator A's upload for each call).
        RouteCase(.get, "/queue/T", [.operatorA]) {
            "/queue/\($0.services.tickets.open(accountID: $0.accounts[.operatorA]!.id, periodID: $0.period.id, opdID: $0.opdA.id))"
        },
        RouteCase(.get, "/api/v1/periods/P/dashboard", [.admin, .viewer, .assessor]) {
            "/api/v1/periods/\($0.period.id)/dashboard"
        },
    ]
    for download in [
        "report.html", "report.json", "report.sarif", "evidence.html", "upload", "findings", "findings?aspect=A3",
        "findings.xlsx", "findings.xlsx?outcome=fail",
    ] {
        table.append(
            RouteCase(.get, "/submissions/A/\(download)", readersOfA) {
                "/submissions/\($0.submissionA.id)/\(download)"
            })
        table.append(
            RouteCase(.get, "/submissions/B/\(download)", readersOfB) {
                "/submissions/\($0.submissionB.id)/\(download)"
            })
    }
    table += workflowRoutes
    table += resultRoutes
    table += submissionRoutes
    table += workflowAPIRoutes
    // Last: a successful password change ends the caller's sessions.
    table.append(passwordChangeRoute)
    return table
}()

/// Whether a response lets the caller in: a 2xx, or a redirect that is not to the sign-in page.
func isAllowed(_ response: TestResponse) -> Bool {
    switch response.status.code {
    case 200..<300: true
    case 300..<400: response.headers[.location] != "/login"
    default: false
    }
}

@Suite("Who may call what", .serialized)
struct RouteAccessTests {
    /// Every route × every caller, through the session cookie (with the session's CSRF token on POST) and through
    /// the API token: allowed exactly for the table's roles.
    @Test("every route refuses every caller the table does not allow", arguments: [false, true])
    func table(bearer: Bool) async throws {
        // The table is about roles: at the default rate limit (tested on its own) a fast machine's hundreds of
        // requests a caller within seconds were refused with 429.
        let world = try await PortalWorld.make(requestsPerMinute: 0)
        defer { world.remove() }
        let results = try await world.test { client in
            var wrong: [String] = []
            var count = 0
            for route in routeTable {
                for caller in PortalWorld.Caller.allCases {
                    count += 1
                    let response = try await send(route, as: caller, bearer: bearer, world: world, client: client)
                    let expected = route.allowed.contains(caller)
                    if isAllowed(response) != expected {
                        wrong.append(
                            "\(route) as \(caller): \(response.status.code), expected \(expected ? "allowed" : "refused")"
                        )
                    }
                    if !expected && route.path(world).hasPrefix("/api/") && caller != .anonymous {
                        if ![403, 404].contains(response.status.code) {
                            wrong.append("\(route) as \(caller): API refusal \(response.status.code)")
                        }
                    }
                    if response.headers[.contentSecurityPolicy] == nil { wrong.append("\(route) as \(caller): no CSP") }
                }
            }
            return (wrong, count)
        }
        #expect(results.1 == routeTable.count * PortalWorld.Caller.allCases.count)
        #expect(results.0 == [])
    }

    @Test("a POST with a session but without its CSRF token is refused and changes nothing")
    func csrf() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let statuses = try await world.test { client in
            var statuses: [UInt16] = []
            for token in [nil, "forged"] as [String?] {
                var fields = ["code": "csrf-opd", "name": "X"]
                fields["_csrf"] = token
                let response = try await client.execute(
                    uri: "/admin/opds", method: .post,
                    headers: world.headers(.admin, contentType: "application/x-www-form-urlencoded"),
                    body: formBody(fields)
                )
                statuses.append(UInt16(response.status.code))
            }
            let upload = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)/upload", method: .post,
                headers: world.headers(.operatorA, contentType: Multipart.contentType),
                body: Multipart.body(fields: [:], fileName: "dinkes.yaml", data: Data("x".utf8))
            )
            statuses.append(UInt16(upload.status.code))
            return statuses
        }
        #expect(statuses == [403, 403, 403])
        #expect(try world.services.store.opds().map(\.code) == ["dinkes", "dukcapil"])
        #expect(try world.services.store.submissions(periodID: world.period.id, opdID: world.opdA.id).count == 1)
    }
}

/// Sends `route` as `caller`.
func send(
    _ route: RouteCase, as caller: PortalWorld.Caller, bearer: Bool, world: PortalWorld, client: any TestClientProtocol
) async throws -> TestResponse {
    let csrf = bearer ? nil : world.sessions[caller]?.csrf
    switch route.body {
    case .none:
        return try await client.execute(
            uri: route.path(world), method: route.method, headers: world.headers(caller, bearer: bearer))
    case .form(var fields):
        fields["_csrf"] = csrf
        // Names must stay unique across callers so a second allowed call is not refused as a duplicate.
        for key in ["code", "username"] where fields[key] != nil {
            fields[key]! += "-\(caller.rawValue.lowercased())-\(bearer)"
        }
        return try await client.execute(
            uri: route.path(world), method: route.method,
            headers: world.headers(caller, bearer: bearer, contentType: "application/x-www-form-urlencoded"),
            body: formBody(fields)
        )
    case .file(let fileName, let data, var fields):
        fields["_csrf"] = csrf
        return try await client.execute(
            uri: route.path(world), method: route.method,
            headers: world.headers(caller, bearer: bearer, contentType: Multipart.contentType),
            body: Multipart.body(fields: fields, fileName: fileName, data: data))
    case .upload(let file):
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(checkout)/\(file)"))
        return try await client.execute(
            uri: route.path(world), method: route.method,
            headers: world.headers(caller, bearer: bearer, contentType: Multipart.contentType),
            body: Multipart.body(
                fields: csrf.map { ["_csrf": $0] } ?? [:], fileName: (file as NSString).lastPathComponent, data: data)
        )
    }
}

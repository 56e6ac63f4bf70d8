import Foundation
import Hummingbird
import PortalStore

/// A submission as the API gives it (no blob hashes but the upload's).
struct SubmissionJSON: Sendable, Encodable {
    let id: Int64
    let periodID: Int64
    let opdID: Int64
    let fileName: String
    let contentHash: String
    let size: Int64
    let createdAt: Int64
    let index: Double?
    let predicate: String?
    let failingFindings: Int

    init(_ submission: Submission) {
        id = submission.id
        periodID = submission.periodID
        opdID = submission.opdID
        fileName = submission.fileName
        contentHash = submission.contentHash
        size = submission.size
        createdAt = submission.createdAt
        index = submission.index
        predicate = submission.predicate
        failingFindings = submission.failingFindings
    }
}

/// An account as the API gives it (never its password hash).
struct AccountJSON: Sendable, Encodable {
    let id: Int64
    let username: String
    let displayName: String
    let role: String
    let opdID: Int64?

    init(_ account: Account) {
        id = account.id
        username = account.username
        displayName = account.displayName
        role = account.role.rawValue
        opdID = account.opdID
    }
}

extension Routes {
    /// The JSON API under `/api/v1`: the same operations as the pages, the same checks, described by the OpenAPI
    /// document at `/api/v1/openapi.json`.
    func addAPIRoutes() {
        get("/api/v1/openapi.json", .anyone) { _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        get("/api/v1/me", .signedIn) { call in call.json(AccountJSON(call.account)) }
        get("/api/v1/periods", .signedIn) { call in call.json(try call.store.periods()) }
        post("/api/v1/periods", .admin) { call in
            let form = call.form ?? FormData()
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let date = form["evaluation_date"] ?? ""
            guard !name.isEmpty, (form["name"] ?? "").unicodeScalars.count <= 200, Self.isDate(date),
                (form["pack"] ?? "").isEmpty
            else {
                return call.problem(
                    .badRequest, "name and evaluation_date (YYYY-MM-DD) are required; pack is set in the web page")
            }
            let period = try call.store.createPeriod(name: name, evaluationDate: date, pack: "")
            try call.audit("period.create", "\(period.name) (\(period.evaluationDate))")
            return call.json(period, status: .created)
        }
        get("/api/v1/opds", .signedIn) { call in
            call.json(try call.store.opds().filter { call.principal!.mayRead(opdID: $0.id) })
        }
        post("/api/v1/opds", .admin) { call in
            let code = call.form?["code"] ?? ""
            let name = (call.form?["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard Self.isCode(code), !name.isEmpty, (call.form?["name"] ?? "").unicodeScalars.count <= 200 else {
                return call.problem(.badRequest, "code (a-z, 0-9, . - _) and name are required")
            }
            do {
                let opd = try call.store.createOPD(code: code, name: name)
                try call.audit("opd.create", "\(opd.code): \(opd.name)")
                return call.json(opd, status: .created)
            } catch PortalStoreError.duplicate {
                return call.problem(.conflict, "the code is taken")
            }
        }
        post("/api/v1/accounts", .admin) { call in
            let form = call.form ?? FormData()
            let username = form["username"] ?? ""
            let password = form["password"] ?? ""
            let displayName = (form["display_name"] ?? username).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let role = Role(rawValue: form["role"] ?? ""), Self.isCode(username), !displayName.isEmpty else {
                return call.problem(.badRequest, "username, role and password are required")
            }
            if let problem = Secrets.passwordProblem(password) { return call.problem(.badRequest, problem) }
            let opdID = form["opd_id"].flatMap { Int64($0) }
            guard (role == .operator) == (form["opd_id"] != nil), (form["opd_id"] == nil) == (opdID == nil) else {
                return call.problem(.badRequest, "an operator needs an opd_id; other roles take none")
            }
            if let opdID, try call.store.opd(id: opdID) == nil { return call.problem(.notFound, "no such OPD") }
            do {
                let account = try call.services.createAccountForSomeoneElse(
                    username: username, displayName: displayName, password: password, role: role, opdID: opdID)
                try call.audit("account.create", "\(account.username) (\(role.rawValue))")
                return call.json(AccountJSON(account), status: .created)
            } catch PortalStoreError.duplicate {
                return call.problem(.conflict, "the username is taken")
            }
        }
        get("/api/v1/periods/:period/opds/:opd/submissions", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            return call.json(try call.store.submissions(periodID: period.id, opdID: opd.id).map(SubmissionJSON.init))
        }
        post(
            "/api/v1/periods/:period/opds/:opd/submissions", .signedIn,
            maxBody: services.settings.maxUploadBytes + 64 * 1024
        ) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.maySubmit(opdID: opd.id) else { return call.forbidden() }
            if let locked = try uploadLocked(call, period: period, opd: opd) { return locked }
            guard let file = call.form?.files["file"], !file.data.isEmpty else {
                return call.problem(.badRequest, "send the inventory as the multipart field 'file'")
            }
            switch try await call.services.intake(
                file.data, fileName: file.fileName, period: period, opd: opd, account: call.account)
            {
            case .accepted(let submission): return call.json(SubmissionJSON(submission), status: .created)
            case .refused(let diagnostics):
                return call.json(["diagnostics": diagnostics], status: .unprocessableContent)
            case .busy: return call.problem(.serviceUnavailable, "the evaluation queue is full")
            }
        }
        get("/api/v1/submissions/:submission", .signedIn) { call in
            guard let submission = try readable(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: submission.opdID) else { return call.forbidden() }
            return call.json(SubmissionJSON(submission))
        }
        get("/api/v1/submissions/:submission/report", .signedIn) { call in
            guard let submission = try readable(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: submission.opdID),
                let data = call.services.blobs.data(submission.reportJSONHash)
            else {
                return call.forbidden()
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        get("/api/v1/periods/:period/dashboard", .signedIn) { call in
            guard call.account.role != .operator else { return call.forbidden() }
            let periods = try call.store.periods()
            guard let id = call.id("period"), let period = periods.first(where: { $0.id == id }) else {
                return call.notFound()
            }
            return call.json(try dashboard(call, period: period, periods: periods).0)
        }
    }
}

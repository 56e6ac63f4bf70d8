import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PortalStore

@testable import Portal

/// The repository's folder.
let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A portal with two OPDs (A and B, each with an operator and one submission), an admin, a viewer and an assessor,
/// each signed in with a known session and API token.
struct PortalWorld: Sendable {
    /// The roles the route table is checked for.
    enum Caller: String, CaseIterable, Sendable {
        case admin, operatorA, operatorB, viewer, assessor, anonymous
    }

    let folder: String
    let services: PortalServices
    let period: Period
    let opdA: OPD
    let opdB: OPD
    let submissionA: Submission
    let submissionB: Submission
    /// One evidence file (a PDF for I05 level 3) of each OPD.
    let evidenceA: Evidence
    let evidenceB: Evidence
    /// Session id and CSRF token per caller (not for `anonymous`).
    let sessions: [Caller: (id: String, csrf: String)]
    /// API token per caller.
    let tokens: [Caller: String]
    let accounts: [Caller: Account]

    static let password = "correct horse battery"
    /// A small PDF, as evidence.
    static let samplePDF = Data(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// A world whose accounts may make `requestsPerMinute` requests a minute each (0: no limit).
    static func make(requestsPerMinute: Int = 600) async throws -> PortalWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-portal-\(UUID().uuidString)")
            .path
        var settings = PortalSettings(dataFolder: folder, secureCookies: false)
        settings.requestsPerMinute = requestsPerMinute
        let services = try PortalServices(settings: settings)
        let store = services.store
        let opdA = try store.createOPD(code: "dinkes", name: "Dinas Kesehatan")
        let opdB = try store.createOPD(code: "dukcapil", name: "Dinas Kependudukan")
        let period = try store.createPeriod(name: "Evaluasi SPBE 2026", evaluationDate: "2026-06-30", pack: "")
        let hash = Secrets.hashPassword(password, cost: 4)
        var accounts: [Caller: Account] = [:]
        accounts[.admin] = try store.createAccount(
            username: "admin", displayName: "Admin", passwordHash: hash, role: .admin, opdID: nil)
        accounts[.operatorA] = try store.createAccount(
            username: "op-a", displayName: "Op A", passwordHash: hash, role: .operator, opdID: opdA.id)
        accounts[.operatorB] = try store.createAccount(
            username: "op-b", displayName: "Op B", passwordHash: hash, role: .operator, opdID: opdB.id)
        accounts[.viewer] = try store.createAccount(
            username: "viewer", displayName: "Viewer", passwordHash: hash, role: .viewer, opdID: nil)
        accounts[.assessor] = try store.createAccount(
            username: "assessor", displayName: "Asesor Internal", passwordHash: hash, role: .assessor, opdID: nil)
        var sessions: [Caller: (String, String)] = [:]
        var tokens: [Caller: String] = [:]
        for (caller, account) in accounts {
            let id = Secrets.random()
            let csrf = Secrets.random()
            let token = "spbe_" + Secrets.random()
            try store.createSession(
                Session(
                    idHash: Secrets.hash(id), accountID: account.id, csrfToken: csrf,
                    expiresAt: Int64(Date().timeIntervalSince1970) + 3600))
            _ = try store.createToken(accountID: account.id, name: "test", tokenHash: Secrets.hash(token))
            sessions[caller] = (id, csrf)
            tokens[caller] = token
        }
        let submissionA = try await submit(
            services, file: "examples/kabupaten-bantul/dinkes.yaml", period: period, opd: opdA,
            account: accounts[.operatorA]!)
        let submissionB = try await submit(
            services, file: "examples/kabupaten-bantul/disdukcapil.yaml", period: period, opd: opdB,
            account: accounts[.operatorB]!)
        var evidence: [Evidence] = []
        for (opd, caller) in [(opdA, Caller.operatorA), (opdB, Caller.operatorB)] {
            let hash = try services.blobs.put(samplePDF)
            evidence.append(
                try store.addEvidence(
                    NewEvidence(
                        periodID: period.id, opdID: opd.id, indicator: "I05", level: 3, title: "Perbup pusat data",
                        record: "", fileName: "perbup.pdf", contentHash: hash, size: Int64(samplePDF.count),
                        kind: "pdf",
                        accountID: accounts[caller]!.id),
                    revises: nil))
        }
        return PortalWorld(
            folder: folder, services: services, period: period, opdA: opdA, opdB: opdB, submissionA: submissionA,
            submissionB: submissionB, evidenceA: evidence[0], evidenceB: evidence[1],
            sessions: sessions.mapValues { (id: $0.0, csrf: $0.1) }, tokens: tokens,
            accounts: accounts
        )
    }

    static func submit(_ services: PortalServices, file: String, period: Period, opd: OPD, account: Account)
        async throws -> Submission
    {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(checkout)/\(file)"))
        guard
            case .accepted(let submission) = try await services.intake(
                data, fileName: (file as NSString).lastPathComponent, period: period, opd: opd, account: account)
        else {
            throw CheckAdapter.Failure(message: "\(file) was refused")
        }
        return submission
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `body` against the portal in process.
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await Application(router: PortalApp.router(services)).test(.router, body)
    }

    /// The headers of a request by `caller` through its session cookie (with its CSRF token in the form when
    /// `csrf` is set) or through its API token.
    func headers(_ caller: Caller, bearer: Bool = false, contentType: String? = nil) -> HTTPFields {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        guard caller != .anonymous else { return fields }
        if bearer {
            fields[.authorization] = "Bearer \(tokens[caller]!)"
        } else {
            fields[.cookie] = "\(Routes.sessionCookie)=\(sessions[caller]!.id)"
        }
        return fields
    }
}

/// A `multipart/form-data` body with text fields and one file.
struct Multipart {
    static let boundary = "spbe-test-boundary-7d1"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func body(fields: [String: String], fileName: String, data: Data) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return ByteBuffer(bytes: body)
    }
}

/// A URL-encoded form body.
func formBody(_ fields: [String: String]) -> ByteBuffer {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    let text = fields.sorted { $0.key < $1.key }
        .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(
            separator: "&")
    return ByteBuffer(string: text)
}

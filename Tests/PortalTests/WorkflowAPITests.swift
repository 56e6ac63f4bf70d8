import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Reporting
import Testing

@testable import Portal

/// A day relative to today in the pemda's time zone.
private func day(_ offset: Int64) -> String { CivilDay.adding(offset, to: CivilDay.day())! }

/// Sends a JSON body as `caller` through its API token.
private func postJSON(
    _ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String,
    _ json: String
) async throws -> TestResponse {
    try await client.execute(
        uri: uri, method: .post, headers: world.headers(caller, bearer: true, contentType: "application/json"),
        body: ByteBuffer(string: json))
}

/// Reads `caller`'s view of `uri` through its API token.
private func get(
    _ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String,
    bearer: Bool = true
) async throws -> TestResponse {
    try await client.execute(uri: uri, method: .get, headers: world.headers(caller, bearer: bearer))
}

/// The JSON value of a response body.
private func json(_ response: TestResponse) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
}

@Suite("The workflow's JSON API and the evidence checklist", .serialized)
struct WorkflowAPITests {
    @Test("an evidence upload or claim through the API after the self-assessment stage closed is answered 423 in JSON")
    func locked() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let period = world.period.id
        let (stages, upload, claim) = try await world.test { client in
            let stages = try await postJSON(
                client, world, .admin, "/api/v1/periods/\(period)/stages/penilaian-mandiri",
                "{\"starts_on\": \"\(day(-10))\", \"ends_on\": \"\(day(-1))\"}")
            var fields = evidenceFields
            fields["level"] = "2"
            let upload = try await client.execute(
                uri: "/api/v1/periods/\(period)/opds/\(world.opdA.id)/evidence", method: .post,
                headers: world.headers(.operatorA, bearer: true, contentType: Multipart.contentType),
                body: Multipart.body(fields: fields, fileName: "sk.pdf", data: PortalWorld.samplePDF))
            let claim = try await postJSON(
                client, world, .operatorA, "/api/v1/periods/\(period)/opds/\(world.opdA.id)/claims",
                "{\"indicator\": \"I05\", \"level\": 3, \"fact\": \"F\", \"analysis\": \"A\"}")
            return (stages, upload, claim)
        }
        #expect(stages.status == .ok)
        #expect(
            (json(stages) as? [String: Any])?["stages"] as? [[String: String]] == [
                ["stage": "penilaian-mandiri", "starts_on": day(-10), "ends_on": day(-1)]
            ])
        for response in [upload, claim] {
            #expect(response.status.code == 423)
            #expect(response.headers[.contentType] == "application/json")
            #expect((json(response) as? [String: String])?["error"]?.isEmpty == false)
        }
        #expect(try world.services.store.evidence(periodID: period, opdID: world.opdA.id).count == 1)
    }

    @Test("stage dates that contradict the other stages conflict (409); a reopening is for some days from today")
    func schedule() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let period = world.period.id
        let statuses = try await world.test { client in
            var statuses: [Int] = []
            for (stage, start, end) in [
                ("penilaian-mandiri", day(0), day(10)), ("persiapan", day(5), day(20)),
                ("penilaian-mandiri", day(3), day(1)),
            ] {
                let response = try await postJSON(
                    client, world, .admin, "/api/v1/periods/\(period)/stages/\(stage)",
                    "{\"starts_on\": \"\(start)\", \"ends_on\": \"\(end)\"}")
                statuses.append(response.status.code)
            }
            let reopened = try await postJSON(
                client, world, .admin, "/api/v1/periods/\(period)/opds/\(world.opdB.id)/reopenings",
                "{\"days\": 4, \"reason\": \"Banjir\"}")
            statuses.append(reopened.status.code)
            let tooLong = try await postJSON(
                client, world, .admin, "/api/v1/periods/\(period)/opds/\(world.opdB.id)/reopenings",
                "{\"days\": 31, \"reason\": \"Banjir\"}")
            statuses.append(tooLong.status.code)
            let operatorA = try await get(client, world, .operatorA, "/api/v1/periods/\(period)/stages")
            let reopenings = (json(operatorA) as? [String: Any])?["reopenings"] as? [Any]
            statuses.append(reopenings?.count ?? -1)
            return statuses
        }
        #expect(statuses == [200, 409, 409, 201, 400, 0])
        let reopening = try world.services.store.reopenings(periodID: period, opdID: world.opdB.id).first
        #expect(reopening?.untilOn == day(4))
        #expect(reopening?.reason == "Banjir")
    }

    @Test("the admin assigns one indicator; an operator reads only the matrix rows its OPD owes")
    func responsibilities() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let period = world.period.id
        let (assigned, unknown, rowsA, rowsB) = try await world.test { client in
            let assigned = try await postJSON(
                client, world, .admin, "/api/v1/periods/\(period)/responsibilities/I15",
                "{\"lead_opd_id\": \(world.opdB.id), \"contributors\": \"dinkes\", \"pj\": \"Sri Wahyuni\"}")
            let unknown = try await postJSON(
                client, world, .admin, "/api/v1/periods/\(period)/responsibilities/I15",
                "{\"contributors\": \"tidak-ada\", \"pj\": \"\"}")
            let rowsA = try await get(client, world, .operatorA, "/api/v1/periods/\(period)/responsibilities")
            let rowsB = try await get(client, world, .operatorB, "/api/v1/periods/\(period)/responsibilities")
            return (assigned, unknown, rowsA, rowsB)
        }
        #expect(assigned.status == .ok)
        let row = json(assigned) as? [String: Any]
        #expect(row?["lead_opd_id"] as? Int == Int(world.opdB.id))
        #expect(row?["contributor_opd_ids"] as? [Int] == [Int(world.opdA.id)])
        #expect(row?["pj"] as? String == "Sri Wahyuni")
        #expect(unknown.status == .notFound)
        let rowsOfA = json(rowsA) as? [[String: Any]]
        let rowsOfB = json(rowsB) as? [[String: Any]]
        #expect(rowsOfB?.contains { $0["indicator"] as? String == "I15" } == true)
        for (rows, opd) in [(rowsOfA, world.opdA.id), (rowsOfB, world.opdB.id)] {
            #expect(rows?.isEmpty == false)
            #expect(
                rows?.allSatisfy {
                    $0["lead_opd_id"] as? Int == Int(opd)
                        || ($0["contributor_opd_ids"] as? [Int])?.contains(Int(opd)) == true
                } == true)
        }
    }

    @Test(
        "an assessor's verdict through the API shows in the OPD's evidence list, and its download keeps the page's headers"
    )
    func verdictAndDownload() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let evidence = world.evidenceA
        let (verdict, list, api, page) = try await world.test { client in
            let verdict = try await postJSON(
                client, world, .assessor, "/api/v1/evidence/\(evidence.id)/verdict",
                "{\"verdict\": \"revise\", \"reason\": \"bukti-kedaluwarsa\", \"note\": \"SK 2019\"}")
            let list = try await get(
                client, world, .operatorA, "/api/v1/periods/\(world.period.id)/opds/\(world.opdA.id)/evidence")
            let api = try await get(client, world, .viewer, "/api/v1/evidence/\(evidence.id)/file")
            let page = try await get(client, world, .viewer, "/evidence/\(evidence.id)/file", bearer: false)
            return (verdict, list, api, page)
        }
        #expect(verdict.status == .created)
        #expect((json(verdict) as? [String: Any])?["reason"] as? String == "bukti-kedaluwarsa")
        let items = json(list) as? [[String: Any]]
        #expect(items?.first { $0["code"] as? String == evidence.code }?["status"] as? String == "to-revise")
        #expect(api.status == .ok)
        #expect(Data(api.body.readableBytesView) == PortalWorld.samplePDF)
        for name: HTTPField.Name in [.contentType, .contentDisposition, .xContentTypeOptions, .contentSecurityPolicy] {
            #expect(api.headers[name] != nil)
            #expect(api.headers[name] == page.headers[name], "\(name)")
        }
        #expect(api.headers[.contentDisposition]?.hasPrefix("attachment") == true)
    }

    @Test(
        "the checklist shows each uploaded item's code at its indicator and level, linked, with its status, what is not uploaded, and records by their place in the upload"
    )
    func checklist() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let base = "/periods/\(world.period.id)/opds/\(world.opdA.id)"
        let (page, export, other) = try await world.test { client in
            (
                try await get(client, world, .operatorA, "\(base)/checklist", bearer: false),
                try await get(client, world, .operatorA, "\(base)/uploaded-evidence.json", bearer: false),
                try await get(client, world, .operatorB, "\(base)/checklist", bearer: false)
            )
        }
        let html = String(buffer: page.body)
        #expect(page.status == .ok)
        #expect(
            html.contains(
                "<a href=\"/evidence/\(world.evidenceA.id)\"><code>\(world.evidenceA.code)</code></a> perbup.pdf"))
        #expect(html.contains("Menunggu verifikasi"))
        #expect(html.contains("belum diunggah"))
        #expect(html.contains("dinkes.yaml:"))
        #expect(!html.contains(world.folder), "the checklist names the server's staging folder")
        let listed = try UploadedEvidence.list(json: Data(export.body.readableBytesView))
        #expect(listed.map(\.code) == [world.evidenceA.code])
        #expect(listed.first?.level == 3)
        #expect(export.headers[.contentDisposition]?.hasPrefix("attachment") == true)
        #expect(other.status == .forbidden)
    }

    @Test("the OpenAPI document describes every workflow route with the methods it answers")
    func documented() throws {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        #expect(paths["/api/v1/me"] != nil)
        for (path, methods) in Routes.workflowAPIMethods {
            let templated = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            let described = Set((paths["/" + templated] ?? [:]).keys).subtracting(["parameters"])
            #expect(described == Set(methods.map { $0.rawValue.lowercased() }), "\(path)")
        }
    }
}

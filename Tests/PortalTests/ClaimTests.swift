import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing

@testable import Portal

/// Posts a form as `caller` through its session, with its CSRF token.
private func post(
    _ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String,
    _ fields: [String: String]
) async throws -> TestResponse {
    var fields = fields
    fields["_csrf"] = world.sessions[caller]?.csrf
    return try await client.execute(
        uri: uri, method: .post, headers: world.headers(caller, contentType: "application/x-www-form-urlencoded"),
        body: formBody(fields))
}

@Suite("Self-assessment", .serialized)
struct ClaimTests {
    @Test("the lead OPD claims a level with its penjelasan; a claim above what backs it is flagged beside the estimate")
    func claimBesideEstimate() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let claim = [
            "indicator": "I05", "level": "4", "fact": "Perbup 12/2026 tentang pusat data <ditetapkan>",
            "analysis": "Mengatur seluruh cakupan dan berlaku bagi semua OPD", "evidence": world.evidenceA.code,
        ]
        let (assigned, byLead, byOther, unknownEvidence, page, dashboard) = try await world.test { client in
            let assigned = try await post(
                client, world, .admin, "/admin/periods/\(world.period.id)/responsibilities",
                ["lead-I05": String(world.opdA.id), "pj-I05": "Sri Wahyuni"])
            let byLead = try await post(
                client, world, .operatorA, "/periods/\(world.period.id)/opds/\(world.opdA.id)/claims", claim)
            let byOther = try await post(
                client, world, .operatorB, "/periods/\(world.period.id)/opds/\(world.opdB.id)/claims", claim)
            var unknown = claim
            unknown["evidence"] = "I05-L3-07"
            let unknownEvidence = try await post(
                client, world, .operatorA, "/periods/\(world.period.id)/opds/\(world.opdA.id)/claims", unknown)
            let page = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)", method: .get,
                headers: world.headers(.assessor))
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: world.headers(.viewer))
            return (
                assigned.status.code, byLead.status.code, byOther.status.code, unknownEvidence.status.code,
                String(buffer: page.body), String(buffer: dashboard.body)
            )
        }
        let statuses: [Int] = [assigned, byLead, byOther, unknownEvidence]
        #expect(statuses == [303, 303, 400, 400])
        let claims = try world.services.store.claims(periodID: world.period.id)
        #expect(claims.map(\.indicator) == ["I05"] && claims[0].level == 4 && claims[0].opdID == world.opdA.id)
        #expect(claims[0].evidenceCodes == [world.evidenceA.code])
        #expect(page.contains("Perbup 12/2026 tentang pusat data &lt;ditetapkan&gt;"))
        #expect(page.contains("tanpa data dukung tingkat 4"))
        #expect(dashboard.contains("Indeks pemda: klaim dan perkiraan"))
        #expect(dashboard.contains("1 / 47 indikator diklaim"))
        #expect(dashboard.contains("<td>I05</td><td>Dinas Kesehatan</td>"))
        #expect(try world.services.store.auditLog(limit: 5).contains { $0.action == "claim.set" })
    }

    @Test("a disagreement names the claimed and the estimated level, and the missing evidence at the claimed level")
    func disagreementWords() {
        let words = Words(language: .id)
        let claim = Claim(
            id: 1, periodID: 1, indicator: "I05", opdID: 1, level: 4, fact: "f", analysis: "a",
            evidenceCodes: ["I05-L4-01"], accountID: 1, createdAt: 0)
        let atFour = Evidence(
            id: 1, periodID: 1, opdID: 1, indicator: "I05", level: 4, code: "I05-L4-01", version: 1, title: "t",
            record: "", fileName: "f.pdf", contentHash: "", size: 1, kind: "pdf", accountID: 1, createdAt: 0)
        #expect(
            Routes.disagreement(words, claim: claim, estimate: .init(level: 2, target: 3), evidence: [atFour])
                == "klaim tingkat 4, bukti mendukung tingkat 2")
        #expect(
            Routes.disagreement(words, claim: claim, estimate: .init(level: 4, target: 3), evidence: [atFour]) == nil)
        #expect(
            Routes.disagreement(words, claim: claim, estimate: nil, evidence: [])
                == "tanpa data dukung tingkat 4")
    }
}

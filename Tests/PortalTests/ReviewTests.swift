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
) async throws -> Int {
    var fields = fields
    fields["_csrf"] = world.sessions[caller]?.csrf
    return try await client.execute(
        uri: uri, method: .post, headers: world.headers(caller, contentType: "application/x-www-form-urlencoded"),
        body: formBody(fields)
    ).status.code
}

/// Reads a page as `caller`.
private func page(_ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String)
    async throws -> String
{
    String(buffer: try await client.execute(uri: uri, method: .get, headers: world.headers(caller)).body)
}

@Suite("Internal review", .serialized)
struct ReviewTests {
    @Test(
        "the assessor accepts one item and returns another; the OPD sees the request, a new version answers it, and the history shows versions and verdicts in time order"
    )
    func returnAndRevise() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let evidenceA = world.evidenceA
        let (statuses, queue, revisedQueue, history, dashboard) = try await world.test { client in
            let accepted = try await post(
                client, world, .assessor, "/evidence/\(world.evidenceB.id)/verdict", ["verdict": "accepted"])
            let returned = try await post(
                client, world, .assessor, "/evidence/\(evidenceA.id)/verdict",
                ["verdict": "revise", "reason": "lainnya", "note": "Halaman 3 <script>alert(1)</script> hilang"])
            let queue = try await page(client, world, .operatorA, "/periods/\(world.period.id)/opds/\(world.opdA.id)")
            var fields = evidenceFields
            fields["revises"] = evidenceA.code
            fields["_csrf"] = world.sessions[.operatorA]?.csrf
            let revision = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)/evidence", method: .post,
                headers: world.headers(.operatorA, contentType: Multipart.contentType),
                body: Multipart.body(fields: fields, fileName: "perbup-lengkap.pdf", data: PortalWorld.samplePDF))
            let revisedQueue = try await page(
                client, world, .operatorA, "/periods/\(world.period.id)/opds/\(world.opdA.id)")
            let latest = try world.services.store.evidence(periodID: world.period.id, opdID: world.opdA.id)[0]
            let history = try await page(client, world, .assessor, "/evidence/\(latest.id)")
            let dashboard = try await page(client, world, .viewer, "/dashboard")
            return ([accepted, returned, revision.status.code], queue, revisedQueue, history, dashboard)
        }
        #expect(statuses == [303, 303, 303])
        #expect(queue.contains("Permintaan revisi") && queue.contains(evidenceA.code))
        #expect(queue.contains("Lainnya (tulis di catatan)") && queue.contains("Asesor Internal"))
        #expect(queue.contains("Halaman 3 &lt;script&gt;alert(1)&lt;/script&gt; hilang"))
        #expect(!queue.contains("<script>alert(1)"))
        #expect(queue.contains("Perlu revisi"))
        #expect(revisedQueue.contains("Direvisi, menunggu verifikasi"))
        // v1, the return on v1, then v2: in time order, and the form offered on the latest version.
        let v1 = try #require(history.range(of: "Versi diunggah v1"))
        let verdict = try #require(history.range(of: "Dikembalikan untuk revisi</span> (v1)"))
        let v2 = try #require(history.range(of: "Versi diunggah v2"))
        #expect(v1.lowerBound < verdict.lowerBound && verdict.lowerBound < v2.lowerBound)
        #expect(history.contains("action=\"/evidence/") && history.contains("name=\"_csrf\""))
        #expect(dashboard.contains("Verifikasi internal"))
        #expect(dashboard.contains(">Dinas Kependudukan</a></td><td>1</td><td>1</td><td>0</td><td>0</td>"))
        #expect(dashboard.contains(">Dinas Kesehatan</a></td><td>1</td><td>0</td><td>0</td><td>1</td>"))
        let audit = try world.services.store.auditLog(limit: 10).map(\.action)
        #expect(audit.filter { $0 == "verdict.evidence" }.count == 2)
    }

    @Test(
        "a verdict is refused from an admin or an operator, without a listed reason, 'lainnya' without a note, on an older version, and after the review stages closed"
    )
    func refusals() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let uri = "/evidence/\(world.evidenceA.id)/verdict"
        let revision = try world.services.store.addEvidence(
            NewEvidence(
                periodID: world.period.id, opdID: world.opdA.id, indicator: "I05", level: 3, title: "Perbup",
                record: "", fileName: "p.pdf", contentHash: world.evidenceA.contentHash, size: 1, kind: "pdf",
                accountID: world.accounts[.operatorA]!.id),
            revises: world.evidenceA.code)
        let revisionURI = "/evidence/\(revision.id)/verdict"
        let statuses = try await world.test { client in
            var statuses: [Int] = []
            statuses.append(try await post(client, world, .admin, revisionURI, ["verdict": "accepted"]))
            statuses.append(try await post(client, world, .operatorA, revisionURI, ["verdict": "accepted"]))
            statuses.append(try await post(client, world, .assessor, revisionURI, ["verdict": "revise"]))
            statuses.append(
                try await post(client, world, .assessor, revisionURI, ["verdict": "revise", "reason": "lainnya"]))
            statuses.append(try await post(client, world, .assessor, uri, ["verdict": "accepted"]))
            let yesterday = CivilDay.adding(-1, to: CivilDay.day())!
            let earlier = CivilDay.adding(-10, to: CivilDay.day())!
            try world.services.store.setStages(
                periodID: world.period.id,
                [
                    StageDates(stage: .penilaianMandiri, startsOn: earlier, endsOn: earlier),
                    StageDates(stage: .verifikasiInternal, startsOn: earlier, endsOn: yesterday),
                ])
            statuses.append(try await post(client, world, .assessor, revisionURI, ["verdict": "accepted"]))
            return statuses
        }
        #expect(statuses == [403, 403, 400, 400, 409, 423])
        #expect(try world.services.store.verdicts(periodID: world.period.id).isEmpty)
        #expect(try world.services.store.auditLog(limit: 3).contains { $0.action == "verdict.locked" })
    }

    @Test("a claim accepted with all its evidence accepted counts in the reviewed index; a changed claim waits again")
    func reviewedClaim() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let claimFields = [
            "indicator": "I05", "level": "3", "fact": "Perbup pusat data", "analysis": "Berlaku",
            "evidence": world.evidenceA.code,
        ]
        let (statuses, before, after, claimPage) = try await world.test { client in
            var statuses: [Int] = []
            statuses.append(
                try await post(
                    client, world, .admin, "/admin/periods/\(world.period.id)/responsibilities",
                    ["lead-I05": String(world.opdA.id), "pj-I05": "Sri Wahyuni"]))
            let claimsURI = "/periods/\(world.period.id)/opds/\(world.opdA.id)/claims"
            statuses.append(try await post(client, world, .operatorA, claimsURI, claimFields))
            let claim = try world.services.store.claims(periodID: world.period.id)[0]
            statuses.append(
                try await post(
                    client, world, .assessor, "/evidence/\(world.evidenceA.id)/verdict", ["verdict": "accepted"]))
            statuses.append(
                try await post(client, world, .assessor, "/claims/\(claim.id)/verdict", ["verdict": "accepted"]))
            let before = try await page(client, world, .viewer, "/dashboard")
            statuses.append(try await post(client, world, .operatorA, claimsURI, claimFields))
            let after = try await page(client, world, .viewer, "/dashboard")
            let claimPage = try await page(client, world, .operatorA, "/claims/\(claim.id)")
            return (statuses, before, after, claimPage)
        }
        #expect(statuses == [303, 303, 303, 303, 303])
        #expect(
            before.contains("Indeks terverifikasi") && before.contains("1 / 1 klaim diterima dengan seluruh buktinya"))
        #expect(after.contains("0 / 1 klaim diterima dengan seluruh buktinya"))
        #expect(claimPage.contains("Klaim disimpan") && claimPage.contains("Diterima</span> (v"))
        #expect(!claimPage.contains("Catat hasil verifikasi"))
    }

    @Test("an item's status follows the latest verdict against its current version")
    func statuses() {
        func verdict(_ version: Int64, _ kind: VerdictKind) -> Verdict {
            Verdict(
                id: version, periodID: 1, opdID: 1, subject: .evidence, item: "I05-L3-01", version: version,
                verdict: kind, reason: kind == .revise ? .wrongEvidence : nil, note: "", accountID: 1, createdAt: 0)
        }
        let status = { (verdicts: [Verdict], current: Int64) in
            ReviewBook(verdicts: verdicts).status(.evidence, opdID: 1, item: "I05-L3-01", current: current)
        }
        #expect(status([], 1) == .pending)
        #expect(status([verdict(1, .revise)], 1) == .toRevise)
        #expect(status([verdict(1, .revise)], 2) == .revised)
        #expect(status([verdict(1, .revise), verdict(2, .accepted)], 2) == .accepted)
        #expect(status([verdict(1, .accepted)], 2) == .pending)
    }
}

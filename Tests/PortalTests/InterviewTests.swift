import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing

@testable import Portal

/// Posts a form as `caller` through its session, with its CSRF token; returns the status and the Location.
private func post(
    _ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String,
    _ fields: [String: String]
) async throws -> (Int, String?) {
    var fields = fields
    fields["_csrf"] = world.sessions[caller]?.csrf
    let response = try await client.execute(
        uri: uri, method: .post, headers: world.headers(caller, contentType: "application/x-www-form-urlencoded"),
        body: formBody(fields))
    return (response.status.code, response.headers[.location])
}

private func page(_ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String)
    async throws -> String
{
    String(buffer: try await client.execute(uri: uri, method: .get, headers: world.headers(caller)).body)
}

@Suite("Interview preparation", .serialized)
struct InterviewTests {
    @Test(
        "the assessor schedules an interview, takes notes and records a promise; the promise is in that OPD's queue only"
    )
    func scheduleAndPromise() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let period = world.period.id
        let result = try await world.test { client in
            let (scheduled, location) = try await post(
                client, world, .assessor, "/periods/\(period)/interviews",
                [
                    "opd_id": "\(world.opdA.id)", "indicator": "I05", "date": "2026-08-03", "time": "10:00",
                    "place": "https://meet.example.go.id/spbe", "attendees": "Kepala Dinas\nOperator SIMPUS",
                ])
            let interview = location ?? ""
            let (noted, _) = try await post(client, world, .assessor, "\(interview)/notes", ["notes": "SK dibahas."])
            let (promised, _) = try await post(
                client, world, .admin, "\(interview)/commitments",
                ["text": "Notula rapat <i>tim</i> koordinasi", "due": "2026-08-10"])
            let (refused, _) = try await post(
                client, world, .operatorA, "\(interview)/commitments", ["text": "x", "due": "2026-08-10"])
            let (invalid, _) = try await post(
                client, world, .assessor, "/periods/\(period)/interviews",
                ["opd_id": "\(world.opdA.id)", "indicator": "I05", "date": "2026-08-03", "time": "25:00", "place": "x"])
            let queueA = try await page(client, world, .operatorA, "/periods/\(period)/opds/\(world.opdA.id)")
            let queueB = try await page(client, world, .operatorB, "/periods/\(period)/opds/\(world.opdB.id)")
            let scheduleB = try await page(client, world, .operatorB, "/periods/\(period)/interviews")
            let scheduleA = try await page(client, world, .operatorA, "/periods/\(period)/interviews")
            let detail = try await page(client, world, .viewer, interview)
            return ([scheduled, noted, promised, refused, invalid], queueA, queueB, scheduleA, scheduleB, detail)
        }
        let (statuses, queueA, queueB, scheduleA, scheduleB, detail) = result
        #expect(statuses == [303, 303, 303, 403, 400])
        #expect(
            queueA.contains("Data dukung menyusul") && queueA.contains("Notula rapat &lt;i&gt;tim&lt;/i&gt; koordinasi")
        )
        #expect(queueA.contains("2026-08-10"))
        #expect(!queueB.contains("Notula rapat"))
        #expect(scheduleA.contains("2026-08-03 10:00") && !scheduleB.contains("2026-08-03 10:00"))
        #expect(detail.contains("Kepala Dinas") && detail.contains("SK dibahas.") && detail.contains("Pokok bahasan"))
        #expect(detail.contains("<a href=\"https://meet.example.go.id/spbe\""))
        #expect(detail.contains("<ul><li>Kepala Dinas</li><li>Operator SIMPUS</li></ul>"))
        #expect(!detail.contains("&lt;li&gt;") && !detail.contains("&lt;table&gt;"))
        // A viewer reads, but gets no form.
        #expect(!detail.contains("action=\"/interviews/"))
    }

    @Test("talking points name the claim beside the estimate, a returned item with its reason, and earlier promises")
    func talkingPoints() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let store = world.services.store
        let period = world.period
        _ = try store.addClaim(
            NewClaim(
                periodID: period.id, indicator: "I05", opdID: world.opdA.id, level: 5, fact: "F", analysis: "A",
                evidenceCodes: [world.evidenceA.code], accountID: world.accounts[.operatorA]!.id))
        _ = try store.addVerdict(
            periodID: period.id, opdID: world.opdA.id, subject: .evidence, item: world.evidenceA.code, version: 1,
            verdict: .revise, reason: .outOfDate, note: "SK tahun 2019", accountID: world.accounts[.assessor]!.id)
        let first = try store.addInterview(
            NewInterview(
                periodID: period.id, opdID: world.opdA.id, indicator: "I05", startsAt: "2026-08-01 09:00",
                place: "Ruang rapat", attendees: "", accountID: world.accounts[.admin]!.id))
        _ = try store.addCommitment(
            interviewID: first.id, text: "SK baru", dueOn: "2026-08-05", accountID: world.accounts[.admin]!.id)
        let second = try store.addInterview(
            NewInterview(
                periodID: period.id, opdID: world.opdA.id, indicator: "I05", startsAt: "2026-08-08 09:00",
                place: "Ruang rapat", attendees: "", accountID: world.accounts[.admin]!.id))
        let points = try await world.test { client in
            try await page(client, world, .assessor, "/interviews/\(second.id)")
        }
        #expect(points.contains("Klaim tingkat 5; estimasi spbe dari inventaris:"))
        #expect(
            points.contains(
                "\(world.evidenceA.code) (Perbup pusat data) dikembalikan: Bukti kedaluwarsa: SK tahun 2019"))
        #expect(points.contains("Dijanjikan pada interviu sebelumnya: SK baru (batas 2026-08-05)"))
    }

    @Test("the demo pemda has Diskominfo's interview on I10 in the interviu stage, with one promise in its queue")
    func demoInterview() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-demo-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let services = try PortalServices(settings: PortalSettings(dataFolder: folder, secureCookies: false))
        _ = try await services.loadDemo(folder: "\(checkout)/examples/kabupaten-bantul", evaluationDate: "2026-06-30")
        let period = try #require(try services.store.periods().first)
        let interviews = try services.store.interviews(periodID: period.id)
        let diskominfo = try #require(try services.store.opds().first { $0.code == "diskominfo" })
        #expect(interviews.map(\.indicator) == ["I10"] && interviews.first?.opdID == diskominfo.id)
        let schedule = StageSchedule(stages: try services.store.stages(periodID: period.id), reopenings: [])
        let day = String(try #require(interviews.first).startsAt.prefix(10))
        #expect(schedule.current(on: day)?.stage == .interviu)
        #expect(try services.store.commitments(periodID: period.id).map(\.opdID) == [diskominfo.id])
    }
}

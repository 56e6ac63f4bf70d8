import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing

@testable import Portal

/// A day relative to today in the pemda's time zone.
private func day(_ offset: Int64) -> String { CivilDay.adding(offset, to: CivilDay.day())! }

/// Posts a form as `caller` through its session, with its CSRF token.
private func postForm(
    _ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, _ uri: String,
    _ fields: [String: String]
) async throws -> TestResponse {
    var fields = fields
    fields["_csrf"] = world.sessions[caller]?.csrf
    return try await client.execute(
        uri: uri, method: .post,
        headers: world.headers(caller, contentType: "application/x-www-form-urlencoded"), body: formBody(fields))
}

/// Uploads the example inventory of OPD A or B as its operator, through the page (session) or the API (token).
private func upload(
    _ client: any TestClientProtocol, _ world: PortalWorld, _ caller: PortalWorld.Caller, api: Bool
) async throws -> TestResponse {
    let opd = caller == .operatorA ? world.opdA : world.opdB
    let file = caller == .operatorA ? "dinkes.yaml" : "disdukcapil.yaml"
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(checkout)/examples/kabupaten-bantul/\(file)"))
    let uri =
        api
        ? "/api/v1/periods/\(world.period.id)/opds/\(opd.id)/submissions"
        : "/periods/\(world.period.id)/opds/\(opd.id)/upload"
    let fields = api ? [:] : ["_csrf": world.sessions[caller]!.csrf]
    return try await client.execute(
        uri: uri, method: .post, headers: world.headers(caller, bearer: api, contentType: Multipart.contentType),
        body: Multipart.body(fields: fields, fileName: file, data: data))
}

/// The self-assessment stage from `start` to `end` days from today, the stages around it before and after.
private func schedule(_ start: Int64, _ end: Int64) -> [String: String] {
    [
        "persiapan-start": day(start - 10), "persiapan-end": day(start - 1),
        "penilaian-mandiri-start": day(start), "penilaian-mandiri-end": day(end),
        "verifikasi-internal-start": day(end + 1), "verifikasi-internal-end": day(end + 10),
    ]
}

@Suite("Stages and deadlines", .serialized)
struct StageTests {
    @Test("the OPD page shows the current stage and its days left, and the upload form while uploads are open")
    func countdown() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let (saved, page) = try await world.test { client in
            let saved = try await postForm(
                client, world, .admin, "/admin/periods/\(world.period.id)/stages", schedule(-5, 13))
            let page = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)", method: .get,
                headers: world.headers(.operatorA))
            return (saved.status.code, String(buffer: page.body))
        }
        #expect(saved == 303)
        #expect(page.contains("Tahap saat ini: <strong>Penilaian mandiri</strong>"))
        #expect(page.contains("<strong class=\"countdown\">13 hari lagi</strong>"))
        #expect(page.contains("Unggahan inventaris dibuka sampai \(day(13))"))
        #expect(page.contains("aria-current=\"step\" class=\"current\">Penilaian mandiri"))
        #expect(page.contains("action=\"/periods/\(world.period.id)/opds/\(world.opdA.id)/upload\""))
        let stages = try world.services.store.stages(periodID: world.period.id)
        #expect(stages.map(\.stage) == [.persiapan, .penilaianMandiri, .verifikasiInternal])
        #expect(try world.services.store.auditLog(limit: 1).first?.action == "period.stages")
    }

    @Test("once the self-assessment stage closed, uploads are refused with 423 in the page and the API, and audited")
    func lockedAfterClose() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let before = try world.services.store.submissions(periodID: world.period.id, opdID: world.opdA.id).count
        let (page, form, api) = try await world.test { client in
            _ = try await postForm(client, world, .admin, "/admin/periods/\(world.period.id)/stages", schedule(-20, -1))
            let form = try await upload(client, world, .operatorA, api: false)
            let api = try await upload(client, world, .operatorA, api: true)
            let page = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)", method: .get,
                headers: world.headers(.operatorA))
            return (String(buffer: page.body), form, api)
        }
        #expect(form.status.code == 423)
        #expect(String(buffer: form.body).contains("unggahan dikunci"))
        #expect(api.status.code == 423)
        #expect(String(buffer: api.body).contains("\"error\""))
        #expect(try world.services.store.submissions(periodID: world.period.id, opdID: world.opdA.id).count == before)
        #expect(page.contains("Tahap saat ini: <strong>Verifikasi internal</strong>"))
        #expect(page.contains("unggahan dikunci"))
        #expect(!page.contains("/upload\" enctype"))
        let locked = try world.services.store.auditLog(limit: 10).filter { $0.action == "upload.locked" }
        #expect(locked.count == 2)
    }

    @Test("an admin's reopening lets that one OPD upload again until its day, with the reason in the audit log")
    func reopenForOneOPD() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let (reopened, a, b, page) = try await world.test { client in
            _ = try await postForm(client, world, .admin, "/admin/periods/\(world.period.id)/stages", schedule(-20, -1))
            let reopened = try await postForm(
                client, world, .admin, "/admin/periods/\(world.period.id)/reopen",
                ["opd_id": String(world.opdA.id), "until": day(2), "reason": "Listrik padam saat tenggat"])
            let a = try await upload(client, world, .operatorA, api: true)
            let b = try await upload(client, world, .operatorB, api: true)
            let page = try await client.execute(
                uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)", method: .get,
                headers: world.headers(.operatorA))
            return (reopened.status.code, a.status.code, b.status.code, String(buffer: page.body))
        }
        #expect(reopened == 303)
        #expect(a == 201)
        #expect(b == 423)
        #expect(page.contains("Unggahan dibuka kembali untuk OPD ini sampai \(day(2)): Listrik padam saat tenggat"))
        let entry = try #require(try world.services.store.auditLog(limit: 20).first { $0.action == "stage.reopen" })
        #expect(entry.accountID == world.accounts[.admin]!.id)
        #expect(entry.detail.contains("dinkes until \(day(2)): Listrik padam saat tenggat"))
        let reopenings = try world.services.store.reopenings(periodID: world.period.id, opdID: world.opdB.id)
        #expect(reopenings.isEmpty)
    }

    @Test(
        "invalid stage dates and reopenings are refused and change nothing",
        arguments: [
            ["penilaian-mandiri-start": "2026-12-10", "penilaian-mandiri-end": "2026-12-01"],
            ["penilaian-mandiri-start": "2026-02-31", "penilaian-mandiri-end": "2026-03-10"],
            ["penilaian-mandiri-start": "2026-12-01"],
            [
                "persiapan-start": "2026-12-05", "persiapan-end": "2026-12-06",
                "penilaian-mandiri-start": "2026-12-01", "penilaian-mandiri-end": "2026-12-09",
            ],
        ])
    func invalidStages(form: [String: String]) async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let status = try await world.test { client in
            try await postForm(client, world, .admin, "/admin/periods/\(world.period.id)/stages", form).status.code
        }
        #expect(status == 400)
        #expect(try world.services.store.stages(periodID: world.period.id).isEmpty)
    }

    @Test("a reopening needs an OPD, a reason and a day from today to 30 days ahead")
    func invalidReopenings() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let opd = String(world.opdA.id)
        let forms: [[String: String]] = [
            ["opd_id": opd, "until": day(1), "reason": " "],
            ["opd_id": opd, "until": day(-1), "reason": "Terlambat"],
            ["opd_id": opd, "until": day(31), "reason": "Terlambat"],
            ["opd_id": "999", "until": day(1), "reason": "Terlambat"],
            ["opd_id": opd, "until": day(1), "reason": String(repeating: "x", count: 501)],
        ]
        let statuses = try await world.test { client in
            var statuses: [UInt] = []
            for form in forms {
                statuses.append(
                    UInt(
                        try await postForm(client, world, .admin, "/admin/periods/\(world.period.id)/reopen", form)
                            .status.code))
            }
            return statuses
        }
        #expect(statuses == [400, 400, 400, 400, 400])
        #expect(try world.services.store.reopenings(periodID: world.period.id).isEmpty)
    }

    @Test("a period without stages takes uploads and says it is unscheduled")
    func unscheduled() {
        let schedule = StageSchedule(stages: [], reopenings: [])
        #expect(schedule.uploadsOpen(on: "2030-01-01"))
        #expect(schedule.current(on: "2030-01-01") == nil)
    }

    @Test("calendar days convert both ways, refuse impossible dates and count days between")
    func civilDays() {
        #expect(CivilDay.number("1970-01-01") == 0)
        #expect(CivilDay.number("2026-12-07") == 20_794)
        #expect(CivilDay.number("2024-02-29") != nil)
        #expect(CivilDay.number("2026-02-29") == nil)
        #expect(CivilDay.number("2026-13-01") == nil)
        #expect(CivilDay.adding(1, to: "2026-12-31") == "2027-01-01")
        #expect(CivilDay.between("2026-12-07", "2026-12-20") == 13)
        // 2026-12-06 17:00 UTC is 2026-12-07 00:00 WIB.
        #expect(CivilDay.day(of: 1_796_576_400) == "2026-12-07")
        #expect(CivilDay.day(of: 1_796_576_399) == "2026-12-06")
    }
}

@Suite("Stages of the demo")
struct DemoStageTests {
    @Test(
        "the demo period runs the self-assessment stage, with a saved matrix, evidence files, a flagged claim and a returned item"
    )
    func demoInSelfAssessment() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-demo-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let services = try PortalServices(settings: PortalSettings(dataFolder: folder, secureCookies: false))
        _ = try await services.loadDemo(folder: "\(checkout)/examples/kabupaten-bantul", evaluationDate: "2026-06-30")
        let period = try #require(try services.store.periods().first)
        let schedule = StageSchedule(stages: try services.store.stages(periodID: period.id), reopenings: [])
        let today = CivilDay.day()
        #expect(schedule.current(on: today)?.stage == .penilaianMandiri)
        #expect(schedule.uploadsOpen(on: today))
        #expect(schedule.stages.map(\.stage) == Stage.allCases)
        let matrix = try services.store.responsibilities(periodID: period.id)
        let codes = Dictionary(uniqueKeysWithValues: try services.store.opds().map { ($0.id, $0.code) })
        let leads = Dictionary(uniqueKeysWithValues: matrix.map { ($0.indicator, $0.leadOPDID.flatMap { codes[$0] }) })
        #expect(matrix.count == 47)
        #expect(leads["I01"] == "diskominfo" && leads["I13"] == "bappeda" && leads["I46"] == "disdukcapil")
        #expect(matrix.first { $0.indicator == "I46" }?.pj == "Eko Saputro")
        let diskominfo = try #require(try services.store.opds().first { $0.code == "diskominfo" })
        let evidence = try services.store.evidence(periodID: period.id, opdID: diskominfo.id)
        #expect(evidence.map(\.code) == ["I01-L3-01", "I10-L3-01", "I16-L4-01"])
        #expect(evidence.allSatisfy { services.blobs.data($0.contentHash)?.starts(with: Array("%PDF-".utf8)) == true })
        let claim = try #require(try services.store.claims(periodID: period.id).first)
        #expect(claim.indicator == "I10" && claim.level == 4 && claim.evidenceCodes == ["I10-L3-01"])
        // One item returned by the Tim Asesor Internal, one accepted.
        let dinkes = try #require(try services.store.opds().first { $0.code == "dinkes" })
        let book = ReviewBook(verdicts: try services.store.verdicts(periodID: period.id))
        let returned = try services.store.evidence(periodID: period.id, opdID: dinkes.id)
        #expect(returned.map(\.code) == ["I45-L3-01"] && book.status(of: returned) == .toRevise)
        #expect(book.latest(.evidence, opdID: dinkes.id, item: "I45-L3-01")?.reason == .wrongEvidence)
        #expect(book.status(of: evidence.filter { $0.code == "I10-L3-01" }) == .accepted)
    }
}

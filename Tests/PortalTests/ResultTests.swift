import Foundation
import HTTPTypes
import HummingbirdTesting
import PortalStore
import Spreadsheets
import Testing
import ZIPFoundation

@testable import Portal

private func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// The results workbook of the tests: sheet `hasil` with `results` (indicator, level, OPD, notes, recommendation)
/// and sheet `bukti` with `outcomes` (OPD code, evidence code, outcome, note).
private func workbook(
    _ results: [(String, String, String, String, String)], outcomes: [(String, String, String, String)] = []
) throws -> Data {
    try TableWorkbook.data(sheets: [
        TableWorkbook.Sheet(
            name: "hasil", header: ResultWorkbook.resultHeader,
            rows: results.map { [.text($0.0), .text(""), .text($0.1), .text($0.2), .text($0.3), .text($0.4)] }),
        TableWorkbook.Sheet(
            name: "bukti", header: ResultWorkbook.evidenceHeader,
            rows: outcomes.map { [.text($0.0), .text($0.1), .text(""), .text($0.2), .text($0.3)] }),
    ])
}

/// Posts `data` as the admin's results import of the world's period (or `period`).
private func importResults(
    _ world: PortalWorld, _ client: any TestClientProtocol, fileName: String, data: Data, period: Int64? = nil
) async throws -> TestResponse {
    try await client.execute(
        uri: "/periods/\(period ?? world.period.id)/results/import", method: .post,
        headers: world.headers(.admin, contentType: Multipart.contentType),
        body: Multipart.body(fields: ["_csrf": world.sessions[.admin]!.csrf], fileName: fileName, data: data))
}

private func get(_ world: PortalWorld, _ client: any TestClientProtocol, _ uri: String, as caller: PortalWorld.Caller)
    async throws -> TestResponse
{
    try await client.execute(uri: uri, method: .get, headers: world.headers(caller))
}

@Suite("Official results and follow-ups", .serialized)
struct ResultTests {
    @Test(
        "a workbook with one broken cell is refused with the error at that cell, in Indonesian with the fix; nothing is stored"
    )
    func brokenCell() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let data = try workbook(
            [("I01", "3", "", "", ""), ("I05", "tujuh", "", "Catatan", "")],
            outcomes: [("dinkes", "I05-L3-01", "revisi", "Belum ditandatangani")])
        let (status, page) = try await world.test { client in
            let response = try await importResults(world, client, fileName: "hasil.xlsx", data: data)
            return (response.status.code, text(response))
        }
        #expect(status == 422)
        #expect(page.contains("hasil.xlsx: hasil!C3"), "\(page)")
        #expect(page.contains("tingkat &#39;tujuh&#39; bukan angka 1 sampai 5"))
        #expect(page.contains("tulis tingkat resmi: 1, 2, 3, 4 atau 5"))
        #expect(try world.services.store.officialResults(periodID: world.period.id).isEmpty)
        #expect(try world.services.store.officialEvidenceResults(periodID: world.period.id).isEmpty)
        #expect(try world.services.store.followUps(periodID: world.period.id).isEmpty)
    }

    @Test("unknown indicators, OPDs and evidence codes, a wrong header and a repeated row each name their cell")
    func everyWrongCell() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let data = try workbook(
            [("I99", "3", "", "", ""), ("I02", "2", "dinkse", "", ""), ("I02", "2", "", "", "")],
            outcomes: [("dinkes", "I05-L9-01", "diterima", ""), ("dinkes", "I05-L3-01", "ok", "")])
        let page = try await world.test { text(try await importResults(world, $0, fileName: "h.xlsx", data: data)) }
        for place in ["hasil!A2", "hasil!D3", "hasil!A4", "bukti!B2", "bukti!D3"] {
            #expect(page.contains("h.xlsx: \(place)"), "\(place)")
        }
        #expect(page.contains("maksudnya"))
        let header = try TableWorkbook.data(sheets: [
            TableWorkbook.Sheet(name: "hasil", header: ["indikator", "nama", "level"], rows: [])
        ])
        let refused = try await world.test {
            text(try await importResults(world, $0, fileName: "x.xlsx", data: header))
        }
        #expect(refused.contains("x.xlsx: hasil!C1") && refused.contains("hasil!D1"))
    }

    @Test(
        "a correct workbook is stored whole; results show beside claim and estimate with the official index scored by the pack; follow-ups are created"
    )
    func correctWorkbook() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let data = try workbook(
            [
                ("I05", "2", "", "Perbup belum ditetapkan.", "Tetapkan Perbup pusat data."),
                ("I45", "3", "dinkes", "", ""),
            ],
            outcomes: [
                ("dinkes", "I05-L3-01", "revisi", "Belum ditandatangani"), ("dukcapil", "I05-L3-01", "diterima", ""),
            ])
        let (status, page) = try await world.test { client in
            let response = try await importResults(world, client, fileName: "hasil.xlsx", data: data)
            let page = try await get(world, client, "/periods/\(world.period.id)/results", as: .viewer)
            return (response.status.code, text(page))
        }
        #expect(status == 303)
        let store = world.services.store
        #expect(try store.officialResults(periodID: world.period.id).map(\.level) == [2, 3])
        #expect(try store.officialEvidenceResults(periodID: world.period.id).count == 2)
        let followUps = try store.followUps(periodID: world.period.id)
        #expect(followUps.map(\.source) == [.recommendation, .evidence])
        #expect(
            followUps[1].opdID == world.opdA.id && followUps[1].item == "I05-L3-01" && followUps[1].priority == .high)
        let expected = try world.services.engine.score(packPath: "", levels: ["I05": 2, "I45": 3])
        #expect(
            page.contains("Indeks resmi: <strong>\(Layout.index(expected.index))</strong> (\(expected.predicate!))"))
        #expect(page.contains("Tetapkan Perbup pusat data."))
        #expect(page.contains("Per domain dan aspek"))
        #expect(!page.contains("Impor hasil resmi"), "the import form is the admin's")
    }

    @Test("the CSV templates neutralise formulas in what OPDs typed, and a CSV file imports like a sheet")
    func csvTemplates() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let store = world.services.store
        _ = try store.addEvidence(
            NewEvidence(
                periodID: world.period.id, opdID: world.opdA.id, indicator: "I06", level: 2,
                title: "=HYPERLINK(\"http://attacker\",\"klik\")", record: "", fileName: "x.pdf",
                contentHash: world.evidenceA.contentHash, size: 10, kind: "pdf",
                accountID: world.accounts[.operatorA]!.id),
            revises: nil)
        let (bukti, hasil, xlsx, status) = try await world.test { client in
            let bukti = text(try await get(world, client, "/periods/\(world.period.id)/results/bukti.csv", as: .admin))
            let hasil = text(try await get(world, client, "/periods/\(world.period.id)/results/hasil.csv", as: .admin))
            let xlsx = try await get(world, client, "/periods/\(world.period.id)/results/template.xlsx", as: .admin)
            let csv = Data("indikator;nama;tingkat;opd;catatan;rekomendasi\nI06;;4;dinkes;;Unggah SK terbaru\n".utf8)
            let status = try await importResults(world, client, fileName: "hasil.csv", data: csv).status.code
            return (bukti, hasil, xlsx, status)
        }
        #expect(bukti.contains("'=HYPERLINK"))
        #expect(hasil.contains("I47,"))
        #expect(xlsx.headers[.contentDisposition]?.hasPrefix("attachment") == true)
        #expect(status == 303)
        #expect(try store.officialResults(periodID: world.period.id).map(\.indicator) == ["I06"])
        #expect(try store.followUps(periodID: world.period.id).first?.opdID == world.opdA.id)
    }

    @Test(
        "hostile files are refused with one message and store nothing",
        arguments: ["not-zip", "bomb", "binary", "kind"])
    func hostile(_ kind: String) async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let (name, data): (String, Data)
        switch kind {
        case "not-zip": (name, data) = ("hasil.xlsx", Data("PK not really".utf8))
        case "bomb":
            // 70 MB of spaces inside the sheet: a few hundred kilobytes zipped, over the part limit unzipped.
            let archive = try Archive(data: Data(), accessMode: .create)
            let filler = Data(repeating: 0x20, count: 70 * 1024 * 1024)
            try archive.addEntry(
                with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(filler.count),
                compressionMethod: .deflate
            ) { position, size in filler.subdata(in: Int(position)..<Int(position) + size) }
            (name, data) = ("hasil.xlsx", archive.data!)
        case "binary": (name, data) = ("hasil.csv", Data([0x69, 0x00, 0x01, 0x02, 0x0A]))
        default: (name, data) = ("hasil.exe", Data("MZ".utf8))
        }
        let (status, page) = try await world.test { client in
            let response = try await importResults(world, client, fileName: name, data: data)
            return (response.status.code, text(response))
        }
        #expect(status == 422)
        #expect(page.contains("import-errors"))
        #expect(try world.services.store.officialResults(periodID: world.period.id).isEmpty)
    }

    @Test(
        "an operator sees and updates its own OPD's follow-ups only; admins change the owner and target; overdue ones are flagged"
    )
    func followUpAccess() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let store = world.services.store
        let yesterday = CivilDay.adding(-1, to: CivilDay.day())!
        try store.saveResults(
            ResultBatch(
                periodID: world.period.id, results: [], evidence: [], replacesResults: false, replacesEvidence: false,
                followUps: [world.opdA, world.opdB].map { opd in
                    NewFollowUp(
                        periodID: world.period.id, source: .evidence, indicator: "I05", item: "I05-L3-01",
                        opdID: opd.id,
                        pj: "", targetOn: yesterday, priority: .high, description: "Revisi bukti \(opd.code)")
                }, accountID: world.accounts[.admin]!.id))
        let ids = try store.followUps(periodID: world.period.id).map(\.id)
        let (listA, done, other, admin) = try await world.test { client in
            let listA = text(try await get(world, client, "/follow-ups", as: .operatorA))
            func post(_ id: Int64, _ caller: PortalWorld.Caller, _ fields: [String: String]) async throws -> UInt16 {
                var fields = fields
                fields["_csrf"] = world.sessions[caller]!.csrf
                return UInt16(
                    try await client.execute(
                        uri: "/follow-ups/\(id)", method: .post,
                        headers: world.headers(caller, contentType: "application/x-www-form-urlencoded"),
                        body: formBody(fields)
                    ).status.code)
            }
            let done = try await post(
                ids[0], .operatorA, ["status": "done", "note": "SK diunggah", "opd_id": "\(world.opdB.id)"])
            let other = try await post(ids[1], .operatorA, ["status": "done", "note": ""])
            let admin = try await post(
                ids[1], .admin, ["status": "in-progress", "note": "", "target": "2099-01-31", "pj": "Budi"])
            return (listA, done, other, admin)
        }
        #expect(listA.contains("Revisi bukti dinkes") && !listA.contains("Revisi bukti dukcapil"))
        #expect(listA.contains("lewat tenggat"))
        #expect(done == 303 && other == 404 && admin == 303)
        let first = try #require(try store.followUp(id: ids[0]))
        #expect(first.status == .done && first.opdID == world.opdA.id, "an operator cannot move the owner")
        let second = try #require(try store.followUp(id: ids[1]))
        #expect(second.status == .inProgress && second.targetOn == "2099-01-31" && second.pj == "Budi")
        #expect(try store.overdueFollowUps(asOf: CivilDay.day()).isEmpty)
    }

    @Test(
        "the next period, under the Pemdi framework, shows the carried follow-ups and last year's levels through the mapping"
    )
    func nextPeriodAcrossFrameworks() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let data = try workbook(
            [("I31", "2", "", "", "Lakukan audit keamanan SPBE."), ("I20", "3", "", "", "")],
            outcomes: [("dinkes", "I05-L3-01", "revisi", "Tanpa tanda tangan")])
        let next = try world.services.store.createPeriod(
            name: "Evaluasi Pemdi 2027", evaluationDate: "2027-06-30", pack: "\(checkout)/rules/pemdi-2026")
        let (dashboard, results, list) = try await world.test { client in
            _ = try await importResults(world, client, fileName: "hasil.xlsx", data: data)
            let followUp = try #require(try world.services.store.followUps(periodID: world.period.id).last)
            _ = try await client.execute(
                uri: "/follow-ups/\(followUp.id)", method: .post,
                headers: world.headers(.operatorA, contentType: "application/x-www-form-urlencoded"),
                body: formBody(["_csrf": world.sessions[.operatorA]!.csrf, "status": "done", "note": "Sudah"]))
            return (
                text(try await get(world, client, "/dashboard?period=\(next.id)", as: .viewer)),
                text(try await get(world, client, "/periods/\(next.id)/results", as: .viewer)),
                text(try await get(world, client, "/follow-ups", as: .admin))
            )
        }
        #expect(dashboard.contains("Dijanjikan pada Evaluasi SPBE 2026"), "\(dashboard)")
        #expect(dashboard.contains("Lakukan audit keamanan SPBE."))
        #expect(dashboard.contains("→ pemdi-2026 I09 (partial)"))
        #expect(dashboard.contains("Tindak lanjut: 2 · selesai: 1"))
        #expect(results.contains("Evaluasi SPBE 2026: I31 2 (partial)"))
        #expect(results.contains("Evaluasi SPBE 2026: I20 3 (exact)"))
        #expect(list.contains("→ pemdi-2026 I14 (partial)"), "I05 of 2020 maps to Infrastruktur Pemdi")
    }

    @Test(
        "the demo shows a completed previous period with official results and follow-ups, some done, beside the current one"
    )
    func demo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-demo-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let services = try PortalServices(settings: PortalSettings(dataFolder: folder, secureCookies: false))
        _ = try await services.loadDemo(folder: "\(checkout)/examples/kabupaten-bantul", evaluationDate: "2026-06-30")
        let periods = try services.store.periods()
        #expect(periods.count == 2)
        let previous = periods[1]
        #expect(previous.evaluationDate == "2025-06-30")
        #expect(try services.store.officialResults(periodID: previous.id).count == 47)
        let followUps = try services.store.followUps(periodID: previous.id)
        #expect(followUps.count == 6)
        #expect(followUps.count { $0.status == .done } == 1 && followUps.count { $0.status == .inProgress } == 1)
        #expect(try services.store.overdueFollowUps(asOf: CivilDay.day()).count == 5)
        #expect(try services.store.currentSubmissions(periodID: periods[0].id).count == 11)
    }
}

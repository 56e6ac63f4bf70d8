import Foundation
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing
import ZIPFoundation

@testable import Portal

/// OPD A leads I05 and claims level 3 citing its evidence; returns the claim.
private func claimI05(_ world: PortalWorld) throws -> Claim {
    let store = world.services.store
    try store.setResponsibilities(
        periodID: world.period.id,
        [Responsibility(indicator: "I05", leadOPDID: world.opdA.id, contributorIDs: [], pj: "Budi")])
    return try store.addClaim(
        NewClaim(
            periodID: world.period.id, indicator: "I05", opdID: world.opdA.id, level: 3,
            fact: "Perbup pusat data <b>ditetapkan</b> 2025.", analysis: "Memenuhi tingkat 3.",
            evidenceCodes: [world.evidenceA.code], accountID: world.accounts[.operatorA]!.id))
}

@Suite("Submission pack", .serialized)
struct SubmissionPackTests {
    @Test(
        "the pack lists each indicator under its domain and aspect with the claim, the penjelasan and canonical names")
    func arrangement() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let claim = try claimI05(world)
        let pack = try SubmissionPack.build(world.services, period: world.period)
        #expect(!pack.domains.isEmpty && pack.domains.allSatisfy { !$0.aspects.isEmpty })
        let ids = pack.entries.map(\.id)
        #expect(ids.count == Set(ids).count && ids.contains("I05"))
        let entry = try #require(pack.entries.first { $0.id == "I05" })
        #expect(entry.claim == claim && entry.opdName == "Dinas Kesehatan")
        #expect(entry.penjelasan == "\(claim.fact)\n\n\(claim.analysis)")
        #expect(entry.items.map(\.fileName) == ["I05-L3-01_perbup.pdf"])
        #expect(pack.entries.filter { $0.claim != nil }.map(\.id) == ["I05"])
    }

    @Test("a canonical name keeps only the code, plain letters of the uploaded name and the detected extension")
    func canonicalNames() {
        var evidence = Evidence(
            id: 1, periodID: 1, opdID: 1, indicator: "I05", level: 3, code: "I05-L3-01", version: 2, title: "t",
            record: "", fileName: "../../etc/Perbup No. 5\u{1}\u{202E}fdp.exe", contentHash: "", size: 1, kind: "pdf",
            accountID: 1, createdAt: 0)
        #expect(SubmissionPack.canonicalName(evidence) == "I05-L3-01_etc_Perbup_No_5_fdp.pdf")
        evidence.fileName = "…"
        evidence.kind = "jpeg"
        #expect(SubmissionPack.canonicalName(evidence) == "I05-L3-01_berkas.jpg")
    }

    @Test("the ZIP holds the printable document and each cited evidence item, byte for byte, under its canonical name")
    func archive() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        _ = try claimI05(world)
        let (zip, page) = try await world.test { client in
            let zip = try await client.execute(
                uri: "/periods/\(world.period.id)/submission-pack.zip", method: .get, headers: world.headers(.admin))
            let page = try await client.execute(
                uri: "/periods/\(world.period.id)/submission-pack", method: .get, headers: world.headers(.assessor))
            return (zip, String(buffer: page.body))
        }
        #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
        #expect(zip.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        let archive = try Archive(data: Data(zip.body.readableBytesView), accessMode: .read)
        #expect(archive.map(\.path).sorted() == ["data-dukung/I05-L3-01_perbup.pdf", "dokumen-pengiriman.html"])
        func contents(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return data
        }
        #expect(try contents("data-dukung/I05-L3-01_perbup.pdf") == PortalWorld.samplePDF)
        let document = String(decoding: try contents("dokumen-pengiriman.html"), as: UTF8.self)
        #expect(document.contains("I05-L3-01_perbup.pdf") && document.contains("@page { size: A4"))
        #expect(document.contains("Perbup pusat data &lt;b&gt;ditetapkan&lt;/b&gt; 2025."))
        #expect(!document.contains("data-copy"))
        #expect(page.contains("data-copy=\"penjelasan-I05\"") && page.contains("id=\"penjelasan-I05\""))
        #expect(!page.contains("<script>") && !page.contains("onclick"))
        // Nothing left behind in the portal's tmp folder once sent.
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.services.tmpFolder).isEmpty)
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PortalStore
import Testing

@testable import Portal

/// Files an attacker or a careless operator might upload as evidence.
enum HostileFiles {
    /// A PDF whose body also reads as HTML with a script.
    static let pdfPolyglot = Data(
        "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n".utf8)
    /// HTML first, a PDF header later: PDF readers open it, browsers run it.
    static let htmlThenPDF = Data("<html><script>alert(1)</script>\n%PDF-1.4\n%%EOF\n".utf8)
    /// An SVG image carrying a script.
    static let svg = Data(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"1\" height=\"1\"/></svg>"
            .utf8)
    /// A PNG's signature and header chunk.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8))
    /// A Windows executable's start.
    static let exe = Data("MZ\u{90}\u{0}This program cannot be run in DOS mode".utf8)

    /// A minimal DOCX with `extra` entries.
    static func docx(_ extra: [(String, Data)] = []) throws -> Data {
        try zip(
            [
                ("[Content_Types].xml", Data("<Types/>".utf8)),
                ("word/document.xml", Data("<w:document/>".utf8)),
            ] + extra)
    }

    /// A DOCX whose document inflates a thousand times: 20 MiB of zeros in a few kilobytes.
    static func docxBomb() throws -> Data { try docx([("word/media/blank.bin", Data(count: 20 * 1024 * 1024))]) }

    /// A DOCX of more entries than any document has.
    static func docxManyEntries() throws -> Data {
        try docx((0..<1_001).map { ("word/part\($0).xml", Data("<p/>".utf8)) })
    }
}

@Suite("Evidence files")
struct EvidenceInspectorTests {
    @Test(
        "the type comes from the content, and the extension must agree",
        arguments: [
            ("laporan.pdf", HostileFiles.pdfPolyglot, .success(.pdf)),
            ("tangkapan.PNG", HostileFiles.png, .success(.png)),
            ("tangkapan.pdf", HostileFiles.png, .failure(.extensionMismatch(.png))),
            ("surat", HostileFiles.pdfPolyglot, .failure(.extensionMismatch(.pdf))),
            ("surat.pdf", HostileFiles.exe, .failure(.notAllowed)),
            ("gambar.svg", HostileFiles.svg, .failure(.notAllowed)),
            ("gambar.png", HostileFiles.svg, .failure(.notAllowed)),
            ("halaman.pdf", HostileFiles.htmlThenPDF, .failure(.notAllowed)),
            ("kosong.pdf", Data(), .failure(.empty)),
        ] as [(String, Data, Result<EvidenceInspector.Kind, EvidenceInspector.Refusal>)])
    func sniffing(name: String, data: Data, expected: Result<EvidenceInspector.Kind, EvidenceInspector.Refusal>) {
        #expect(EvidenceInspector.inspect(data, fileName: name, maxBytes: 1024) == expected)
    }

    @Test("office files are told apart by their entries, bombs and macros are refused, size is bounded")
    func office() throws {
        func inspect(_ data: Data, _ name: String) -> Result<EvidenceInspector.Kind, EvidenceInspector.Refusal> {
            EvidenceInspector.inspect(data, fileName: name, maxBytes: EvidenceInspector.maxBytes)
        }
        #expect(inspect(try HostileFiles.docx(), "sk.docx") == .success(.docx))
        #expect(inspect(try HostileFiles.docx(), "sk.xlsx") == .failure(.extensionMismatch(.docx)))
        let xlsx = try zip([("[Content_Types].xml", Data("<Types/>".utf8)), ("xl/workbook.xml", Data("<w/>".utf8))])
        #expect(inspect(xlsx, "aset.xlsx") == .success(.xlsx))
        let odt = try zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Data("<c/>".utf8)),
        ])
        #expect(inspect(odt, "notula.odt") == .success(.odt))
        #expect(inspect(try zip([("a.txt", Data("a".utf8))]), "a.docx") == .failure(.notAllowed))
        #expect(inspect(try HostileFiles.docxBomb(), "bom.docx") == .failure(.zipBounds))
        #expect(inspect(try HostileFiles.docxManyEntries(), "bom.docx") == .failure(.zipBounds))
        #expect(
            inspect(try HostileFiles.docx([("word/vbaProject.bin", Data("x".utf8))]), "makro.docx")
                == .failure(.macros))
        #expect(inspect(Data("PK\u{3}\u{4}broken".utf8), "rusak.docx") == .failure(.zipBounds))
        let big = HostileFiles.pdfPolyglot + Data(count: EvidenceInspector.maxBytes)
        #expect(inspect(big, "besar.pdf") == .failure(.tooLarge))
    }

    @Test("a name is kept for display only: its last path component, without control or bidi characters")
    func displayNames() {
        #expect(EvidenceInspector.displayName("../../etc/passwd", fallback: "x") == "passwd")
        #expect(EvidenceInspector.displayName("C:\\Users\\op\\sk\u{7}\u{1B}[31m.pdf", fallback: "x") == "sk[31m.pdf")
        #expect(EvidenceInspector.displayName("laporan\u{202E}fdp.exe", fallback: "x") == "laporanfdp.exe")
        #expect(EvidenceInspector.displayName("..", fallback: "I05.pdf") == "I05.pdf")
        #expect(EvidenceInspector.displayName("/", fallback: "I05.pdf") == "I05.pdf")
    }
}

/// Uploads evidence as OPD A's operator through its session.
private func uploadEvidence(
    _ client: any TestClientProtocol, _ world: PortalWorld, name: String, data: Data,
    fields: [String: String] = evidenceFields
) async throws -> TestResponse {
    var fields = fields
    fields["_csrf"] = world.sessions[.operatorA]!.csrf
    return try await client.execute(
        uri: "/periods/\(world.period.id)/opds/\(world.opdA.id)/evidence", method: .post,
        headers: world.headers(.operatorA, contentType: Multipart.contentType),
        body: Multipart.body(fields: fields, fileName: name, data: data))
}

@Suite("Hostile evidence files", .serialized)
struct HostileEvidenceTests {
    @Test("hostile files are refused or stored inertly, and a download is always an attachment that cannot run")
    func hostile() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let before = try world.services.store.evidence(periodID: world.period.id, opdID: world.opdA.id).count
        let bomb = try HostileFiles.docxBomb()
        let many = try HostileFiles.docxManyEntries()
        let (statuses, download, page) = try await world.test { client in
            var statuses: [String: UInt] = [:]
            for (label, name, data) in [
                ("svg", "logo.svg", HostileFiles.svg), ("svg-as-png", "logo.png", HostileFiles.svg),
                ("html-pdf", "surat.pdf", HostileFiles.htmlThenPDF), ("bomb", "sk.docx", bomb),
                ("entries", "sk.docx", many), ("lying", "surat.pdf", HostileFiles.png),
                ("exe", "surat.pdf", HostileFiles.exe),
                ("oversized", "besar.pdf", HostileFiles.pdfPolyglot + Data(count: EvidenceInspector.maxBytes)),
            ] {
                statuses[label] = UInt(try await uploadEvidence(client, world, name: name, data: data).status.code)
            }
            let polyglot = try await uploadEvidence(
                client, world, name: "..\\..\\tmp/evil\u{1}\u{202E}name.pdf", data: HostileFiles.pdfPolyglot)
            statuses["polyglot"] = UInt(polyglot.status.code)
            let location = try #require(polyglot.headers[.location])
            let download = try await client.execute(
                uri: "\(location)/file", method: .get, headers: world.headers(.assessor))
            let page = try await client.execute(uri: location, method: .get, headers: world.headers(.operatorA))
            return (statuses, download, String(buffer: page.body))
        }
        #expect(
            statuses == [
                "svg": 422, "svg-as-png": 422, "html-pdf": 422, "bomb": 422, "entries": 422, "lying": 422, "exe": 422,
                "oversized": 413, "polyglot": 303,
            ])
        let stored = try world.services.store.evidence(periodID: world.period.id, opdID: world.opdA.id)
        #expect(stored.count == before + 1)
        let polyglot = try #require(stored.first { $0.code == "I05-L3-02" })
        #expect(polyglot.fileName == "evilname.pdf" && polyglot.kind == "pdf")
        #expect(download.status == .ok)
        #expect(download.headers[.contentType] == "application/pdf")
        #expect(download.headers[.contentDisposition] == "attachment; filename=\"I05-L3-02-v1.pdf\"")
        #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        #expect(download.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(Data(buffer: download.body) == HostileFiles.pdfPolyglot)
        #expect(page.contains("evilname.pdf") && !page.contains("<script>"))
        // Nothing but blobs named by their hash was written, and nothing outside the blob folder.
        let blobs = try FileManager.default.contentsOfDirectory(atPath: "\(world.folder)/blobs")
        #expect(blobs.allSatisfy { BlobStore.isHash($0) })
        let refused = try world.services.store.auditLog(limit: 20).filter { $0.action == "evidence.refused" }
        #expect(refused.count == 8)
    }

    @Test("a revision is a new immutable version under the same code, and the history shows every version")
    func revision() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        var fields = evidenceFields
        fields["revises"] = world.evidenceA.code
        let revisionFields = fields
        fields["revises"] = "I05-L3-09"
        let unknownFields = fields
        let (revised, unknown, history) = try await world.test { client in
            let revised = try await uploadEvidence(
                client, world, name: "perbup-revisi.pdf", data: HostileFiles.pdfPolyglot, fields: revisionFields)
            let unknown = try await uploadEvidence(
                client, world, name: "x.pdf", data: HostileFiles.pdfPolyglot, fields: unknownFields)
            let page = try await client.execute(
                uri: "/evidence/\(world.evidenceA.id)", method: .get, headers: world.headers(.viewer))
            return (revised.status.code, unknown.status.code, String(buffer: page.body))
        }
        #expect(revised == 303 && unknown == 400)
        let versions = try world.services.store.evidence(periodID: world.period.id, opdID: world.opdA.id)
        #expect(versions.map(\.code) == ["I05-L3-01", "I05-L3-01"])
        #expect(versions.map(\.version) == [2, 1])
        #expect(versions[1] == world.evidenceA)
        #expect(history.contains("<td>v2</td>") && history.contains("<td>v1</td>"))
        #expect(history.contains("perbup-revisi.pdf") && history.contains("perbup.pdf"))
    }

    @Test("evidence uploads lock with their stage, and an invalid indicator or level is refused")
    func lockedAndInvalid() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let statuses = try await world.test { client in
            var statuses: [UInt] = []
            for fields in [
                ["indicator": "I99", "level": "3", "title": "x"], ["indicator": "I05", "level": "6", "title": "x"],
                ["indicator": "I05", "level": "3", "title": ""],
                ["indicator": "I05", "level": "3", "title": "x", "record": "../perbup"],
            ] {
                statuses.append(
                    UInt(
                        try await uploadEvidence(
                            client, world, name: "a.pdf", data: PortalWorld.samplePDF, fields: fields
                        ).status.code))
            }
            try world.services.store.setStages(
                periodID: world.period.id,
                [
                    StageDates(
                        stage: .penilaianMandiri, startsOn: CivilDay.adding(-9, to: CivilDay.day())!,
                        endsOn: CivilDay.adding(-1, to: CivilDay.day())!)
                ])
            statuses.append(
                UInt(try await uploadEvidence(client, world, name: "a.pdf", data: PortalWorld.samplePDF).status.code))
            return statuses
        }
        #expect(statuses == [400, 400, 400, 400, 423])
        #expect(try world.services.store.evidence(periodID: world.period.id, opdID: world.opdA.id).count == 1)
    }
}

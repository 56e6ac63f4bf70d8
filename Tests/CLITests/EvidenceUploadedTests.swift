import Foundation
import Testing

/// `spbe evidence --uploaded`: the checklist beside the evidence files the portal lists for an OPD.
@Suite("spbe evidence --uploaded")
struct EvidenceUploadedTests {
    private func listFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uploaded-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("each level lists the files uploaded for it, and says when none is")
    func listsUploads() throws {
        let list = try listFile(
            """
            [{"indicator": "I05", "level": 3, "code": "I05-L3-01", "file": "perbup-pusat-data.pdf", "status": "Diterima"},
             {"indicator": "I05", "level": 5, "code": "I05-L5-01", "file": "audit.pdf"}]
            """)
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try SPBEProcess.run([
            "evidence", "--as-of", "2025-06-30", "--uploaded", list.path, "examples/dinkes-sleman.yaml",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  I05 ") })
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("  I") } ?? lines.count
        let section = lines[start..<end]
        #expect(section.contains("        diunggah: I05-L3-01 perbup-pusat-data.pdf (Diterima)"))
        #expect(section.contains("        diunggah: I05-L5-01 audit.pdf"))
        #expect(section.contains { $0.hasPrefix("    [–] tingkat 5") })
        #expect(result.stdout.contains("        belum diunggah"))
    }

    @Test("a list that is not the portal's shape is an input error (exit 2) naming the item")
    func refusesMalformed() throws {
        let list = try listFile(#"[{"indicator": "I05", "code": "I05-L3-01", "file": "x.pdf"}]"#)
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try SPBEProcess.run(["evidence", "--uploaded", list.path, "examples/dinkes-sleman.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("item 1 has no 'level'"))
        #expect(result.stdout.isEmpty)
    }
}

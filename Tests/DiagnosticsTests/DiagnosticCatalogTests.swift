import Foundation
import Testing

/// `docs/diagnostics.md` lists every diagnostic code the sources report, and no other.
@Suite("the catalogue of diagnostic codes")
struct DiagnosticCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The codes the sources report: `code: "phase.name"`, or the first argument of `error(`/`warning(`.
    private func sourceCodes() throws -> Set<String> {
        let pattern = try NSRegularExpression(
            pattern: #"(?:code: |error\(|warning\()\s*"([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)""#)
        var codes = Set<String>()
        let sources = Self.root.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
            }
        }
        return codes
    }

    /// The codes listed in the catalogue's tables: `` | `phase.name` | ``.
    private func listedCodes() throws -> [String] {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
    }

    @Test("every code reported in the sources is listed, with an example")
    func complete() throws {
        let listed = Set(try listedCodes())
        let sources = try sourceCodes()
        #expect(sources.count > 100, "the scan finds the codes")
        let missing = sources.subtracting(listed).sorted()
        #expect(missing.isEmpty, "add to docs/diagnostics.md: \(missing)")
        let stale = listed.subtracting(sources).sorted()
        #expect(stale.isEmpty, "no longer reported, remove from docs/diagnostics.md: \(stale)")
    }

    @Test("each code is listed once")
    func unique() throws {
        let listed = try listedCodes()
        #expect(Set(listed).count == listed.count)
    }
}

import Diagnostics
import Foundation
import Packs
import Testing

@Suite("framework mappings")
struct FrameworkMappingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let bundled = root.appendingPathComponent("rules/mappings/spbe-2020-to-pemdi-2026.yaml").path

    private static func ids(_ pack: String) throws -> [String] {
        let loaded = PackLoader.load(path: root.appendingPathComponent("rules/\(pack)").path)
        return try #require(loaded.pack, "\(loaded.diagnostics)").indicators.map(\.id)
    }

    private func load(_ text: String) throws -> (FrameworkMapping?, [Diagnostic], String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapping-\(UUID().uuidString).yaml")
            .path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = FrameworkMappingLoader.load(path: path, fromIDs: ["I01", "I02"], toIDs: ["I01", "I09"])
        return (loaded.mapping, loaded.diagnostics, path)
    }

    private static let header = """
        spbe_mapping: 1
        mapping: {from: old, to: new, provisional: true, basis: nama indikator}
        entries:

        """

    @Test("the bundled SPBE 2020 to Pemdi 2026 mapping loads against both packs, provisional, every indicator listed")
    func bundledMappingLoads() throws {
        let loaded = FrameworkMappingLoader.load(
            path: Self.bundled, fromIDs: try Self.ids("spbe-2020"), toIDs: try Self.ids("pemdi-2026"))
        let mapping = try #require(loaded.mapping, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(mapping.provisional)
        #expect(mapping.fromPack == "spbe-2020" && mapping.toPack == "pemdi-2026")
        #expect(mapping.entries.count == 47)
        #expect(mapping.entries.allSatisfy { $0.confidence == .exact || !$0.note.isEmpty })
    }

    @Test("the bundled mapping's coverage is 2 exact, 40 partial and 5 without counterpart, as docs/portal.md says")
    func coverage() throws {
        let loaded = FrameworkMappingLoader.load(
            path: Self.bundled, fromIDs: try Self.ids("spbe-2020"), toIDs: try Self.ids("pemdi-2026"))
        let mapping = try #require(loaded.mapping)
        #expect(mapping.coverage == [.exact: 2, .partial: 40, .none: 5])
        #expect(mapping.entry(from: "I31")?.to == ["I09"])
        #expect(mapping.entries(to: "I09").map(\.from) == ["I09", "I29", "I30", "I31"])
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/portal.md"), encoding: .utf8)
        #expect(docs.contains("2 exact, 40 partial, 5 none"))
    }

    @Test("an unknown indicator id on either side is an error at its line and column, with a suggestion")
    func unknownIndicator() throws {
        let (mapping, diagnostics, path) = try load(
            Self.header + """
                  - {from: I01, to: [I9], confidence: partial, note: sebagian}
                  - {from: I03, to: [I01], confidence: partial, note: sebagian}
                """)
        #expect(mapping == nil)
        let unknown = diagnostics.filter { $0.code == "mapping.unknown_indicator" }
        #expect(unknown.map(\.location?.line) == [4, 5])
        #expect(unknown.map(\.location?.column) == [22, 12])
        #expect(unknown[0].description.hasPrefix("\(path):4:22: error[mapping.unknown_indicator]"))
        #expect(unknown[0].suggestion?.contains("I09") == true)
    }

    @Test("an uncertain entry without a note, a bad confidence, a none with targets and a repeat are errors")
    func invalidEntries() throws {
        let (mapping, diagnostics, _) = try load(
            Self.header + """
                  - {from: I01, to: [I01], confidence: partial}
                  - {from: I02, to: [I09], confidence: maybe, note: x}
                  - {from: I02, to: [I09], confidence: none, note: x}
                """)
        #expect(mapping == nil)
        let codes = Set(diagnostics.map(\.code))
        #expect(
            codes.isSuperset(of: ["mapping.note_missing", "mapping.confidence", "mapping.targets", "mapping.duplicate"])
        )
    }

    @Test("an indicator of the older pack the file leaves out is a warning, and the mapping still loads")
    func unlisted() throws {
        let (mapping, diagnostics, _) = try load(
            Self.header + "  - {from: I01, to: [I01], confidence: exact}\n")
        #expect(mapping?.entries.count == 1)
        #expect(diagnostics.map(\.code) == ["mapping.unlisted"])
        #expect(diagnostics.first?.severity == .warning)
    }
}

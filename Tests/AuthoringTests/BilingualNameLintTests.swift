import Authoring
import Diagnostics
import Engine
import Foundation
import Packs
import Testing

/// `lint.missing_english`: a pack that gives English texts should give every name one.
@Suite("linting names without English")
struct BilingualNameLintTests {
    private func lint(_ text: String) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        let loaded = PackLoader.load(path: url.path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = try #require(PackCompiler.compile(pack).pack)
        return PackLinter(pack: compiled).lint().filter { $0.code == "lint.missing_english" }.map {
            "\($0.location?.line ?? 0): \($0.message)"
        }
    }

    /// A pack with an English title and some English names; `indicatorName` is the indicator's `name:`.
    private func pack(title: String, indicatorName: String) -> String {
        """
        spbe_pack: 1
        pack: {id: t, title: \(title), version: 0.0.1, framework: Test}
        framework:
          scales:
            proses: [{level: 1, name: {id: Satu, en: One}}, {level: 2, name: Dua}]
          domains:
            - {id: D1, name: {id: Layanan, en: Services}, weight: 100, aspects: [{id: A1, name: Aplikasi, weight: 100}]}
          predicates: [{name: {id: Baik, en: Good}, min: 2}, {name: Kurang, min: 0}]
        schema:
          opd: {fields: {id: {type: string, required: true}}}
          collections: {}
        indicators:
          - {id: I01, name: \(indicatorName), aspect: A1, weight: 100, scale: proses, levels: {1: {require: 'true'}}}
        """
    }

    @Test("each name without English is a warning at its own position when the pack gives English elsewhere")
    func warnsAtEachName() throws {
        let found = try lint(pack(title: "{id: Uji, en: Test}", indicatorName: "Aplikasi"))
        #expect(
            found == [
                "5: the name of level 2 of scale 'proses' has no English text, though the pack gives others",
                "7: the name of aspect A1 has no English text, though the pack gives others",
                "8: the name of predicate 'Kurang' has no English text, though the pack gives others",
                "13: the name of indicator I01 has no English text, though the pack gives others",
            ])
    }

    @Test("a pack in Indonesian alone gets no warning")
    func indonesianOnly() throws {
        let text = pack(title: "Uji", indicatorName: "Aplikasi")
            .replacingOccurrences(of: "{id: Satu, en: One}", with: "Satu")
            .replacingOccurrences(of: "{id: Layanan, en: Services}", with: "Layanan")
            .replacingOccurrences(of: "{id: Baik, en: Good}", with: "Baik")
        #expect(try lint(text).isEmpty)
    }

    @Test("names in both languages are read, and a pack localized to English uses them")
    func localized() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString).yaml")
        try Data(pack(title: "Uji", indicatorName: "{id: Aplikasi, en: Applications}").utf8).write(to: url)
        let pack = try #require(PackLoader.load(path: url.path).pack)
        #expect(pack.indicators[0].name == "Aplikasi")
        let english = pack.localized(to: "en")
        #expect(english.indicators[0].name == "Applications")
        #expect(english.framework.domains[0].name == "Services")
        #expect(english.framework.domains[0].aspects[0].name == "Aplikasi")
        #expect(english.framework.scales[0].levels.map(\.name) == ["One", "Dua"])
        #expect(english.framework.predicates.map(\.name) == ["Good", "Kurang"])
        #expect(english.localized(to: "en").indicators[0].name == "Applications")
    }
}

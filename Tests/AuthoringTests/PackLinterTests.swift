import Authoring
import Diagnostics
import Engine
import Foundation
import Packs
import Testing

@Suite("linting packs")
struct PackLinterTests {
    private func lint(_ text: String) throws -> [Diagnostic] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        let loaded = PackLoader.load(path: url.path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = try #require(PackCompiler.compile(pack).pack)
        return PackLinter(pack: compiled).lint()
    }

    static let pack = """
        spbe_pack: 1
        pack: {id: t, title: Uji, version: 0.0.1, framework: Test}
        framework:
          scales:
            proses: [{level: 1, name: Satu}, {level: 2, name: Dua}, {level: 3, name: Tiga}]
          domains:
            - {id: D1, name: Layanan, weight: 100, aspects: [{id: A1, name: Aplikasi, weight: 100}]}
          predicates: [{name: Baik, min: 0}]
        schema:
          opd: {fields: {id: {type: string, required: true}}}
          collections:
            applications:
              fields:
                id: {type: string, required: true}
                hosting: {type: enum, values: [pdn, server_opd]}
                sso: {type: bool}
        indicators:
          - id: I01
            name: Aplikasi
            aspect: A1
            weight: 50
            scale: proses
            levels:
              1: {require: 'count(applications) > 0'}
              2: {require: 'count(applications) > 0'}
              3: {require: 'false'}
          - {id: I02, name: Kosong, aspect: A1, weight: 50, scale: proses, levels: {1: {description: Belum ada syarat}}}
        rules:
          - {id: R1, title: Hosting, severity: high, each: applications, require: 'hosting == "pdn"'}
        """

    @Test("every kind of lint warning, each at its position")
    func warnings() throws {
        let found = try lint(Self.pack).map { "\($0.code) \($0.location?.line ?? 0)" }
        #expect(found.contains("lint.unreachable_level 25"))
        #expect(found.contains("lint.unreachable_level 26"))
        #expect(found.contains("lint.no_criteria 27"))
        #expect(found.contains("lint.no_recommendation 29"))
        #expect(found.contains("lint.no_reference 29"))
        #expect(found.contains("lint.no_indicator 29"))
        #expect(found.contains("lint.unused_field 16"))
        #expect(!found.contains { $0.hasPrefix("lint.unused_field 15") })
    }
}

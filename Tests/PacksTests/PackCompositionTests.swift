import Diagnostics
import Foundation
import Packs
import Testing

@Suite("composing packs with extends, override and disable")
struct PackCompositionTests {
    static let mini = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/packs/mini").path

    private func regional(_ body: String) throws -> String {
        try TemporaryFile.write(
            """
            spbe_pack: 1
            extends: [\(Self.mini)]
            pack: {id: regional, title: Paket daerah, version: 0.1.0, framework: Test}
            \(body)
            """)
    }

    @Test("a pack that extends another inherits, overrides, disables and adds")
    func composes() throws {
        let path = try regional(
            """
            override:
              rules:
                APP-HOSTING: {severity: critical, recommendation: Pindahkan ke pusat data pemda.}
              indicators:
                I02: {weight: 35, target: 2}
            disable: [SVC-ADUAN]
            schema:
              collections:
                applications:
                  fields:
                    smart_city: {type: bool}
            rules:
              - {id: APP-SMART, title: Smart city, indicator: I02, severity: low, each: applications, require: smart_city,
                 recommendation: Integrasikan., references: [Masterplan Smart City]}
            """)
        let loaded = PackLoader.load(path: path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        #expect(pack.metadata.id == "regional")
        #expect(pack.rules.map(\.id) == ["APP-HOSTING", "APP-AUDIT", "DOC-RENSTRA", "APP-SMART"])
        #expect(pack.rules[0].severity == .critical)
        #expect(pack.rules[0].recommendation?.text() == "Pindahkan ke pusat data pemda.")
        #expect(pack.indicators[1].weight == 35)
        #expect(pack.indicators[1].target == 2)
        #expect(pack.schema.collection(named: "applications")?.field(named: "smart_city")?.type == .bool)
        #expect(
            pack.provenance.overrides.map { "\($0.id).\($0.key): \($0.from) → \($0.to)" } == [
                "APP-HOSTING.severity: high → critical",
                "APP-HOSTING.recommendation: Pindahkan ke PDN. → Pindahkan ke pusat data pemda.",
                "I02.weight: 30 → 35", "I02.target: 3 → 2",
            ])
        #expect(pack.provenance.disabled.map(\.id) == ["SVC-ADUAN"])
        #expect(pack.provenance.inherited.contains("APP-HOSTING"))
        #expect(loaded.diagnostics.contains { $0.code == "pack.weight_sum" })
    }

    @Test(
        "conflicts and overrides of unknown ids are errors with positions",
        arguments: [
            (
                "override:\n  rules:\n    APP-HOSTNG: {severity: low}\n", "pack.unknown_rule", 6,
                "did you mean 'APP-HOSTING'?"
            ),
            ("disable: [SVC-ADUANN]\n", "pack.unknown_rule", 4, "did you mean 'SVC-ADUAN'?"),
            (
                "rules:\n  - {id: APP-AUDIT, title: X, severity: low, require: 'true'}\n", "pack.duplicate_id", 5,
                "change it with 'override:', or choose another id"
            ),
            ("override:\n  indicators:\n    I02: {wieght: 1}\n", "pack.unknown_key", 6, "did you mean 'weight'?"),
            (
                "schema:\n  collections:\n    applications:\n      fields:\n        hosting: {type: string}\n",
                "pack.duplicate_field", 8, "give the new field another name"
            ),
        ])
    func conflicts(body: String, code: String, line: Int, suggestion: String) throws {
        let loaded = PackLoader.load(path: try regional(body))
        #expect(loaded.pack == nil)
        let error = try #require(loaded.diagnostics.first { $0.code == code }, "\(loaded.diagnostics)")
        #expect(error.location?.line == line)
        #expect(error.suggestion == suggestion)
    }

    @Test("override without a base is an error; so is a cycle of extends")
    func withoutBase() throws {
        let lone = try TemporaryFile.pack()
        let text = try String(contentsOfFile: lone, encoding: .utf8) + "override:\n  rules:\n    R1: {severity: low}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: lone))
        #expect(PackLoader.load(path: lone).diagnostics.contains { $0.code == "pack.override_without_base" })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        try Data("spbe_pack: 1\nextends: [../b]\npack: {id: a, title: A, version: '1', framework: T}\n".utf8)
            .write(to: folder.appendingPathComponent("a/pack.yaml"))
        try Data("spbe_pack: 1\nextends: [../a]\npack: {id: b, title: B, version: '1', framework: T}\n".utf8)
            .write(to: folder.appendingPathComponent("b/pack.yaml"))
        let loaded = PackLoader.load(path: folder.appendingPathComponent("a").path)
        #expect(loaded.pack == nil)
        #expect(loaded.diagnostics.contains { $0.code == "pack.extends_cycle" })
    }
}

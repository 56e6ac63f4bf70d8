import DataModel
import Diagnostics
import Foundation
import Packs
import Testing

@Suite("loading packs")
struct PackLoaderTests {
    static let mini = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/packs/mini").path

    @Test("a folder pack merges its files with positions kept")
    func loadsFolder() throws {
        let loaded = PackLoader.load(path: Self.mini)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.isEmpty)
        #expect(pack.metadata.id == "mini")
        #expect(pack.metadata.title.text(in: "en") == "Small test pack")
        #expect(pack.framework.domains.map(\.id) == ["D1", "D2"])
        #expect(pack.framework.aspects.map(\.weight) == [40, 30, 30])
        #expect(pack.framework.predicate(for: 2.6) == "Baik")
        #expect(pack.framework.predicate(for: 2.5999) == "Baik", "shown as 2.60")
        #expect(pack.framework.predicate(for: 2.5949) == "Cukup", "shown as 2.59")
        #expect(pack.schema.collections.map(\.name) == ["applications", "documents", "services"])
        #expect(pack.schema.collection(named: "documents")?.field(named: "programs")?.type == .list(.string))
        #expect(pack.indicators.map(\.id) == ["I01", "I02", "I03"])
        #expect(pack.rules.map(\.id) == ["APP-HOSTING", "APP-AUDIT", "DOC-RENSTRA", "SVC-ADUAN"])
        let rule = pack.rules[0]
        #expect(rule.require.location.file.hasSuffix("rules.yaml"))
        #expect(rule.require.location.line == 7)
        #expect(rule.require.location.column == 14)
    }

    @Test("an unknown key is an error with a suggestion, not ignored")
    func unknownKey() throws {
        let path = try TemporaryFile.pack(
            rules: "  - {id: R2, title: X, indicator: I01, severity: low, requre: 'true'}")
        let loaded = PackLoader.load(path: path)
        #expect(loaded.pack == nil)
        let error = try #require(loaded.diagnostics.first { $0.code == "pack.unknown_key" })
        #expect(error.message == "unknown key 'requre' in a rule")
        #expect(error.suggestion == "did you mean 'require'?")
        #expect(error.location?.line == 24)
        // The misspelt key is the one mistake: "a rule needs 'require'" would only repeat it.
        #expect(!loaded.diagnostics.contains { $0.code == "pack.missing_key" })
    }

    @Test("duplicate ids, unknown references and unknown severities are errors")
    func references() throws {
        let path = try TemporaryFile.pack(
            rules: """
                  - {id: R1, title: X, indicator: I01, severity: low, require: 'true'}
                  - {id: R3, title: X, indicator: I1, severity: low, require: 'true'}
                  - {id: R4, title: X, indicator: I01, severity: severe, require: 'true'}
                  - {id: R5, title: X, indicator: I01, severity: low, each: aplications, require: 'true'}
                """)
        let codes = PackLoader.load(path: path).diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.contains("pack.duplicate_id"))
        #expect(codes.contains("pack.unknown_indicator"))
        #expect(codes.contains("pack.unknown_severity"))
        #expect(codes.contains("pack.unknown_collection"))
    }

    @Test("weights that do not add up are warnings")
    func weights() throws {
        let path = try TemporaryFile.pack(
            indicatorsExtra: "  - {id: I02, name: Lain, aspect: A1, weight: 5, scale: proses}",
            frameworkExtra: "  total_weight: 100"
        )
        let loaded = PackLoader.load(path: path)
        #expect(loaded.pack != nil)
        #expect(loaded.diagnostics.filter { $0.code == "pack.weight_sum" }.count == 2)
    }

    @Test("a missing pack is an error naming the path")
    func missing() {
        let loaded = PackLoader.load(path: "/no/such/pack")
        #expect(loaded.pack == nil)
        #expect(loaded.diagnostics.first?.code == "pack.not_found")
    }

    @Test("an unknown field type suggests the right one")
    func unknownType() throws {
        let path = try TemporaryFile.write(
            """
            spbe_pack: 1
            pack: {id: t, title: Uji, version: 0.0.1, framework: Test}
            framework: {scales: {proses: [{level: 1, name: R}]}, domains: [{id: D1, name: L, weight: 100, aspects: [{id: A1, name: A, weight: 100}]}]}
            schema:
              opd: {fields: {id: {type: strng}}}
              collections: {}
            """)
        let error = try #require(PackLoader.load(path: path).diagnostics.first { $0.code == "schema.unknown_type" })
        #expect(error.suggestion == "did you mean 'string'?")
        #expect(error.location?.line == 5)
    }
}

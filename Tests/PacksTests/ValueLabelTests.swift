import DataModel
import Packs
import Testing

/// `value_labels` on an enum field: how messages write its values.
@Suite("enum value labels")
struct ValueLabelTests {
    private func pack(labels: String) throws -> PackLoadResult {
        let path = try TemporaryFile.write(
            """
            spbe_pack: 1
            pack: {id: t, title: Uji, version: 0.0.1, framework: Test}
            framework: {scales: {proses: [{level: 1, name: R}]}, domains: [{id: D1, name: L, weight: 100, aspects: [{id: A1, name: A, weight: 100}]}]}
            schema:
              opd: {fields: {id: {type: string}}}
              collections:
                documents:
                  fields:
                    id: {type: string}
                    kind: {type: enum, values: [rka, renja], value_labels: \(labels)}
            """)
        return PackLoader.load(path: path)
    }

    @Test("a label for some of an enum's values is kept on its field")
    func kept() throws {
        let loaded = try pack(labels: "{rka: RKA}")
        let documents = try #require(loaded.pack?.schema.collection(named: "documents"))
        #expect(documents.field(named: "kind")?.valueLabels == ["rka": "RKA"])
        #expect(!loaded.diagnostics.contains { $0.severity == .error })
    }

    @Test("a label for a value the enum does not have is an unknown key at its line")
    func unknownValue() throws {
        let error = try #require(try pack(labels: "{rkaa: RKA}").diagnostics.first { $0.code == "pack.unknown_key" })
        #expect(error.message.contains("rkaa"))
        #expect(error.location?.line == 10)
    }
}

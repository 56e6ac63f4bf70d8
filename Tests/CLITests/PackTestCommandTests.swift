import Foundation
import Testing

@Suite("spbe pack test")
struct PackTestCommandTests {
    static let satuData = "examples/packs/spbe-2020-satu-data"

    @Test("a regional pack's own rules are fully covered by its fixtures")
    func fullCoverage() throws {
        let result = try SPBEProcess.run(["pack", "test", Self.satuData, "--min-coverage", "100"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("passed and failed by some fixture: 2 of 2 (100%)"))
    }

    @Test("--case runs one case, and coverage below --min-coverage fails")
    func oneCase() throws {
        let result = try SPBEProcess.run([
            "pack", "test", Self.satuData, "--case", "data prioritas semuanya lengkap", "--min-coverage", "50",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("1 passed, 0 failed\n"))
        #expect(result.stdout.hasSuffix("coverage 0% is below the minimum of 50%\n"))
    }

    @Test("a case name no fixture has is a usage error with a suggestion")
    func unknownCase() throws {
        let result = try SPBEProcess.run(["pack", "test", Self.satuData, "--case", "data prioritas lengkap"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'data prioritas semuanya lengkap'?"))
    }

    @Test("every mistake of the fixtures is reported in one run, and the last line says why nothing ran")
    func fixtureMistakes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
        let root = SPBEProcess.packageRoot.path
        try Data(
            "spbe_pack: 1\nextends: [\(root)/\(Self.satuData)]\npack: {id: uji, title: Uji, version: 0.1.0, framework: Uji}\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("pack.yaml"))
        try Data(
            """
            spbe_pack_test: 1
            as_of: 2025-06-30
            cases:
              - name: satu
                inventory: {spbe_inventory: 1, opd: {id: T, name: Uji}, datasets: [{id: D1, name: Data, published: ya ya}]}
                expect:
                  fail: {SD-METADATAA: [D1]}
                  levels: {SD9: 1}
                extra: 1

            """.utf8
        ).write(to: folder.appendingPathComponent("tests/kasus.yaml"))
        let result = try SPBEProcess.run(["pack", "test", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[test.unknown_key]"), "\(result.stderr)")
        #expect(result.stderr.contains("error[inventory.type]"), "\(result.stderr)")
        #expect(
            result.stderr.contains("the pack has no rule 'SD-METADATAA'; did you mean 'SD-METADATA'?"),
            "\(result.stderr)")
        #expect(result.stderr.contains("the pack has no indicator 'SD9'"), "\(result.stderr)")
        #expect(result.stdout == "no case run: the fixtures have 4 errors (above)\n")
    }
}

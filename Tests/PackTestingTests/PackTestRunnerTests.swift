import Engine
import Foundation
import PackTesting
import Packs
import Testing

@Suite("running pack fixtures")
struct PackTestRunnerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private func compiled(_ path: String) throws -> CompiledPack {
        let loaded = PackLoader.load(path: path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        return try #require(PackCompiler.compile(pack).pack)
    }

    private func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-fixture-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("the mini pack's fixtures pass and cover every rule")
    func miniPack() throws {
        let pack = try compiled(Self.fixtures.appendingPathComponent("packs/mini").path)
        let files = PackTestReader.files(forPack: Self.fixtures.appendingPathComponent("packs/mini").path)
        #expect(files.count == 1)
        let read = try files.map { path in try #require(PackTestReader.read(path: path).file) }
        let report = PackTestRunner(pack: pack).run(read)
        #expect(report.failed == 0, "\(report.results.flatMap(\.problems))")
        #expect(report.passed == 3)
        #expect(report.coverage.coversEveryRule, "\(report.coverage.incompleteRules)")
        for (index, reached) in report.coverage.reachedLevels.enumerated() {
            let missing = report.coverage.unreachedLevels[index]
            #expect(Set(1...report.coverage.declaredLevels[index]).subtracting(reached).sorted() == missing)
            #expect(reached.contains(report.coverage.highestLevel[index]) || reached.isEmpty)
        }
    }

    @Test("an expected level below the scale's lowest level is a failure naming its line")
    func levelBelowTheFloor() throws {
        let pack = try compiled(Self.fixtures.appendingPathComponent("packs/mini").path)
        let path = try write(
            """
            spbe_pack_test: 1
            as_of: 2025-06-30
            cases:
              - name: tingkat nol
                inventory:
                  spbe_inventory: 1
                  opd: {id: T, name: Dinas}
                expect:
                  levels: {I03: 0}
            """)
        let file = try #require(PackTestReader.read(path: path).file)
        let report = PackTestRunner(pack: pack).run([file])
        #expect(report.failed == 1)
        #expect(
            report.results[0].problems == ["\(path):9:16: I03 has levels 1 to 5 (its scale's lowest level is 1), not 0"]
        )
    }

    @Test("a wrong expectation is a failure with a readable diff")
    func wrongExpectation() throws {
        let pack = try compiled(Self.fixtures.appendingPathComponent("packs/mini").path)
        let path = try write(
            """
            spbe_pack_test: 1
            as_of: 2025-06-30
            cases:
              - name: salah
                inventory:
                  spbe_inventory: 1
                  opd: {id: T, name: Dinas}
                  applications:
                    - {id: A, name: X, type: umum, hosting: server_opd}
                    - {id: B, name: Y, type: umum, hosting: pdn}
                expect:
                  fail: {APP-HOSTING: [B]}
                  levels: {I02: 3, I99: 1}
            """)
        let file = try #require(PackTestReader.read(path: path).file)
        let report = PackTestRunner(pack: pack).run([file])
        #expect(report.failed == 1)
        let problems = report.results[0].problems
        #expect(problems.contains("APP-HOSTING fail: expected [B], got [A]\n      - B (is pass)\n      + A"))
        #expect(problems.contains("I02 level: expected 3, got 1 (1 met, 2 unmet, 3 met)"))
        #expect(
            problems.contains {
                $0.hasSuffix("the pack has no indicator 'I99'; did you mean 'I01'?")
                    || $0.contains("no indicator 'I99'")
            })
    }

    @Test("unknown keys in a fixture are errors with a suggestion")
    func unknownKey() throws {
        let path = try write(
            "spbe_pack_test: 1\nas_of: 2025-06-30\ncases:\n  - name: x\n    inventory: {}\n    expekt: {}\n")
        let read = PackTestReader.read(path: path)
        #expect(read.file == nil)
        #expect(
            read.diagnostics.contains {
                $0.code == "test.unknown_key" && $0.suggestion == "did you mean 'expect'?" && $0.location?.line == 6
            })
    }
}

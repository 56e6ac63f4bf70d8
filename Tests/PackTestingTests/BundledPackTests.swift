import DataModel
import Engine
import Foundation
import PackTesting
import Packs
import Testing

/// Every pack in `rules/` compiles cleanly, passes its own fixtures, and has a fixture that makes each rule pass
/// and one that makes it fail.
@Suite("bundled rule packs")
struct BundledPackTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules")

    static let packs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: rules.appendingPathComponent("\($0)/pack.yaml").path)
        }.sorted()
    }()

    @Test("the bundled packs are there")
    func present() {
        #expect(Self.packs.contains("inventory"))
        #expect(Self.packs.contains("spbe-2020"))
        #expect(Self.packs.contains("spbe-2018"))
        #expect(Self.packs.contains("pemdi-2026"))
        #expect(Self.packs.contains("smart-city"))
    }

    @Test("compiles without errors or warnings, and its fixtures pass with full rule coverage", arguments: packs)
    func fixtures(_ name: String) throws {
        let path = Self.rules.appendingPathComponent(name).path
        let loaded = PackLoader.load(path: path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        let program = try #require(compiled.pack, "\(compiled.diagnostics)")
        #expect((loaded.diagnostics + compiled.diagnostics).isEmpty, "\(loaded.diagnostics + compiled.diagnostics)")
        guard !pack.rules.isEmpty else { return }  // the shared inventory schema has nothing to test
        let files = PackTestReader.files(forPack: path).map { PackTestReader.read(path: $0) }
        #expect(!files.isEmpty, "\(name) has no fixtures")
        for file in files { #expect(file.diagnostics.isEmpty, "\(file.diagnostics)") }
        let report = PackTestRunner(pack: program).run(files.compactMap(\.file))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        for result in report.results where !result.passed {
            Issue.record(
                "\(result.testCase.location) \(result.testCase.name):\n\(result.problems.joined(separator: "\n"))")
        }
        #expect(report.coverage.incompleteRules.isEmpty, "rules without a passing and a failing fixture")
    }

    @Test("the 2020 pack's fixtures end at every level of every indicator")
    func everyLevelReached() throws {
        let path = Self.rules.appendingPathComponent("spbe-2020").path
        let pack = try #require(PackLoader.load(path: path).pack)
        let program = try #require(PackCompiler.compile(pack).pack)
        let files = PackTestReader.files(forPack: path).compactMap { PackTestReader.read(path: $0).file }
        let coverage = PackTestRunner(pack: program).run(files).coverage
        #expect(coverage.indicatorIDs.count == 47)
        for (id, missing) in zip(coverage.indicatorIDs, coverage.unreachedLevels) {
            #expect(missing.isEmpty, "\(id) never ends at levels \(missing)")
        }
        #expect(coverage.reachesEveryLevel)
    }

    @Test("every level of the 2020 pack cites its official criterion, and level 1 is the floor met with nothing")
    func criteriaCited() throws {
        let pack = try #require(PackLoader.load(path: Self.rules.appendingPathComponent("spbe-2020").path).pack)
        for indicator in pack.indicators {
            let number = try #require(indicator.number)
            #expect(indicator.levels.map(\.level) == [1, 2, 3, 4, 5], "\(indicator.id)")
            for level in indicator.levels {
                #expect(
                    level.criterion == "PermenPANRB 59/2020 Lampiran, indikator \(number) tingkat \(level.level)",
                    "\(indicator.id) \(level.level)")
                #expect(level.description != nil, "\(indicator.id) \(level.level)")
                if level.require?.text.contains("months_since(reviewed_date) <= 24") == true {
                    #expect(
                        level.note?.contains("24 bulan") == true,
                        "\(indicator.id) \(level.level): the 24-month reading of 'periodik' is not explained")
                }
            }
            #expect(indicator.levels.first?.require?.text == "true", "\(indicator.id)")
        }
    }

    @Test("every framework pack checks the same inventories: it extends the shared inventory schema", arguments: packs)
    func sharedSchema(_ name: String) throws {
        guard name != "inventory" else { return }
        let loaded = PackLoader.load(path: Self.rules.appendingPathComponent(name).path)
        let pack = try #require(loaded.pack)
        #expect(pack.provenance.bases == ["../inventory"])
        let shared = try #require(PackLoader.load(path: Self.rules.appendingPathComponent("inventory").path).pack)
        // A pack may add fields and collections (the Smart City pack does), never change the shared ones.
        for record in [shared.schema.header] + shared.schema.collections {
            let own = record.name == "opd" ? pack.schema.header : pack.schema.collection(named: record.name)
            for field in record.fields {
                #expect(own?.field(named: field.name)?.type == field.type, "\(name): \(record.name).\(field.name)")
            }
        }
    }
}

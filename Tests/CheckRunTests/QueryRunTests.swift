import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Reporting
import Spreadsheets
import Testing

/// Drives `QueryRun` as a front end other than the command line would: its answers, rendered, are what
/// `spbe score`, `spbe evidence` and `spbe explain` print (their golden files).
@Suite("QueryRun without the command line")
struct QueryRunTests {
    static let threePemdaFiles = [
        "examples/dinkes-sleman.yaml", "examples/diskominfo-sleman.yaml", "examples/disdukcapil-gunungkidul.yaml",
    ]

    /// A run of the bundled pack on 30 June 2025, from the package root (as the goldens name their files).
    private func run() throws -> QueryRun {
        #expect(FileManager.default.currentDirectoryPath == CLIGolden.root.path, "tests run from the package root")
        let session = PackSession.compile(path: "rules/spbe-2020", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        return QueryRun(pack: pack, reader: InventoryReader(schema: pack.schema), asOf: Day(iso: "2025-06-30")!)
    }

    @Test("the scores of loose files of two pemdas are spbe score's: one estimate per pemda")
    func scoreOfSeveralPemdas() throws {
        let answer = try run().score(Self.threePemdaFiles)
        #expect(answer.diagnostics.batches.isEmpty)
        let reports = try #require(answer.value)
        #expect(reports.count == 2)
        #expect(reports.rendered(.text) == (try CLIGolden.text("score-three-pemdas.txt")))
    }

    @Test("the score of a pemda folder, in JSON, is spbe score's")
    func scoreOfAFolder() throws {
        let reports = try #require(try run().score(["examples/kabupaten-bantul"]).value)
        #expect(reports.rendered(.json) == (try CLIGolden.text("score-bantul.json")))
    }

    @Test("the evidence checklist is spbe evidence's")
    func evidence() throws {
        let report = try #require(try run().evidence(["examples/dinkes-sleman.yaml"]).value)
        #expect(report.render(.markdown) == (try CLIGolden.text("evidence-dinkes-sleman.markdown")))
    }

    @Test("the explanation of a rule is spbe explain's")
    func explain() throws {
        let answer = try run().explain(.rule("APP-AUDIT-KEAMANAN"), subject: nil, in: "examples/dinkes-sleman.yaml")
        let subjects = try #require(answer.value)
        #expect(ExplanationText.render(subjects) == (try CLIGolden.text("explain-dinkes-sleman.txt")))
    }

    @Test("an unknown rule is no answer and a diagnostic, not an exit")
    func unknownRule() throws {
        let answer = try run().explain(.rule("NO-SUCH-RULE"), subject: nil, in: "examples/dinkes-sleman.yaml")
        #expect(answer.value == nil)
        #expect(answer.diagnostics.hasErrors)
    }

    @Test("evidence of two pemdas' inventories is refused with a diagnostic, as their evidence never mixes")
    func evidenceOfSeveralPemdas() throws {
        let answer = try run().evidence(Self.threePemdaFiles)
        #expect(answer.value == nil)
        #expect(answer.diagnostics.diagnostics.map(\.code) == ["inventory.several_pemdas"])
    }

    @Test("a missing inventory is a diagnostic kept with its batch, and no score")
    func missingInventory() throws {
        let answer = try run().score(["examples/no-such-file.yaml"])
        #expect(answer.value == nil)
        #expect(answer.diagnostics.batches.count == 1)
    }

    @Test("a self-assessment of another framework is refused with levels.framework")
    func selfAssessmentOfAnotherFramework() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("levels-\(UUID().uuidString).yaml")
        try Data("framework: spbe-2018\nlevels:\n  1: 3\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let answer = try run().score(selfAssessment: file.path, allowMissing: true)
        #expect(answer.value == nil)
        #expect(answer.diagnostics.diagnostics.map(\.code) == ["levels.framework"])
    }
}

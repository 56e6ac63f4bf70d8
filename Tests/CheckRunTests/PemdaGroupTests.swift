import CheckRun
import DataModel
import Engine
import Foundation
import Reporting
import Spreadsheets
import Testing

/// Loose files of one pemda are evaluated as a whole, as a pemda folder is: each pemda of a run gets its own
/// estimate, in every report.
@Suite("pemdas of loose files in CheckRun")
struct PemdaGroupTests {
    /// The whole report of `paths` checked with the bundled pack on 30 June 2025.
    private func report(_ paths: [String]) throws -> Report {
        let session = PackSession.compile(path: "rules/spbe-2020", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        let run = CheckRun(
            pack: pack, reader: InventoryReader(schema: pack.schema),
            options: CheckRun.Options(asOf: Day(iso: "2025-06-30")!, failOn: nil, jobs: 2))
        var sink = WholeReportSink { _, _ in }
        let outcome = run.run(CheckInputs(paths: paths), into: &sink)
        #expect(!outcome.inputError)
        return try #require(sink.report)
    }

    @Test("two OPDs of Sleman form a pemda with its own estimate; Gunungkidul's single OPD does not")
    func twoPemdas() throws {
        let report = try report(QueryRunTests.threePemdaFiles)
        #expect(report.evaluations.count == 3)
        #expect(report.regencies.map(\.name) == ["Kabupaten Sleman"])
        let sleman = try #require(report.regencies.first)
        #expect(sleman.folder == "examples")
        #expect(sleman.members.map(\.source) == ["examples/dinkes-sleman.yaml", "examples/diskominfo-sleman.yaml"])
        #expect(sleman.pemda.score.index != nil)
    }

    @Test("the text and JSON reports of the three files are spbe check's")
    func streamedLikeTheCommandLine() throws {
        let report = try report(QueryRunTests.threePemdaFiles)
        #expect(ReportFormat.text.render(report) == (try CLIGolden.text("check-three-pemdas.txt")))
        #expect(ReportFormat.json.render(report) == (try CLIGolden.text("check-three-pemdas.json")))
    }

    @Test("a single loose file of a pemda is an OPD report only, as before")
    func singleFile() throws {
        #expect(try report(["examples/dinkes-sleman.yaml"]).regencies.isEmpty)
    }

    @Test("an OPD given twice, as YAML and as a CSV folder, counts once: it is no pemda of its own")
    func twinFiles() throws {
        #expect(try report(["examples/dinkes-sleman.yaml", "examples/csv/dinkes-sleman"]).regencies.isEmpty)
    }

    @Test("a pemda folder comes first, then the pemdas of loose files in the order they first appear")
    func order() throws {
        let report = try report(
            ["examples/diskominfo-sleman.yaml", "examples/kabupaten-bantul", "examples/dpmptsp-sleman.json"])
        #expect(report.regencies.map(\.folder) == ["examples/kabupaten-bantul", "examples"])
        #expect(report.regencies.map(\.name).last == "Kabupaten Sleman")
    }
}

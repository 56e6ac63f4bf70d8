import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Reporting
import Spreadsheets
import Testing

/// A pemda whose joint inventory goes over a cost budget is an error entry of the report, as an inventory is:
/// its OPDs are still reported, the report is whole in every format, and the run ends with an input error.
@Suite("a pemda over its budget is an error entry of a whole report")
struct PemdaFailureTests {
    let folder = "examples/kabupaten-bantul"

    /// The report of the bundled pack on the Bantul folder with `budget`.
    private func run(_ budget: EvaluationBudget) throws -> (report: Report, outcome: CheckRun.Outcome, codes: [String])
    {
        let session = PackSession.compile(path: "rules/spbe-2020", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        let run = CheckRun(
            pack: pack, reader: InventoryReader(schema: pack.schema),
            options: CheckRun.Options(asOf: try #require(Day(iso: "2025-06-30")), failOn: .high, budget: budget))
        var codes: [String] = []
        var sink = WholeReportSink { found, _ in codes += found.map(\.code) }
        let outcome = run.run(CheckInputs(paths: [folder]), into: &sink)
        return (try #require(sink.report), outcome, codes)
    }

    @Test("every OPD is reported, the pemda is an error entry, and every format is complete")
    func pemdaOverFindings() throws {
        let whole = try run(.default).report
        let regency = try #require(whole.regencies.first)
        let largestMember = whole.evaluations.map(\.findings.count).max() ?? 0
        try #require(regency.pemda.findings.count > largestMember, "the joint inventory has more findings")
        var budget = EvaluationBudget.default
        budget.findingsPerInventory = largestMember
        let (report, outcome, codes) = try run(budget)
        #expect(report.evaluations.count == whole.evaluations.count)
        #expect(report.regencies.isEmpty)
        #expect(report.inventoryFailures.map(\.source) == [folder])
        #expect(codes == ["eval.too_many_findings"])
        #expect(outcome.inputError)
        let json = ReportFormat.json.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["inventory_errors"] as? [Any])?.count == 1)
        for format in ReportFormat.allCases {
            #expect(format.render(report).contains("eval.too_many_findings"), "\(format.rawValue)")
        }
    }
}

import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Reporting
import Spreadsheets
import Testing

/// An inventory that goes over a cost budget gets an error entry in the report, in every format, while the run
/// goes on for the others and ends with an input error (exit 2).
@Suite("an inventory over its budget is an error entry of the report")
struct InventoryFailureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let paths = ["Tests/Fixtures/inventories/mini-good.yaml", "Tests/Fixtures/inventories/mini-weak.yaml"]

    /// The whole report of the mini pack on a good and a weak inventory, at most 2 findings per inventory: the
    /// weak one (5 findings) goes over.
    private func run() throws -> (report: Report, outcome: CheckRun.Outcome, diagnostics: [Diagnostic]) {
        #expect(FileManager.default.currentDirectoryPath == Self.root.path, "tests run from the package root")
        let session = PackSession.compile(path: "Tests/Fixtures/packs/mini", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        var budget = EvaluationBudget.default
        budget.findingsPerInventory = 2
        let run = CheckRun(
            pack: pack, reader: InventoryReader(schema: pack.schema),
            options: CheckRun.Options(asOf: try #require(Day(iso: "2025-06-30")), failOn: .high, budget: budget))
        var diagnostics: [Diagnostic] = []
        var sink = WholeReportSink { found, _ in diagnostics += found }
        let outcome = run.run(CheckInputs(paths: paths), into: &sink)
        return (try #require(sink.report), outcome, diagnostics)
    }

    @Test("the run reports the other inventory, lists the failure, and ends with an input error")
    func runGoesOn() throws {
        let (report, outcome, diagnostics) = try run()
        #expect(report.evaluations.map(\.source) == [paths[0]])
        #expect(report.inventoryFailures.map(\.source) == [paths[1]])
        #expect(report.inventoryFailures.map(\.code) == ["eval.too_many_findings"])
        #expect(outcome.inputError && outcome.inventories == 1)
        #expect(diagnostics.map(\.code) == ["eval.too_many_findings"])
    }

    @Test("every format shows the error entry", arguments: ReportFormat.allCases)
    func everyFormat(_ format: ReportFormat) throws {
        let rendered = format.render(try run().report)
        #expect(rendered.contains("mini-weak.yaml"), "\(format.rawValue) does not name the inventory")
        #expect(rendered.contains("eval.too_many_findings"), "\(format.rawValue) does not give the error's code")
    }

    @Test("SARIF tells it as an error notification of an unsuccessful invocation")
    func sarifNotification() throws {
        let rendered = ReportFormat.sarif.render(try run().report)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
    }

    @Test("JUnit counts it as an errored test case and CSV as a row with the outcome error")
    func junitAndCSV() throws {
        let report = try run().report
        let junit = ReportFormat.junit.render(report)
        #expect(junit.contains("errors=\"1\""))
        #expect(junit.contains("<error message="))
        let csv = ReportFormat.csv.render(report)
        #expect(csv.contains("Tests/Fixtures/inventories/mini-weak.yaml,,,,,,,error,"))
    }
}

import CheckRun
import DataModel
import Engine
import Foundation
import Reporting
import Spreadsheets
import Testing

/// A run whose every inventory fails (here each over its findings budget) has no inventory to give a SARIF run,
/// under any `--sarif-split`; the log still holds one run, whose invocation carries the failures.
@Suite("SARIF of a run whose every inventory failed")
struct SARIFFailedRunTests {
    private func report() throws -> Report {
        #expect(FileManager.default.currentDirectoryPath == InventoryFailureTests.root.path, "tests run from the root")
        let session = PackSession.compile(path: "Tests/Fixtures/packs/mini", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        var budget = EvaluationBudget.default
        budget.findingsPerInventory = 2
        let run = CheckRun(
            pack: pack, reader: InventoryReader(schema: pack.schema),
            options: CheckRun.Options(asOf: try #require(Day(iso: "2025-06-30")), failOn: .high, budget: budget))
        var sink = WholeReportSink { _, _ in }
        _ = run.run(CheckInputs(paths: ["Tests/Fixtures/inventories/mini-weak.yaml"]), into: &sink)
        let report = try #require(sink.report)
        #expect(report.evaluations.isEmpty && report.inventoryFailures.count == 1)
        return report
    }

    @Test(
        "the log holds one run whose unsuccessful invocation names each failure, under every split",
        arguments: [SARIFSplit.none, .opd, .pemda])
    func oneRunCarriesTheFailures(_ split: SARIFSplit) throws {
        let rendered = ReportFormat.sarif.render(try report(), options: ReportOptions(sarifSplit: split))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let invocation = try #require((runs.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.map { $0["level"] as? String } == ["error"])
        #expect(rendered.contains("mini-weak.yaml") && rendered.contains("eval.too_many_findings"))
    }
}

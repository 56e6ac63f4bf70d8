import CheckRun
import DataModel
import Engine
import Foundation
import Reporting
import Spreadsheets
import Testing

/// A run whose inputs fit one batch has nothing to overlap with, so it is worked on by the thread that asked: a
/// caller blocked while a dispatch thread did the work was, in the portal, a thread of Swift's cooperative pool.
@Suite("a run of one batch")
struct SingleBatchTests {
    private func run(_ paths: [String], batchSize: Int) throws -> (
        threads: Set<pthread_t>, caller: pthread_t, report: Report?
    ) {
        let session = PackSession.compile(path: "rules/spbe-2020", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        let run = CheckRun(
            pack: pack, reader: InventoryReader(schema: pack.schema),
            options: CheckRun.Options(asOf: try #require(Day(iso: "2025-06-30")), batchSize: batchSize))
        let threads = ThreadsSeen()
        var sink = WholeReportSink { _, _ in }
        _ = run.run(CheckInputs(paths: paths), into: &sink) { _ in threads.note() }
        return (threads.seen, pthread_self(), sink.report)
    }

    @Test("is worked on by the calling thread, with the report it gets in batches of one")
    func callingThread() throws {
        let paths = ["examples/kabupaten-bantul/dinkes.yaml", "examples/kabupaten-bantul/disdukcapil.yaml"]
        let one = try run(paths, batchSize: 256)
        #expect(one.threads == [one.caller])
        let batches = try run(paths, batchSize: 1)
        #expect(!batches.threads.contains(batches.caller))
        let reports = [one.report, batches.report].map { $0.map { ReportFormat.json.renderBytes($0) } }
        #expect(reports[0] != nil && reports[0] == reports[1])
    }
}

/// The threads a run's progress was reported from.
private final class ThreadsSeen: @unchecked Sendable {
    private let lock = NSLock()
    private var threads: Set<pthread_t> = []

    func note() {
        let thread = pthread_self()
        lock.withLock { _ = threads.insert(thread) }
    }

    var seen: Set<pthread_t> { lock.withLock { threads } }
}

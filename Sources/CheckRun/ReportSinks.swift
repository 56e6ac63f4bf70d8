import Diagnostics
import Engine
import Foundation
import Reporting

/// A sink that writes a report in a streaming format (`StreamingReporter`: text, JSON, CSV, JUnit) as the run
/// goes, inventory by inventory, each inventory rendered on its worker: memory stays flat in the number of
/// inventories.
public struct StreamedReportSink: CheckRunSink {
    public let partMaker: @Sendable (InventoryEvaluation, Report) -> Data
    private let reporter: any StreamingReporter
    private let write: (Data) -> Void
    private let diagnose: ([Diagnostic], SourceStore) -> Void

    /// A sink writing the report of `reporter` to `write`, and handing diagnostics to `diagnose`.
    public init(
        reporter: any StreamingReporter, write: @escaping (Data) -> Void,
        diagnose: @escaping ([Diagnostic], SourceStore) -> Void
    ) {
        self.reporter = reporter
        self.write = write
        self.diagnose = diagnose
        partMaker = { Data(reporter.inventory($0, report: $1)) }
    }

    public func diagnosed(_ diagnostics: [Diagnostic], sources: SourceStore) {
        if !diagnostics.isEmpty { diagnose(diagnostics, sources) }
    }

    public func runBegan(_ frame: Report) { write(Data(reporter.begin(frame))) }

    public func inventoryReported(_ part: Data, position: Int) {
        write(Data(reporter.separator(position: position)))
        write(part)
    }

    public func runEnded(_ report: Report, inventories: Int) {
        write(Data(reporter.regencies(report, count: inventories) + reporter.end(report, count: inventories)))
    }
}

/// A sink that keeps every evaluation, for the formats rendered in one piece (and for callers that want the
/// whole `Report`): `report` is set when the run ends.
public struct WholeReportSink: CheckRunSink {
    public let partMaker: @Sendable (InventoryEvaluation, Report) -> InventoryEvaluation = { evaluation, _ in evaluation
    }
    private var evaluations: [InventoryEvaluation] = []
    private let diagnose: ([Diagnostic], SourceStore) -> Void
    /// The whole report, once the run has ended with something to report.
    public private(set) var report: Report?

    /// A sink handing diagnostics to `diagnose`.
    public init(diagnose: @escaping ([Diagnostic], SourceStore) -> Void) { self.diagnose = diagnose }

    public func diagnosed(_ diagnostics: [Diagnostic], sources: SourceStore) {
        if !diagnostics.isEmpty { diagnose(diagnostics, sources) }
    }

    public func runBegan(_ frame: Report) {}

    public mutating func inventoryReported(_ part: InventoryEvaluation, position: Int) { evaluations.append(part) }

    public mutating func runEnded(_ report: Report, inventories: Int) {
        self.report = Report(
            pack: report.pack, asOf: report.asOf, evaluations: evaluations, failOn: report.failOn,
            language: report.language,
            toolVersion: report.toolVersion, waivers: report.waivers, waiverWarningDays: report.waiverWarningDays,
            regencies: report.regencies, baseline: report.baseline, inventoryFailures: report.inventoryFailures
        )
    }
}

import Diagnostics
import Engine
import Foundation
import Reporting

/// A sink that writes reports in streaming formats (`StreamingReporter`) as the run goes, each to its own
/// destination, inventory by inventory, each inventory rendered on its worker in every format: memory stays flat in
/// the number of inventories. A format that holds its inventories' parts (SARIF, Markdown, HTML) keeps them in a
/// temporary file (`SpooledParts`) and is written whole at the run's end.
public struct StreamedReportSink: CheckRunSink {
    /// A report's format and where its bytes go.
    public struct Destination {
        let reporter: any StreamingReporter
        let write: (Data) -> Void
        /// How a held report is finished instead of `reporter.assemble` into `write` (an HTML folder).
        let finish: ((Report, any HeldParts) -> Void)?

        /// The report of `reporter`, written to `write`.
        public init(reporter: any StreamingReporter, write: @escaping (Data) -> Void) {
            self.reporter = reporter
            self.write = write
            finish = nil
        }

        /// The HTML report as a folder of pages (`HTMLReporter.assembleSplit`), each handed to `file` with its
        /// name.
        public init(htmlFolder reporter: HTMLReporter, file: @escaping (String, Data) -> Void) {
            self.reporter = reporter
            write = { _ in }
            finish = { report, parts in reporter.assembleSplit(report, parts: parts) { file($0, Data($1)) } }
        }
    }

    public let partMaker: @Sendable (InventoryEvaluation, Report) -> [Data]
    private let destinations: [Destination]
    private let spools: [SpooledParts?]
    private let diagnose: ([Diagnostic], SourceStore) -> Void

    /// A sink writing each of `destinations`, and handing diagnostics to `diagnose`.
    public init(destinations: [Destination], diagnose: @escaping ([Diagnostic], SourceStore) -> Void) {
        self.destinations = destinations
        self.diagnose = diagnose
        spools = destinations.map { $0.reporter.holdsInventories ? SpooledParts() : nil }
        let reporters = destinations.map(\.reporter)
        partMaker = { evaluation, frame in reporters.map { Data($0.inventory(evaluation, report: frame)) } }
    }

    /// A sink writing the report of `reporter` to `write`, and handing diagnostics to `diagnose`.
    public init(
        reporter: any StreamingReporter, write: @escaping (Data) -> Void,
        diagnose: @escaping ([Diagnostic], SourceStore) -> Void
    ) {
        self.init(destinations: [Destination(reporter: reporter, write: write)], diagnose: diagnose)
    }

    public func diagnosed(_ diagnostics: [Diagnostic], sources: SourceStore) {
        if !diagnostics.isEmpty { diagnose(diagnostics, sources) }
    }

    public func runBegan(_ frame: Report) {
        for (destination, spool) in zip(destinations, spools) where spool == nil {
            destination.write(Data(destination.reporter.begin(frame)))
        }
    }

    public func inventoryReported(_ part: [Data], position: Int) {
        for (index, (destination, spool)) in zip(destinations, spools).enumerated() {
            if let spool {
                spool.append(part[index])
            } else {
                destination.write(Data(destination.reporter.separator(position: position)))
                destination.write(part[index])
            }
        }
    }

    public func runEnded(_ report: Report, inventories: Int) {
        for (destination, spool) in zip(destinations, spools) {
            if let spool, let finish = destination.finish {
                finish(report, spool)
            } else if let spool {
                // Gathered into large writes: a held format is assembled from many small pieces.
                var buffer = Data()
                destination.reporter.assemble(report, parts: spool) { piece in
                    buffer.append(contentsOf: piece)
                    if buffer.count >= 1 << 20 {
                        destination.write(buffer)
                        buffer = Data()
                    }
                }
                if !buffer.isEmpty { destination.write(buffer) }
            } else {
                destination.write(
                    Data(
                        destination.reporter.regencies(report, count: inventories)
                            + destination.reporter.end(report, count: inventories)))
            }
        }
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

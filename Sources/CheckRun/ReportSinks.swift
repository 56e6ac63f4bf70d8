import Diagnostics
import Engine
import Foundation
import Reporting

/// A sink that writes a text or JSON report as the run goes, inventory by inventory, each inventory rendered
/// on its worker: memory stays flat in the number of inventories.
public struct StreamedReportSink: CheckRunSink {
    /// The formats that can be streamed.
    public enum Format: Sendable {
        /// The text report, with ANSI colours or without.
        case text(colors: Bool)
        /// The JSON report, written with `options`.
        case json(options: ReportOptions)
    }

    public let partMaker: @Sendable (InventoryEvaluation, Report) -> Data
    private let header: (Report) -> String
    private let separator: (Int) -> String
    private let footer: (Report, Int) -> String
    private let write: (Data) -> Void
    private let diagnose: ([Diagnostic], SourceStore) -> Void

    /// A sink writing the report in `format` to `write`, and handing diagnostics to `diagnose`.
    public init(format: Format, write: @escaping (Data) -> Void, diagnose: @escaping ([Diagnostic], SourceStore) -> Void) {
        self.write = write
        self.diagnose = diagnose
        switch format {
        case .json(let options):
            let reporter = JSONReporter(options: options)
            partMaker = { Data(reporter.element($0, report: $1).utf8) }
            header = reporter.header
            separator = JSONReporter.separator(position:)
            footer = reporter.footer
        case .text(let colors):
            let reporter = TextReporter(colors: colors)
            partMaker = { Data(reporter.sectionUTF8($0, report: $1)) }
            header = reporter.header
            separator = { _ in "" }
            footer = { report, _ in reporter.footer(report) }
        }
    }

    public func diagnosed(_ diagnostics: [Diagnostic], sources: SourceStore) {
        if !diagnostics.isEmpty { diagnose(diagnostics, sources) }
    }

    public func runBegan(_ frame: Report) { write(Data(header(frame).utf8)) }

    public func inventoryReported(_ part: Data, position: Int) {
        write(Data(separator(position).utf8))
        write(part)
    }

    public func runEnded(_ report: Report, inventories: Int) { write(Data(footer(report, inventories).utf8)) }
}

/// A sink that keeps every evaluation, for the formats rendered in one piece (and for callers that want the
/// whole `Report`): `report` is set when the run ends.
public struct WholeReportSink: CheckRunSink {
    public let partMaker: @Sendable (InventoryEvaluation, Report) -> InventoryEvaluation = { evaluation, _ in evaluation }
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
            pack: report.pack, asOf: report.asOf, evaluations: evaluations, failOn: report.failOn, language: report.language,
            toolVersion: report.toolVersion, waivers: report.waivers, waiverWarningDays: report.waiverWarningDays,
            regencies: report.regencies, baseline: report.baseline
        )
    }
}

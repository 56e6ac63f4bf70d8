import Engine

/// A report format written as a stream: its beginning, each inventory as soon as it is evaluated (on the worker
/// that evaluated it), the parts about the run's pemdas, and its end. A run that writes one holds a batch of
/// inventories at a time, whatever their number, and the bytes are those of the format's whole rendering.
public protocol StreamingReporter: Sendable {
    /// Everything before the first inventory; `report` has the run's pack, date and waivers, no inventory.
    func begin(_ report: Report) -> [UInt8]

    /// One inventory's part, on its own.
    func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8]

    /// What comes before the `position`-th inventory's part (0 for the first).
    func separator(position: Int) -> [UInt8]

    /// The parts about the pemdas of `report.regencies`, after `count` inventories.
    func regencies(_ report: Report, count: Int) -> [UInt8]

    /// Everything after them, `count` inventories written; `report.totals` holds the run's counts.
    func end(_ report: Report, count: Int) -> [UInt8]
}

extension StreamingReporter {
    /// No separator between inventories.
    public func separator(position: Int) -> [UInt8] { [] }

    /// The whole report of `report.evaluations`, written in its parts: the same bytes a stream writes.
    public func render(_ report: Report) -> String {
        var bytes = begin(report)
        for (position, evaluation) in report.evaluations.enumerated() {
            bytes += separator(position: position)
            bytes += inventory(evaluation, report: report)
        }
        bytes += regencies(report, count: report.evaluations.count)
        bytes += end(report, count: report.evaluations.count)
        return String(decoding: bytes, as: UTF8.self)
    }
}

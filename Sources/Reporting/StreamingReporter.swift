import Engine

/// A report format written as a stream: its beginning, each inventory as soon as it is evaluated (on the worker
/// that evaluated it), the parts about the run's pemdas, and its end. A run that writes one holds a batch of
/// inventories at a time, whatever their number, and the bytes are those of the format's whole rendering.
///
/// A format that puts something of the whole run before its inventories (the pemdas' summaries of Markdown and
/// HTML, a SARIF run's identity and cut) says `holdsInventories`: a streamed run then keeps each inventory's
/// rendered part out of memory (`SpooledParts`, a temporary file) and hands them all to `assemble` at the end.
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

    /// Whether the inventories' parts wait for the run's end (false: each is written as soon as it comes).
    var holdsInventories: Bool { get }

    /// The whole report from its inventories' parts, in input order, written piece by piece to `write`; `report`
    /// is the run's end (totals and pemdas, no evaluations). Called only when `holdsInventories`.
    func assemble(_ report: Report, parts: any HeldParts, write: ([UInt8]) -> Void)
}

/// The rendered parts of a run's inventories, in input order, read back one at a time.
public protocol HeldParts {
    /// How many inventories there are.
    var count: Int { get }

    /// The `position`-th inventory's part (0-based).
    func part(_ position: Int) -> [UInt8]

    /// At most the first `length` bytes of the `position`-th part, read without the rest.
    func part(_ position: Int, prefix length: Int) -> [UInt8]
}

extension HeldParts {
    public func part(_ position: Int, prefix length: Int) -> [UInt8] { Array(part(position).prefix(length)) }
}

/// Parts held in memory, for a report rendered whole.
struct PartsInMemory: HeldParts {
    let parts: [[UInt8]]
    var count: Int { parts.count }
    func part(_ position: Int) -> [UInt8] { parts[position] }
}

extension StreamingReporter {
    /// No separator between inventories.
    public func separator(position: Int) -> [UInt8] { [] }

    /// Each inventory's part is written as soon as it comes.
    public var holdsInventories: Bool { false }

    /// The beginning, the parts with their separators, the pemdas and the end, in that order.
    public func assemble(_ report: Report, parts: any HeldParts, write: ([UInt8]) -> Void) {
        write(begin(report))
        for position in 0..<parts.count {
            write(separator(position: position))
            write(parts.part(position))
        }
        write(regencies(report, count: parts.count))
        write(end(report, count: parts.count))
    }

    /// The whole report of `report.evaluations`, written in its parts: the same bytes a stream writes.
    public func render(_ report: Report) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The whole report's UTF-8 bytes, for a caller that stores them (no text made of them and checked again).
    public func renderBytes(_ report: Report) -> [UInt8] {
        var bytes: [UInt8] = []
        if holdsInventories {
            let parts = PartsInMemory(parts: report.evaluations.map { inventory($0, report: report) })
            assemble(report, parts: parts) { bytes += $0 }
        } else {
            bytes = begin(report)
            for (position, evaluation) in report.evaluations.enumerated() {
                bytes += separator(position: position)
                bytes += inventory(evaluation, report: report)
            }
            bytes += regencies(report, count: report.evaluations.count)
            bytes += end(report, count: report.evaluations.count)
        }
        return bytes
    }
}

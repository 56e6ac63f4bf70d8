import DataModel
import Engine

/// SARIF written as a stream. Each inventory's results are encoded on the worker that evaluated it, each with its
/// rank for `--sarif-max-results`; the log is assembled at the run's end, when the runs' ids (the folder the
/// inventories share), their division (`--sarif-split`) and their cut are known. Byte for byte the log of
/// `SARIFLog` encoded whole with sorted keys, each result encoded at the depth it stands: compact, or with
/// `options.pretty` indented as `SortedJSONEncoder` indents.
extension SARIFReporter: StreamingReporter {
    /// How deep a result stands: `runs[i].results[j]`.
    static let resultIndent = 8

    /// The log's opening, up to its runs.
    public func begin(_ report: Report) -> [UInt8] { emptyLog.head }

    /// An inventory's part: its source, and its results encoded with their ranks (`SARIFResultBlock`). A compact
    /// log's findings are written straight into it (`SARIFFindingWriter`).
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        var block = SARIFResultBlock(
            separator: resultLine(first: false), capacity: evaluation.findings.count << (options.pretty ? 10 : 9))
        if options.pretty {
            block.append(findingResults(evaluation, report: report), pretty: true)
        } else {
            var writer = SARIFFindingWriter(
                evaluation, report: report, omitNotEvidenced: options.sarifOmitNotEvidenced)
            writer.write(into: &block)
        }
        block.append(absentResults(evaluation, report: report), pretty: options.pretty)
        return block.framed(source: evaluation.source)
    }

    /// The cross-OPD results of every pemda, framed as an inventory's part is.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        crossPart(report.regencies, report: report)
    }

    /// The log's closing, after its runs.
    public func end(_ report: Report, count: Int) -> [UInt8] { emptyLog.tail }

    /// A run's id and cut depend on every inventory.
    public var holdsInventories: Bool { true }

    /// The log: each run of `options.sarifSplit` with its inventories' results, cut to `options.sarifMaxResults`
    /// (a warning through `options.warn` names the runs cut).
    public func assemble(_ report: Report, parts: any HeldParts, write: ([UInt8]) -> Void) {
        let plans = SARIFRunPlan.plans(options.sarifSplit, report: report, parts: parts)
        var cut: [(id: String, results: Int)] = []
        guard !plans.isEmpty else {
            // Indented, the encoder writes an empty array on one line: `"runs" : []`.
            guard options.pretty else { return write(emptyLog.head + emptyLog.tail) }
            return write(
                Array(((try? SortedJSONEncoder(snakeCaseKeys: false).encode(SARIFLog(runs: []))) ?? "{}\n").utf8))
        }
        write(begin(report))
        for (position, plan) in plans.enumerated() {
            if options.pretty { write(Array(repeating: 0x20, count: 4)) }
            writeRun(plan, first: position == 0, report: report, parts: parts, cut: &cut, write: write)
            let last = position == plans.count - 1
            write(options.pretty ? (last ? [0x0A] : [0x2C, 0x0A]) : (last ? [] : [0x2C]))
        }
        write(end(report, count: parts.count))
        if let maximum = options.sarifMaxResults, let first = cut.first {
            let leftOut = cut.reduce(0) { $0 + $1.results - maximum }
            let which =
                cut.count == 1
                ? "the SARIF run '\(first.id)' has \(first.results) results, more than"
                : "\(cut.count) SARIF runs ('\(first.id)' first) have more results than"
            options.warn(
                "\(which) --sarif-max-results \(maximum): kept the \(maximum) most severe of each and left out \(leftOut) "
                    + "results; --sarif-split pemda or opd, or --sarif-omit-not-evidenced, keeps more of them")
        }
    }

    /// Writes one run of `plan`, its results cut to `options.sarifMaxResults` (its id and size then added to
    /// `cut`): the most severe (failures by level, then waived failures, then reviews), earlier first among equals,
    /// in their order.
    private func writeRun(
        _ plan: SARIFRunPlan, first isFirst: Bool, report: Report, parts: any HeldParts,
        cut: inout [(id: String, results: Int)], write: ([UInt8]) -> Void
    ) {
        let cross = plan.regencies.isEmpty ? nil : crossPart(plan.regencies, report: report)
        let separator = resultLine(first: false)
        func eachPart(_ body: (SARIFResultBlock.Reading) -> Void) {
            for position in plan.inventories {
                body(
                    SARIFResultBlock.Reading(fields: FramedPart.fields(of: parts.part(position)), separator: separator))
            }
            if let cross { body(SARIFResultBlock.Reading(fields: FramedPart.fields(of: cross), separator: separator)) }
        }
        // The results of each rank, counted (a second reading of every part) only when they may have to be cut.
        var counts = [Int](repeating: 0, count: Self.ranks)
        if options.sarifMaxResults != nil {
            eachPart { part in for rank in part.ranks { counts[Int(rank)] += 1 } }
        }
        let total = counts.reduce(0, +)
        let id = "spbe/\(report.pack.pack.metadata.id)/\(plan.scope)/"
        var invocations: [SARIFLog.Invocation]?
        // Every result of a rank below `threshold` is kept, and the first `ofThreshold` of that rank.
        var (threshold, ofThreshold) = (Self.ranks, 0)
        if let maximum = options.sarifMaxResults, total > maximum {
            cut.append((id, total))
            var before = 0
            threshold =
                counts.indices.first {
                    before += counts[$0]
                    return before >= maximum
                } ?? Self.ranks - 1
            ofThreshold = maximum - (before - counts[threshold])
            let warning =
                "spbe kept the \(maximum) most severe of \(total) results (--sarif-max-results) and left out \(total - maximum)"
            invocations = [
                .init(
                    executionSuccessful: true,
                    toolExecutionNotifications: [.init(level: "warning", message: .init(text: warning))])
            ]
        }
        let frame = runFrame(plan, id: id, first: isFirst, report: report, invocations: invocations)
        // Gathered into large writes, each result after its separator and indent.
        var buffer = frame.head
        buffer.reserveCapacity(Self.bufferSize + (1 << 16))
        let firstLine = resultLine(first: true)
        var (first, atThreshold) = (true, 0)
        eachPart { part in
            if threshold == Self.ranks {
                // Every result kept: the block as it is, separators and all.
                if !part.block.isEmpty {
                    buffer += first ? firstLine : separator
                    buffer += part.block
                    first = false
                }
            } else {
                for (position, rank) in part.ranks.enumerated() {
                    if Int(rank) > threshold { continue }
                    if Int(rank) == threshold {
                        if atThreshold == ofThreshold { continue }
                        atThreshold += 1
                    }
                    buffer += first ? firstLine : separator
                    buffer += part.result(position)
                    first = false
                }
            }
            if buffer.count >= Self.bufferSize {
                write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !first && options.pretty { buffer += [0x0A] + Array(repeating: 0x20, count: Self.resultIndent - 2) }
        write(buffer + Array("]".utf8) + frame.tail)
    }

    /// How many bytes of results are gathered before they are written.
    private static let bufferSize = 1 << 20

    /// What stands before a result: the comma after the one before it, and when pretty its line and indent.
    private func resultLine(first: Bool) -> [UInt8] {
        guard options.pretty else { return first ? [] : [0x2C] }
        return (first ? [0x0A] : [0x2C, 0x0A]) + Array(repeating: 0x20, count: Self.resultIndent)
    }

    /// The run of `plan` around its results (before them, after them), laid out as `options` says; the first run
    /// carries the inventories that could not be reported. The run is encoded with no rules, and its rules, kept
    /// once per pack, language and layout (`PackReportText`), are put in place of the empty array. Rules of a run
    /// with cross-OPD results are not kept: their texts name the pemda.
    private func runFrame(
        _ plan: SARIFRunPlan, id: String, first isFirst: Bool, report: Report, invocations: [SARIFLog.Invocation]?
    ) -> (head: [UInt8], tail: [UInt8]) {
        let metadata = report.pack.pack.metadata
        let run = SARIFLog.Run(
            tool: .init(
                driver: .init(
                    name: "spbe", version: report.toolVersion, semanticVersion: report.toolVersion, rules: [])),
            automationDetails: .init(
                id: id,
                description: .init(
                    text: "spbe check with the pack \(metadata.id) \(metadata.version): \(plan.description)")),
            originalUriBaseIds: [
                Self.sourceRoot: .init(
                    description: .init(text: "The folder spbe check ran in: relative inventory paths start there."))
            ],
            invocations: invocations,
            results: [],
            properties: ["pack": metadata.id, "packVersion": metadata.version, "asOf": report.asOf.description]
        )
        let reported = isFirst ? Self.addingFailures(of: report, to: run) : run
        let encoder = SortedJSONEncoder(snakeCaseKeys: false)
        var frame = Self.split((try? encoder.encode(reported, indent: 4)) ?? "{}", at: "\"results\" : []")
        // The empty rules array (in the tail: `tool` sorts after `results`), and how deep it stands when indented.
        let empty = Array("\"rules\" : []".utf8)
        let start = frame.tail.firstOffset(of: empty)!
        let indent = start - (frame.tail[..<start].lastIndex(of: 0x0A) ?? -1) - 1
        if !options.pretty { frame = (JSONCompaction.compact(frame.head), JSONCompaction.compact(frame.tail)) }
        let marker = options.pretty ? empty : Array("\"rules\":[]".utf8)
        let encodeRules = {
            let text = Array(((try? encoder.encode(driverRules(report), indent: indent)) ?? "[]").utf8)
            return options.pretty ? text : JSONCompaction.compact(text)
        }
        let rules =
            report.regencies.isEmpty
            ? PackReportText.bytes(
                .sarifRules(indent: options.pretty ? indent : nil), pack: report.pack, language: report.language,
                encode: encodeRules)
            : encodeRules()
        let at = frame.tail.firstOffset(of: marker)!
        return (frame.head, Array(frame.tail[..<(at + marker.count - 2)]) + rules + frame.tail[(at + marker.count)...])
    }

    /// The cross-OPD results of `regencies`, framed as an inventory's part is.
    private func crossPart(_ regencies: [RegencyEvaluation], report: Report) -> [UInt8] {
        var block = SARIFResultBlock(separator: resultLine(first: false))
        block.append(regencies.flatMap { crossResults($0, report: report) }, pretty: options.pretty)
        return block.framed(source: "")
    }

    /// The number of ranks: error, warning, note, waived or fixed, review.
    private static let ranks = 5

    /// A result's rank for the cut, most severe first.
    static func rank(_ result: SARIFLog.Result) -> UInt8 {
        rank(
            failed: result.kind == "fail", setAside: result.suppressions != nil || result.baselineState == "absent",
            level: result.level)
    }

    /// The rank of a result that failed or not, was waived or fixed (`setAside`) or not, at `level`: reviews last,
    /// then what is set aside, then failures by level.
    static func rank(failed: Bool, setAside: Bool, level: String) -> UInt8 {
        if !failed { return 4 }
        if setAside { return 3 }
        switch level {
        case "error": return 0
        case "warning": return 1
        default: return 2
        }
    }

    /// A log with no runs, split around its runs' brackets, as `options.pretty` asks.
    private var emptyLog: (head: [UInt8], tail: [UInt8]) { options.pretty ? Self.prettyLog : Self.compactLog }

    /// A log with no runs, indented, split around its runs' brackets.
    private static let prettyLog: (head: [UInt8], tail: [UInt8]) = {
        let log = (try? SortedJSONEncoder(snakeCaseKeys: false).encode(SARIFLog(runs: []))) ?? "{}\n"
        let halves = split(log, at: "\"runs\" : []")
        return (halves.head + [0x0A], Array("  ]".utf8) + halves.tail)
    }()

    /// A log with no runs, compact (a line of its own, as the compact JSON report), split around its runs' brackets.
    private static let compactLog = (
        head: JSONCompaction.compact(prettyLog.head), tail: JSONCompaction.compact(prettyLog.tail) + [0x0A]
    )

    /// `text` before `marker` with the marker's text up to its `[`, and after it from its `]` on exclusive.
    private static func split(_ text: String, at marker: String) -> (head: [UInt8], tail: [UInt8]) {
        let bytes = Array(text.utf8)
        let needle = Array(marker.utf8)
        let start = bytes.firstOffset(of: needle)!
        return (
            Array(bytes[..<(start + needle.count - 2)]) + [UInt8(ascii: "[")], Array(bytes[(start + needle.count)...])
        )
    }
}

/// One measured stage of the pipeline.
struct Stage: Encodable {
    let name: String
    /// Wall time in milliseconds.
    let milliseconds: Double
    /// Per OPD, in microseconds.
    let microsecondsPerOPD: Double
    /// As a multiple of the libyaml event-parse floor of the same files; nil for the floor's own row. For a
    /// process, the median of its runs' ratios, each to a floor pass made just before it.
    let timesFloor: Double?
    /// The floor this row is divided by, when not the size's own (the first row): the median of a process's
    /// floor passes.
    var floorMilliseconds: Double? = nil
}

/// The figures of one size.
struct SizeResult: Encodable {
    let opds: Int
    let megabytes: Double
    /// Size of the text report of all of them.
    let reportMegabytes: Double
    let stages: [Stage]
    /// Peak resident memory of the `spbe check` process, in MiB.
    let peakMemoryMiB: Double
    /// End-to-end speed-up from one worker to two.
    let speedupTwoWorkers: Double?
    /// Evaluation's part of the time of the stages of one OPD (parse, evaluate, score, render).
    let evaluationShare: Double
    /// Evaluation's part of the end-to-end time of `spbe check` with one worker, which also starts the process,
    /// compiles the pack and writes the report.
    let evaluationShareOfOneWorker: Double
}

/// The `spbe check` child processes of one size: default workers, one, two.
struct Processes {
    let endToEnd: EndToEnd
    let single: EndToEnd
    let double: EndToEnd
}

/// Runs of `spbe check` end to end, each beside a floor pass made just before it.
struct EndToEnd {
    /// The median wall time of the runs.
    let milliseconds: Double
    /// The median of the floor passes.
    let floorMilliseconds: Double
    /// The median of the runs' ratios to their floor passes.
    let timesFloor: Double
}

/// Everything the benchmark prints as JSON.
struct BenchmarkResult: Encodable {
    let seed: UInt64
    let pack: String
    let compileMilliseconds: Double
    let oneOPDProcessMilliseconds: Double
    let sizes: [SizeResult]
}

/// Elapsed wall time of `body`, in milliseconds.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// The middle of `values` (the upper middle of an even count); `values` must not be empty.
func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}

/// The median of several runs of `body`, in milliseconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    median(try (0..<runs).map { _ in try measure(body) })
}

/// One measured stage of the pipeline.
struct Stage: Encodable {
    let name: String
    /// Wall time in milliseconds.
    let milliseconds: Double
    /// Per OPD, in microseconds.
    let microsecondsPerOPD: Double
    /// As a multiple of the libyaml event-parse floor of the same files; nil for the floor's own row.
    let timesFloor: Double?
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
    let endToEnd: ChildProcess.Run
    let single: ChildProcess.Run
    let double: ChildProcess.Run
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

/// The median of several runs of `body`, in milliseconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try measure(body)) }
    times.sort()
    return times[times.count / 2]
}

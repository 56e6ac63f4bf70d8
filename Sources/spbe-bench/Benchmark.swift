import ArgumentParser
import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import YAMLSource

/// `spbe-bench`: generates synthetic OPD inventories from a fixed seed and measures every stage of `spbe check`
/// against the libyaml parse floor. Run it from a release build: `swift build -c release && .build/release/spbe-bench`.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spbe-bench",
        abstract:
            "Measure spbe on synthetic inventories: each stage, end to end, peak memory, against the YAML parse floor."
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Numbers of OPDs to measure.")
    var sizes: [Int] = [1, 100, 1_000, 10_000]

    @Option(name: .long, help: "The rule pack.")
    var pack = "rules/spbe-2020"

    @Option(name: .long, help: "Seed of the synthetic inventories.")
    var seed: UInt64 = 2026

    @Option(
        name: .long,
        help: "Where to write the inventories (kept for reuse). Default: a folder under the temporary directory.")
    var work: String?

    @Option(
        name: .long,
        help:
            "Runs of each end-to-end measure, after one that reads the files into the page cache; the median is reported."
    )
    var repeats = 3

    @Option(name: .long, help: "Also write the figures as JSON to this file.")
    var json: String?

    @Flag(
        name: .long,
        help:
            "Instead: grow each input dimension (records, warnings, waivers, baseline findings, cells, files in a folder) by 4 and report the time and memory ratios, on the mini test pack."
    )
    var scaling = false

    @Flag(
        name: .long,
        help:
            "Instead: the CPU time, report size and peak memory of spbe check in every report format on the largest of --sizes, each as a multiple of the floor."
    )
    var formats = false

    @Option(
        name: .customLong("format"),
        help: "The report format of the end-to-end runs of spbe check (the stages always render text).")
    var reportFormat: ReportFormat = .text

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
        guard sizes.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--sizes must be at least 1") }
    }

    func run() throws {
        let spbe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "spbe"
        ).path
        guard FileManager.default.isExecutableFile(atPath: spbe) else {
            throw ValidationError("build spbe first: swift build -c release (looked for \(spbe))")
        }
        // Peak memory first, while this process is small: a child's peak memory counts its parent's pages until
        // exec (posix_spawn shares them), so it is measured before anything is loaded here; the timed runs come
        // later, each beside a floor pass over the texts loaded by then.
        let root = work ?? FileManager.default.temporaryDirectory.appendingPathComponent("spbe-bench-\(seed)").path
        if scaling {
            let rows = try ScalingCheck(spbe: spbe, root: "\(root)/scaling", repeats: repeats).run()
            if let json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(rows).write(to: URL(fileURLWithPath: json))
            }
            return
        }
        if formats {
            let size = sizes.max() ?? 1_000
            let files = try generate(size, into: "\(root)/\(size)")
            try FormatCost(spbe: spbe, pack: pack, folder: "\(root)/\(size)", files: files, repeats: repeats).run()
            return
        }
        let one = try generate(1, into: "\(root)/1")
        let oneOPD = try median(runs: 21) {
            _ = try ChildProcess.succeeding(
                spbe, ["check", one[0], "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none"])
        }
        let peaks = try sizes.map { size in
            _ = try generate(size, into: "\(root)/\(size)")
            return try peakMemory(arguments: checkArguments(folder: "\(root)/\(size)"), spbe: spbe)
        }
        var compiled: CompiledPack?
        let compile = median(runs: 21) {
            compiled = PackLoader.load(path: pack).pack.flatMap { PackCompiler.compile($0).pack }
        }
        guard let program = compiled else {
            throw ValidationError("the pack '\(pack)' does not compile: run spbe pack lint \(pack)")
        }
        print("spbe-bench · pack \(pack) · seed \(seed)")
        if ChildProcess.loadsSwiftRuntime(spbe) {
            print(
                "note: \(spbe) loads the Swift runtime as shared libraries; the shipped build links it in and starts "
                    + "about 3 ms sooner: swift build -c release --static-swift-stdlib")
        }
        print("\(PipelineStage.loadPack.name) and compile: \(format(compile)) ms (median of 21)")
        print("one OPD, spbe check process start to exit: \(format(oneOPD)) ms (median of 21)")
        var results: [SizeResult] = []
        for (size, peak) in zip(sizes, peaks) {
            let folder = "\(root)/\(size)"
            let files = try generate(size, into: folder)
            let texts = files.map { [UInt8](FileManager.default.contents(atPath: $0) ?? Data()) }
            let processes = try measureProcesses(arguments: checkArguments(folder: folder), spbe: spbe, texts: texts)
            let result = measureStages(files, texts: texts, pack: program, processes: processes, peakMiB: peak)
            results.append(result)
            printTable(result)
        }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let data = try encoder.encode(
                BenchmarkResult(
                    seed: seed, pack: pack, compileMilliseconds: compile, oneOPDProcessMilliseconds: oneOPD,
                    sizes: results
                ))
            try data.write(to: URL(fileURLWithPath: json))
        }
    }

    /// Writes `count` inventories (once: an existing folder of the right size is reused) and returns their paths.
    private func generate(_ count: Int, into folder: String) throws -> [String] {
        let paths = (1...count).map { String(format: "%@/opd-%05d.yaml", folder, $0) }
        if FileManager.default.fileExists(atPath: paths.last!) { return paths }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = SyntheticInventory(random: SeededGenerator(seed: seed))
        for (number, path) in paths.enumerated() {
            try Data(generator.yaml(number: number + 1).utf8).write(to: URL(fileURLWithPath: path))
        }
        return paths
    }

    /// The arguments of `spbe check` on `folder` in the chosen format.
    private func checkArguments(folder: String) -> [String] {
        [
            "check", folder, "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--format",
            reportFormat.rawValue, "--quiet",
        ]
    }

    /// The highest peak memory (MiB) of `repeats` runs of `spbe check`, after one that reads the files into the
    /// page cache; made while this process is small, as a child's peak memory counts its parent's pages until exec.
    private func peakMemory(arguments: [String], spbe: String) throws -> Double {
        _ = try ChildProcess.succeeding(spbe, arguments)
        return try (0..<repeats).map { _ in try ChildProcess.succeeding(spbe, arguments).peakMiB }.max() ?? 0
    }

    /// `spbe check` end to end as a child process, with the default workers, one and two: each of `repeats` runs
    /// beside a floor pass over `texts` made just before it, under the same conditions. On the project's virtual
    /// machine the floor moved by a third from one minute to the next, so a run's ratio is to its own floor pass.
    private func measureProcesses(arguments: [String], spbe: String, texts: [[UInt8]]) throws -> Processes {
        func paired(_ arguments: [String]) throws -> EndToEnd {
            let pairs = try (0..<repeats).map { _ in
                let floor = measure { YAMLFloor.pass(over: texts) }
                return (floor: floor, run: try ChildProcess.succeeding(spbe, arguments).milliseconds)
            }
            return EndToEnd(
                milliseconds: median(pairs.map(\.run)), floorMilliseconds: median(pairs.map(\.floor)),
                timesFloor: median(pairs.map { $0.run / $0.floor }))
        }
        return Processes(
            endToEnd: try paired(arguments), single: try paired(arguments + ["--jobs", "1"]),
            double: try paired(arguments + ["--jobs", "2"]))
    }

    private func measureStages(
        _ files: [String], texts: [[UInt8]], pack: CompiledPack, processes: Processes, peakMiB: Double
    ) -> SizeResult {
        let bytes = texts.reduce(0) { $0 + $1.count }
        // The floor, every figure's unit, is the median of three passes: one pass moved by 7% from run to run.
        let floor = median(runs: 3) { YAMLFloor.pass(over: texts) }
        let floorStrings = median(runs: 3) { YAMLFloor.pass(over: texts, strings: true) }
        let (endToEnd, single, double) = (processes.endToEnd, processes.single, processes.double)
        // Stage by stage, one OPD after the other, as `spbe check` streams them: nothing is held from one to the next.
        // Each stage is the median of three passes, as the floor is.
        let passes = (0..<3).map { _ in stagePass(files, pack: pack) }
        func middle(_ stage: (StagePass) -> Double) -> Double { median(passes.map(stage)) }
        let (parse, evaluate, score, render) = (middle(\.parse), middle(\.evaluate), middle(\.score), middle(\.render))
        let reportBytes = passes[0].reportBytes
        let count = Double(files.count)
        func stage(_ name: String, _ milliseconds: Double, floor: Double?) -> Stage {
            Stage(
                name: name, milliseconds: milliseconds, microsecondsPerOPD: milliseconds * 1000 / count,
                timesFloor: floor.map { milliseconds / $0 })
        }
        func process(_ name: String, _ run: EndToEnd) -> Stage {
            Stage(
                name: name, milliseconds: run.milliseconds, microsecondsPerOPD: run.milliseconds * 1000 / count,
                timesFloor: run.timesFloor, floorMilliseconds: run.floorMilliseconds)
        }
        return SizeResult(
            opds: files.count, megabytes: Double(bytes) / 1_048_576, reportMegabytes: Double(reportBytes) / 1_048_576,
            stages: [
                stage("floor: libyaml events only", floor, floor: nil),
                stage("floor + a String per scalar", floorStrings, floor: floor),
                stage("\(PipelineStage.readInventory.name): read + type inventories", parse, floor: floor),
                stage("\(PipelineStage.evaluate.name): rules and levels", evaluate, floor: floor),
                stage(PipelineStage.score.name, score, floor: floor),
                stage("\(PipelineStage.render.name): text", render, floor: floor),
                process("end to end: spbe check process, \(reportFormat.rawValue)", endToEnd),
                process("end to end, --jobs 1", single),
                process("end to end, --jobs 2", double),
            ],
            peakMemoryMiB: peakMiB,
            speedupTwoWorkers: single.milliseconds / double.milliseconds,
            evaluationShare: evaluate / (parse + evaluate + score + render),
            evaluationShareOfOneWorker: evaluate / single.milliseconds
        )
    }

    /// Milliseconds spent in each stage over all files, and the text report's size in bytes.
    private struct StagePass {
        var parse = 0.0, evaluate = 0.0, score = 0.0, render = 0.0
        var reportBytes = 0
    }

    /// One pass of the stages over `files`, each file loaded, evaluated, scored and rendered in turn.
    private func stagePass(_ files: [String], pack: CompiledPack) -> StagePass {
        let loader = InventoryLoader(schema: pack.schema)
        let evaluator = Evaluator(pack: pack, asOf: Day(iso: "2025-06-30")!, budget: .unlimited)
        let scorer = Scorer(pack: pack)
        let report = Report(
            pack: pack, asOf: Day(iso: "2025-06-30")!, evaluations: [], failOn: nil, toolVersion: "bench")
        let reporter = TextReporter()
        var pass = StagePass()
        for file in files {
            var inventory: InventoryData?
            pass.parse += measure { inventory = loader.load(path: file).inventory }
            guard let inventory else { continue }
            var evaluation: InventoryEvaluation?
            pass.evaluate += measure { evaluation = try? evaluator.evaluate(inventory) }
            guard let evaluation else { continue }
            pass.score += measure { _ = scorer.score(levels: evaluation.indicators.map(\.level)) }
            pass.render += measure { pass.reportBytes += reporter.inventory(evaluation, report: report).count }
        }
        return pass
    }

    private func printTable(_ result: SizeResult) {
        print("")
        print(
            "\(result.opds) OPDs, \(format(result.megabytes)) MB of YAML, \(format(result.reportMegabytes)) MB of text report; "
                + "peak memory of spbe check \(format(result.peakMemoryMiB)) MiB; 1 → 2 workers: ×\(format(result.speedupTwoWorkers ?? 0)); "
                + "evaluation \(percent(result.evaluationShare)) of the stages' time, \(percent(result.evaluationShareOfOneWorker)) "
                + "of one worker's end to end")
        print(pad("stage", 40) + pad("ms", 12) + pad("µs/OPD", 12) + pad("× floor", 12) + "floor ms")
        for stage in result.stages {
            print(
                pad(stage.name, 40) + pad(format(stage.milliseconds), 12) + pad(format(stage.microsecondsPerOPD), 12)
                    + pad(stage.timesFloor.map(format) ?? "1", 12)
                    + format(stage.floorMilliseconds ?? result.stages[0].milliseconds))
        }
    }

    private func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
    private func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
}

extension ReportFormat: ExpressibleByArgument {}

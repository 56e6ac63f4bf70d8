import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#endif

/// `spbe-bench --formats`: `spbe check` on one folder of synthetic OPDs in every report format, one worker, each as
/// a multiple of the floor (libyaml's events over the same texts, in this process). The unit is CPU time, user and
/// system: on a machine whose cores are shared it does not count the time spent waiting for one, as wall time
/// does. It still moves with what the other programs do to the caches, by a third from one minute to the next on
/// the project's virtual machine, so each run is divided by a floor pass made just before it, under the same
/// conditions: a format's figure is the median of `repeats` such ratios (its CPU time the median of the runs),
/// after a run that fills the page cache; its peak memory the highest of the runs.
struct FormatCost {
    let spbe: String
    let pack: String
    let folder: String
    let files: [String]
    let repeats: Int

    /// Measures every format and prints the table.
    func run() throws {
        let texts = files.map { [UInt8](FileManager.default.contents(atPath: $0) ?? Data()) }
        let bytes = texts.reduce(0) { $0 + $1.count }
        let floorPass = { cpuMilliseconds { YAMLFloor.pass(over: texts) } }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-bench-report").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        print("spbe-bench --formats · pack \(pack) · \(files.count) OPDs, \(fixed(Double(bytes) / 1e6)) MB of YAML")
        print("floor (libyaml events): one pass in this process before each run; × floor is the median of the ratios")
        print("format | CPU ms | floor ms | × floor | wall ms | report MB | × YAML | peak MiB")
        print("--- | --- | --- | --- | --- | --- | --- | ---")
        for format in ReportFormat.allCases {
            let arguments = [
                "check", folder, "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--jobs", "1",
                "--format", format.rawValue,
            ]
            _ = try ChildProcess.succeeding(spbe, arguments)
            let measured = (0..<repeats).map { _ in
                (floor: floorPass(), run: ChildProcess.run(spbe, arguments, output: output))
            }
            guard measured.allSatisfy({ $0.run.status == 0 }) else {
                throw FormatCostFailure(message: "spbe \(arguments.joined(separator: " ")) failed")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print(
                [
                    format.rawValue, fixed(median(measured.map(\.run.cpuMilliseconds))),
                    fixed(median(measured.map(\.floor))),
                    fixed(median(measured.map { $0.run.cpuMilliseconds / $0.floor })),
                    fixed(median(measured.map(\.run.milliseconds))), fixed(Double(size) / 1e6),
                    fixed(Double(size) / Double(bytes)), fixed(measured.map(\.run.peakMiB).max() ?? 0),
                ].joined(separator: " | "))
        }
    }

    /// The CPU time (user and system, ms) this process spends in `body`.
    private func cpuMilliseconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return ChildProcess.cpuMilliseconds(usage)
        }
        let start = now()
        body()
        return now() - start
    }

    private func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// A format whose run could not be measured.
struct FormatCostFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

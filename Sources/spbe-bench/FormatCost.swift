import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#endif

/// `spbe-bench --formats`: `spbe check` on one folder of synthetic OPDs in every report format, one worker, each as
/// a multiple of the floor (libyaml's events over the same texts, in this process). The unit is CPU time, user and
/// system: on a machine whose cores are shared it does not count the time spent waiting for one, as wall time
/// does (it still moves with what the other programs do to the caches). Each format's figure is the median of
/// `repeats` runs after one that fills the page cache, its peak memory the highest of them.
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
        let floors = (0..<3).map { _ in cpuMilliseconds { for text in texts { _ = YAMLFloor.events(in: text) } } }
        let floor = floors.sorted()[1]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-bench-report").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        print("spbe-bench --formats · pack \(pack) · \(files.count) OPDs, \(fixed(Double(bytes) / 1e6)) MB of YAML")
        print("floor (libyaml events): \(fixed(floor)) ms of CPU time (median of 3)")
        print("format | CPU ms | × floor | wall ms | report MB | × YAML | peak MiB")
        print("--- | --- | --- | --- | --- | --- | ---")
        for format in ReportFormat.allCases {
            let arguments = [
                "check", folder, "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--jobs", "1",
                "--format", format.rawValue,
            ]
            _ = try ChildProcess.succeeding(spbe, arguments)
            let runs = (0..<repeats).map { _ in ChildProcess.run(spbe, arguments, output: output) }
            guard runs.allSatisfy({ $0.status == 0 }) else {
                throw FormatCostFailure(message: "spbe \(arguments.joined(separator: " ")) failed")
            }
            let middle = runs.sorted { $0.cpuMilliseconds < $1.cpuMilliseconds }[runs.count / 2]
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print(
                [
                    format.rawValue, fixed(middle.cpuMilliseconds), fixed(middle.cpuMilliseconds / floor),
                    fixed(middle.milliseconds), fixed(Double(size) / 1e6), fixed(Double(size) / Double(bytes)),
                    fixed(runs.map(\.peakMiB).max() ?? 0),
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

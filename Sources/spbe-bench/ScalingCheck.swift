import Foundation

/// `spbe-bench --scaling`: grows each input dimension of `spbe check` by 4 and reports how time and peak memory
/// grow. Linear work gives a time ratio near 4 (less, since the process start is fixed); n log n a little more;
/// quadratic near 16. Inputs are for the mini test pack (Tests/Fixtures/packs/mini), run from the repository root.
struct ScalingCheck {
    /// One dimension: its name, its base size, and how to build the `spbe check` arguments for a size in a folder.
    struct Dimension {
        let name: String
        let base: Int
        let arguments: (Int, String) throws -> [String]
    }

    /// One dimension measured at its base size and four times it.
    struct Row: Codable {
        let dimension: String
        let base: Int
        let milliseconds: [Double]
        let peakMiB: [Double]
        var timeRatio: Double { milliseconds[1] / milliseconds[0] }
        var memoryRatio: Double { peakMiB[1] / peakMiB[0] }
    }

    let spbe: String
    let root: String
    let repeats: Int
    private let pack = "Tests/Fixtures/packs/mini"

    /// Measures every dimension and prints the table.
    func run() throws -> [Row] {
        var rows: [Row] = []
        print("dimension | base | time n | time 4n | time ratio | memory n | memory 4n | memory ratio")
        print("--- | --- | --- | --- | --- | --- | --- | ---")
        for dimension in dimensions {
            var milliseconds: [Double] = []
            var peaks: [Double] = []
            for size in [dimension.base, 4 * dimension.base] {
                let folder = "\(root)/\(dimension.name)-\(size)"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let arguments =
                    ["check", "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--quiet"]
                    + (try dimension.arguments(size, folder))
                let runs = (0..<repeats).map { _ in ChildProcess.run(spbe, arguments) }
                guard runs.allSatisfy({ $0.status == 0 }) else {
                    throw ScalingFailure(
                        message: "spbe \(arguments.joined(separator: " ")) failed with status \(runs[0].status)")
                }
                milliseconds.append(median(runs.map(\.milliseconds)))
                peaks.append(runs.map(\.peakMiB).max() ?? 0)
            }
            let row = Row(dimension: dimension.name, base: dimension.base, milliseconds: milliseconds, peakMiB: peaks)
            rows.append(row)
            print(
                [
                    row.dimension, "\(row.base)", fixed(milliseconds[0]) + " ms", fixed(milliseconds[1]) + " ms",
                    fixed(row.timeRatio),
                    fixed(peaks[0]) + " MiB", fixed(peaks[1]) + " MiB", fixed(row.memoryRatio),
                ].joined(separator: " | "))
        }
        return rows
    }

    private var dimensions: [Dimension] {
        [
            Dimension(name: "records", base: 2_000) { size, folder in
                [try write(inventory(applications: size, line: Self.cleanApplication), to: "\(folder)/opd.yaml")]
            },
            Dimension(name: "warnings", base: 2_000) { size, folder in
                [try write(inventory(applications: size, line: Self.misspeltApplication), to: "\(folder)/opd.yaml")]
            },
            Dimension(name: "waivers", base: 1_000) { size, folder in
                let waivers = (0..<size).map {
                    "  - {rule: APP-HOSTING, subject: NONE-\($0), reason: r, approved_by: a, until: 2025-12-31}\n"
                }
                let file = try write("spbe_waivers: 1\nwaivers:\n" + waivers.joined(), to: "\(folder)/waivers.yaml")
                return [
                    "--waivers", file,
                    try write(inventory(applications: 10, line: Self.cleanApplication), to: "\(folder)/opd.yaml"),
                ]
            },
            Dimension(name: "baseline findings", base: 1_000) { size, folder in
                let inventory = try write(
                    inventory(applications: size, line: Self.failingApplication), to: "\(folder)/opd.yaml")
                let baseline = "\(folder)/baseline.json"
                _ = ChildProcess.run(
                    spbe,
                    [
                        "check", "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--output",
                        "json=\(baseline)", inventory,
                    ])
                return ["--baseline", baseline, inventory]
            },
            Dimension(name: "cells (CSV rows)", base: 2_000) { size, folder in
                _ = try write("spbe_inventory: 1\nopd: {id: \"OPD-1\", name: Dinas Uji}\n", to: "\(folder)/opd.yaml")
                let rows = (0..<size).map { "APP-\($0),Aplikasi \($0),umum,pdn,2024-11-02,true\n" }
                _ = try write(
                    "id,name,type,hosting,security_audit_date,via_splp\n" + rows.joined(),
                    to: "\(folder)/applications.csv")
                return [folder]
            },
            Dimension(name: "files in a folder", base: 250) { size, folder in
                for number in 0..<size {
                    _ = try write(
                        inventory(applications: 5, line: Self.cleanApplication, opd: number),
                        to: String(format: "%@/opd-%05d.yaml", folder, number))
                }
                return [folder]
            },
        ]
    }

    private static func cleanApplication(_ number: Int) -> String {
        "  - {id: APP-\(number), name: A\(number), type: umum, hosting: pdn}\n"
    }
    private static func misspeltApplication(_ number: Int) -> String {
        "  - {id: APP-\(number), name: A\(number), type: umum, hostng: pdn}\n"
    }
    private static func failingApplication(_ number: Int) -> String {
        "  - {id: APP-\(number), name: A\(number), type: khusus, hosting: server_opd}\n"
    }

    private func inventory(applications count: Int, line: (Int) -> String, opd: Int = 1) -> String {
        "spbe_inventory: 1\nopd: {id: \"OPD-\(opd)\", name: Dinas \(opd)}\napplications:\n"
            + (0..<count).map(line).joined()
    }

    private func write(_ text: String, to path: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// A scaling run that could not be measured.
struct ScalingFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

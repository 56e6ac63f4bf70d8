import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Testing

/// One small, fixed report (the mini pack on one weak inventory: a few findings of each outcome) rendered by
/// every reporter, each compared with its golden file in `Tests/ReportingTests/Goldens`: small enough to review
/// line by line when a reporter changes. `UPDATE_GOLDEN=1` rewrites them. The large example goldens of the
/// command line stay as regression guards.
@Suite("each reporter on one small report")
struct ReporterGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// The report, its paths relative to the package root as the command line's are.
    private func report() throws -> Report {
        #expect(FileManager.default.currentDirectoryPath == Self.root.path, "tests run from the package root")
        let loaded = PackLoader.load(path: "Tests/Fixtures/packs/mini")
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let pack = try #require(PackCompiler.compile(source).pack)
        let asOf = try #require(Day(iso: "2025-06-30"))
        let inventory = try #require(
            InventoryLoader(schema: pack.schema).load(path: "Tests/Fixtures/inventories/mini-weak.yaml").inventory)
        let evaluation = try Evaluator(pack: pack, asOf: asOf).evaluate(inventory)
        return Report(pack: pack, asOf: asOf, evaluations: [evaluation], failOn: .high, toolVersion: "0.1.0")
    }

    @Test("each format of the small report matches its golden file", arguments: ReportFormat.allCases)
    func golden(_ format: ReportFormat) throws {
        // The SARIF golden is indented, for review.
        let rendered = format.render(try report(), options: ReportOptions(pretty: format == .sarif))
        let url = Self.goldens.appendingPathComponent("mini-weak.\(format == .text ? "txt" : format.rawValue)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // Decoded from the bytes: String(contentsOf:) would drop the CSV report's byte order mark.
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(rendered == expected, "differs from \(url.lastPathComponent); rerun with UPDATE_GOLDEN=1 to accept")
    }
}

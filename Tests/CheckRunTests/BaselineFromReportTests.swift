import DataModel
import Engine
import Foundation
import Packs
import Reporting
import Spreadsheets
import Testing

/// `Baseline(report:path:)`, which the portal keeps instead of decoding the report it has just stored, must be the
/// baseline `Baseline.load` reads from that report's JSON: the same findings, messages, places, fingerprints and
/// rounded indexes.
@Suite("a baseline made from a report in memory")
struct BaselineFromReportTests {
    @Test(
        "equals the baseline read back from the report's JSON",
        arguments: [
            ["examples/dinkes-sleman.yaml"], ["examples/diskominfo-sleman.yaml"],
            ["examples/disdukcapil-gunungkidul.yaml"], ["examples/dpmptsp-sleman.json"],
            ["examples/xlsx/dpmptsp-sleman.xlsx"], ["examples/csv/dinkes-sleman"],
            Self.files(in: "examples/kabupaten-bantul"),
        ])
    func sameAsDecoded(paths: [String]) throws {
        let loaded = PackLoader.load(path: "rules/spbe-2020")
        let source = try #require(loaded.pack)
        let pack = try #require(PackCompiler.compile(source).pack)
        let asOf = try #require(Day(iso: "2025-06-30"))
        let evaluator = Evaluator(pack: pack, asOf: asOf)
        let evaluations = try paths.map { path in
            let inventory = try #require(InventoryReader(schema: pack.schema).load(path: path).inventory)
            return try evaluator.evaluate(inventory)
        }
        let report = Report(pack: pack, asOf: asOf, evaluations: evaluations, failOn: .high, toolVersion: "0.1.0")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try Data(ReportFormat.json.renderBytes(report)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let decoded = try #require(Baseline.load(path: url.path).baseline)
        let made = Baseline(report: report, path: url.path)
        #expect(made.inventories.flatMap(\.findings).contains { $0.outcome == "fail" && $0.message != nil })
        #expect(made.inventories.contains { $0.score.index != nil })
        if paths[0].hasSuffix(".xlsx") { #expect(made.inventories[0].findings.contains { $0.location.sheet != nil }) }
        #expect(Self.facts(of: made) == Self.facts(of: decoded))
    }

    private static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
    }

    /// Every fact of a baseline that matching and reporting read, one line each.
    private static func facts(of baseline: Baseline) -> [String] {
        var lines = [
            "\(baseline.path) v\(baseline.fingerprintVersion) \(baseline.pack?.id ?? "-") \(baseline.pack?.version ?? "-")"
        ]
        for inventory in baseline.inventories {
            let opd = inventory.opd
            lines.append(
                "\(inventory.source) \(opd.id) \(opd.name) \(opd.pemda ?? "-") \(opd.pemdaCode ?? "-") "
                    + "\(inventory.score.index.map { "\($0)" } ?? "-")")
            for finding in inventory.findings {
                let place = finding.location
                lines.append(
                    "  \(finding.rule) \(finding.subject) \(finding.outcome) \(finding.message ?? "-") "
                        + "\(finding.severity ?? "-") \(place.file):\(place.line):\(place.column) \(place.sheet ?? "-") "
                        + (finding.fingerprint ?? "-"))
            }
        }
        return lines
    }
}

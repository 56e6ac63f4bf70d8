import CheckRun
import DataModel
import Diagnostics
import Foundation
import Spreadsheets
import Testing

@testable import Reporting

/// SARIF is compact unless `--pretty`, and a compact log writes its findings' results straight into bytes
/// (`SARIFFindingWriter`) while an indented one encodes `SARIFLog.Result`s: each compact log must be its indented
/// log with the whitespace between the tokens taken out, for every kind of result (failures at each level,
/// reviews, waived failures, baseline states and absent results, workbook cells).
@Suite("compact SARIF")
struct SARIFCompactTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The whole report of the examples, with a waiver and with the examples' own JSON report as baseline after
    /// one failure was fixed.
    private func report() throws -> Report {
        #expect(FileManager.default.currentDirectoryPath == Self.root.path, "tests run from the package root")
        let session = PackSession.compile(path: "rules/spbe-2020", limits: .default, budget: .default)
        let pack = try #require(session.pack, "\(session.diagnostics)")
        let reader = InventoryReader(schema: pack.schema)
        let options = CheckRun.Options(asOf: try #require(Day(iso: "2025-06-30")), failOn: nil, jobs: 2)
        var first = WholeReportSink { _, _ in }
        _ = CheckRun(pack: pack, reader: reader, options: options).run(
            CheckInputs(paths: ["examples/"]), into: &first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json")
        try Data(ReportFormat.json.render(try #require(first.report)).utf8).write(to: baseline)
        let waivers = folder.appendingPathComponent("waivers.yaml")
        try Data(
            """
            spbe_waivers: 1
            waivers:
              - {rule: APP-HOSTING, subject: APP-03, reason: "Migrasi \\"PDN\\"", approved_by: Kadis, until: 2025-12-31}

            """.utf8
        ).write(to: waivers)
        var diagnostics: [Diagnostic] = []
        var sink = WholeReportSink { found, _ in diagnostics += found }
        let run = try #require(
            CheckRun.prepare(
                pack: pack, waivers: waivers.path, baseline: baseline.path, reader: reader, options: options,
                into: &sink),
            "\(diagnostics)")
        // One failure fixed since the baseline: the inventory read again with the application hosted in PDN.
        let changed = folder.appendingPathComponent("dinkes-sleman.yaml")
        let original = try String(contentsOfFile: "examples/dinkes-sleman.yaml", encoding: .utf8)
        try Data(original.replacingOccurrences(of: "hosting: server_opd", with: "hosting: pdn").utf8).write(
            to: changed)
        _ = run.run(CheckInputs(paths: ["examples/xlsx", "examples/csv", changed.path]), into: &sink)
        return try #require(sink.report, "\(diagnostics)")
    }

    @Test(
        "a compact log is its indented log without the whitespace between tokens, under every split and cut",
        arguments: [
            ReportOptions(), ReportOptions(sarifSplit: .opd), ReportOptions(sarifMaxResults: 25),
            ReportOptions(sarifMaxResults: 9, sarifSplit: .pemda), ReportOptions(sarifOmitNotEvidenced: true),
        ])
    func compactIsIndentedWithoutWhitespace(_ options: ReportOptions) throws {
        let report = try report()
        var pretty = options
        pretty.pretty = true
        let indented = ReportFormat.sarif.render(report, options: pretty)
        let compact = ReportFormat.sarif.render(report, options: options)
        #expect(compact == String(decoding: JSONCompaction.compact(Array(indented.utf8)) + [0x0A], as: UTF8.self))
        #expect(!compact.dropLast().contains("\n"), "one line")
        for kind in [
            "\"suppressions\"", "\"baselineState\":\"absent\"", "\"baselineState\":\"unchanged\"",
            "\"logicalLocations\"", "\"level\":\"error\"", "\"level\":\"warning\"",
        ]
        where options.sarifMaxResults == nil {
            #expect(compact.contains(kind), "the examples have a result with \(kind)")
        }
    }

    @Test("whitespace inside strings, escaped quotes and backslashes survive compaction")
    func compactionKeepsStrings() {
        let pretty = "{\n  \"a b\" : \"c \\\" d\\\\\",\n  \"e\" : [\n    1,\n    \"\\\\\"\n  ]\n}\n"
        #expect(
            String(decoding: JSONCompaction.compact(Array(pretty.utf8)), as: UTF8.self)
                == "{\"a b\":\"c \\\" d\\\\\",\"e\":[1,\"\\\\\"]}")
    }
}

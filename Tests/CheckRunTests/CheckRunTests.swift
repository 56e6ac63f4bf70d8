import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Packs
import Reporting
import Spreadsheets
import Testing
import YAMLSource

/// Drives `CheckRun` as a front end other than the command line would: the reports it streams are byte for
/// byte the command line's (its golden files, `Tests/CLITests/Fixtures/golden`).
@Suite("CheckRun without the command line")
struct CheckRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let asOf = Day(iso: "2025-06-30")!

    /// A golden file of the command line's tests.
    private func golden(_ name: String) throws -> String {
        // Decoded from the bytes: String(contentsOf:) would drop the CSV report's byte order mark.
        String(
            decoding: try Data(contentsOf: Self.root.appendingPathComponent("Tests/CLITests/Fixtures/golden/\(name)")),
            as: UTF8.self)
    }

    /// A run of the pack at `pack` (relative to the package root, as the goldens name their files).
    private func prepare(pack: String, failOn: RuleSeverity?, jobs: Int = 2) throws -> CheckRun {
        #expect(FileManager.default.currentDirectoryPath == Self.root.path, "tests run from the package root")
        let session = PackSession.compile(path: pack, limits: .default, budget: .default)
        let compiled = try #require(session.pack, "\(session.diagnostics)")
        return CheckRun(
            pack: compiled, reader: InventoryReader(schema: compiled.schema),
            options: CheckRun.Options(asOf: asOf, failOn: failOn, jobs: jobs)
        )
    }

    /// The streamed report of `paths` and every diagnostic the run handed over.
    private func streamed(
        _ run: CheckRun, _ paths: [String], reporter: any StreamingReporter
    ) -> (report: String, diagnostics: [Diagnostic], outcome: CheckRun.Outcome) {
        let output = Collected()
        var sink = StreamedReportSink(
            reporter: reporter, write: { output.bytes.append($0) },
            diagnose: { diagnostics, _ in output.diagnostics += diagnostics })
        let outcome = run.run(CheckInputs(paths: paths), into: &sink)
        return (String(decoding: output.bytes, as: UTF8.self), output.diagnostics, outcome)
    }

    @Test("the streamed text and JSON reports are spbe check's, and the outcome is its exit code's")
    func streamedReports() throws {
        let run = try prepare(pack: "Tests/Fixtures/packs/mini", failOn: .high)
        let paths = ["Tests/Fixtures/inventories/mini-good.yaml", "Tests/Fixtures/inventories/mini-weak.yaml"]
        let text = streamed(run, paths, reporter: TextReporter(colors: false))
        #expect(text.report == (try golden("mini-check.txt")))
        #expect(text.diagnostics.isEmpty)
        #expect(!text.outcome.inputError && text.outcome.failsThreshold && text.outcome.inventories == 2)
        #expect(streamed(run, paths, reporter: JSONReporter()).report == (try golden("mini-check.json")))
    }

    @Test("every format of the examples, whole or streamed, is spbe check's", arguments: ReportFormat.allCases)
    func examples(_ format: ReportFormat) throws {
        let run = try prepare(pack: "rules/spbe-2020", failOn: nil)
        let expected = try golden("examples.\(format == .text ? "txt" : format.rawValue)")
        var whole = WholeReportSink { _, _ in }
        let outcome = run.run(CheckInputs(paths: ["examples/"]), into: &whole)
        #expect(!outcome.inputError && !outcome.failsThreshold)
        let report = try #require(whole.report)
        // The SARIF golden is indented, for review (compact SARIF is checked against it: SARIFCompactTests).
        let options = ReportOptions(pretty: format == .sarif)
        #expect(format.render(report, options: options) == expected)
        #expect(streamed(run, ["examples/"], reporter: format.streamingReporter(options: options)).report == expected)
    }

    @Test(
        "SARIF streamed is SARIF whole under every split and cut",
        arguments: [
            ReportOptions(sarifSplit: .opd), ReportOptions(sarifSplit: .pemda),
            ReportOptions(sarifMaxResults: 20), ReportOptions(sarifMaxResults: 7, sarifSplit: .pemda),
            ReportOptions(sarifMaxResults: 30, sarifOmitNotEvidenced: true),
        ])
    func sarifOptions(_ options: ReportOptions) throws {
        let run = try prepare(pack: "rules/spbe-2020", failOn: nil)
        var whole = WholeReportSink { _, _ in }
        _ = run.run(CheckInputs(paths: ["examples/"]), into: &whole)
        let expected = ReportFormat.sarif.render(try #require(whole.report), options: options)
        let stream = streamed(run, ["examples/"], reporter: SARIFReporter(options: options)).report
        #expect(stream == expected)
        #expect(stream.contains("\"automationDetails\""))
    }

    @Test(
        "the HTML folder of a regency: an index linking a page per OPD, each page the OPD's section of the single page")
    func htmlFolder() throws {
        let run = try prepare(pack: "rules/spbe-2020", failOn: nil)
        let collected = Collected()
        var pages: [(name: String, text: String)] = []
        var sink = StreamedReportSink(
            destinations: [
                .init(htmlFolder: HTMLReporter()) { pages.append(($0, String(decoding: $1, as: UTF8.self))) }
            ],
            diagnose: { diagnostics, _ in collected.diagnostics += diagnostics })
        let outcome = run.run(CheckInputs(paths: ["examples/kabupaten-bantul"]), into: &sink)
        #expect(!outcome.inputError)
        let names = pages.map(\.name)
        #expect(names == ["index.html"] + (1...outcome.inventories).map { "opd-\($0).html" })
        let index = try #require(pages.first?.text)
        for part in ["<section class=\"regency\">", "class=\"heatmap\"", "class=\"legend\"", "Temuan lintas OPD"] {
            #expect(index.contains(part), "the index holds \(part)")
        }
        #expect(!index.contains("<section class=\"inventory\""), "no OPD's detail on the index")
        let single = ReportFormat.html.render(try #require(streamedWhole(run, ["examples/kabupaten-bantul"])))
        for (position, page) in pages.dropFirst().enumerated() {
            #expect(index.contains("<a href=\"opd-\(position + 1).html\">"), "the index links page \(position + 1)")
            #expect(page.text.hasPrefix("<!DOCTYPE html>") && page.text.hasSuffix("</main>\n</body>\n</html>\n"))
            #expect(page.text.contains("<a href=\"index.html\">"))
            let section = try #require(
                page.text.range(of: "<section class=\"inventory\"").map { page.text[$0.lowerBound...] }?
                    .components(separatedBy: "\n</main>").first)
            #expect(single.contains(section + "\n"), "page \(position + 1) is its section of the single page")
        }
    }

    @Test("the bundled pack's messages write enum values by their labels: server OPD, Dokumen Renstra")
    func valueLabels() throws {
        let run = try prepare(pack: "rules/spbe-2020", failOn: nil)
        let text = streamed(run, ["examples/"], reporter: TextReporter(colors: false)).report
        #expect(text.contains("ditempatkan di server OPD,"))
        #expect(text.contains("Dokumen Renstra DOC-"))
        #expect(!text.contains("server_opd") && !text.contains("Dokumen renstra"))
    }

    /// The whole report of `paths`.
    private func streamedWhole(_ run: CheckRun, _ paths: [String]) -> Report? {
        var whole = WholeReportSink { _, _ in }
        _ = run.run(CheckInputs(paths: paths), into: &whole)
        return whole.report
    }

    @Test("the report does not depend on the number of workers")
    func workers() throws {
        let paths = ["examples/"]
        let one = streamed(try prepare(pack: "rules/spbe-2020", failOn: nil, jobs: 1), paths, reporter: JSONReporter())
            .report
        let three = streamed(
            try prepare(pack: "rules/spbe-2020", failOn: nil, jobs: 3), paths, reporter: JSONReporter()
        ).report
        #expect(one == three)
        #expect(!one.isEmpty)
    }

    @Test("an inventory that does not load is a diagnostic with its source text, and an input error")
    func brokenInventory() throws {
        let run = try prepare(pack: "Tests/Fixtures/packs/mini", failOn: .high)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("checkrun-\(UUID().uuidString).yaml")
        try Data("spbe_inventory: 1\nbogus_section: 1\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = Collected()
        var sink = StreamedReportSink(
            reporter: TextReporter(colors: false), write: { output.bytes.append($0) },
            diagnose: { diagnostics, sources in
                output.diagnostics += diagnostics
                output.rendered += DiagnosticRenderer(sources: sources).render(diagnostics)
            })
        let outcome = run.run(CheckInputs(paths: [file.path]), into: &sink)
        #expect(outcome.inputError && outcome.inventories == 0)
        #expect(output.bytes.isEmpty, "nothing to report: no beginning, no end")
        #expect(output.diagnostics.first?.location?.file == file.path)
        #expect(
            output.rendered.contains("2 | bogus_section: 1"), "the excerpt comes from the text kept with the diagnostic"
        )
    }
}

/// What a test's sink collected (the sink's closures are not `Sendable`: the run calls them on its caller's
/// thread).
private final class Collected {
    var bytes = Data()
    var diagnostics: [Diagnostic] = []
    var rendered = ""
}

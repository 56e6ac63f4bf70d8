import CheckRun
import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Spreadsheets
import YAMLSource

/// The portal's one door into the engine: load an uploaded inventory with the CLI's loaders, evaluate it, render
/// its reports, evaluate a pemda from its OPDs' current inventories, write the template workbook. Packs are
/// compiled by CheckRun's `PackSession` and inventories evaluated by a `CheckRun`, exactly as `spbe check` does;
/// every other file of the portal sees only the plain values here.
final class CheckAdapter: Sendable {
    /// What loading an upload gave: the diagnostics (file names relative to the upload), and whether it loaded.
    struct Validation: Sendable {
        /// Every diagnostic, errors first.
        let diagnostics: [UploadDiagnostic]
        /// Whether the inventory loaded (no errors).
        let loaded: Bool
    }

    /// A diagnostic as the upload page shows it.
    struct UploadDiagnostic: Sendable, Codable, Equatable {
        /// `error`, `warning` or `note`.
        let severity: String
        /// The stable code (`sheet.required_missing`, ...).
        let code: String
        /// The message.
        let message: String
        /// The file (relative to the upload), when known.
        let file: String?
        /// The sheet, for a workbook.
        let sheet: String?
        /// The cell (`C12`) in a workbook, else `line:column`.
        let place: String?
        /// How to fix it, when the loader knows.
        let fix: String?
    }

    /// An evaluated upload's reports.
    struct Evaluated: Sendable {
        let json: Data
        let html: Data
        let sarif: Data
        let evidenceHTML: Data
        let index: Double?
        let predicate: String?
        let failing: Int
        /// The report, for `keepAsBaseline` once its JSON is stored.
        fileprivate let report: Report
    }

    /// A pemda's evaluation from its OPDs' current inventories.
    struct PemdaView: Sendable {
        /// The rendered regency section(s) and inventories, as an HTML fragment.
        let bodyHTML: String
        let index: Double?
        let predicate: String?
    }

    /// What changed since the baseline (the previous submission), as the JSON report records it.
    struct Change: Sendable, Equatable {
        let new: Int
        let unchanged: Int
        let fixed: Int
        let indexChange: Double?
    }

    /// The change recorded in a stored JSON report; nil when it had no baseline.
    static func change(inJSONReport data: Data) -> Change? {
        guard let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let inventory = (report["inventories"] as? [[String: Any]])?.first,
            let baseline = inventory["baseline"] as? [String: Any]
        else { return nil }
        return Change(
            new: (baseline["new"] as? NSNumber)?.intValue ?? 0,
            unchanged: (baseline["unchanged"] as? NSNumber)?.intValue ?? 0,
            fixed: (baseline["fixed"] as? [Any])?.count ?? 0,
            indexChange: (baseline["index_change"] as? NSNumber)?.doubleValue
        )
    }

    /// Why the engine could not do what was asked.
    struct Failure: Error, Sendable {
        let message: String
    }

    private let sessions = PackSessions()
    private let baselines = BaselineCache()

    /// The compiled pack at `path` (empty: the bundled SPBE pack).
    func pack(_ path: String) throws(Failure) -> CompiledPack {
        let session = sessions.session(path.isEmpty ? Self.bundledPackPath() : path)
        guard let pack = session.pack else {
            throw Failure(message: session.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return pack
    }

    /// A check run of `pack` at `asOf` with the command line's defaults (reports in Indonesian, failing at `high`),
    /// marking changes against the JSON report at `baseline`: always the same OPD's previous submission, so it is
    /// compared even when the OPD's header (its pemda's name, say) changed in between (`--force`).
    private func run(
        _ pack: CompiledPack, asOf: String, baseline: String?, reader: InventoryReader? = nil
    ) throws(Failure) -> CheckRun {
        guard let day = Day(iso: asOf) else { throw Failure(message: "evaluation date '\(asOf)' is not YYYY-MM-DD") }
        var refusals: [Diagnostic] = []
        var sink = WholeReportSink { diagnostics, _ in refusals += diagnostics }
        let reader = reader ?? InventoryReader(schema: pack.schema)
        let options = CheckRun.Options(asOf: day, force: true)
        let prepared =
            if let baseline, let kept = baselines.baseline(at: baseline) {
                CheckRun.prepare(
                    pack: pack, waivers: nil, loadedBaseline: kept, reader: reader, options: options, into: &sink)
            } else {
                CheckRun.prepare(
                    pack: pack, waivers: nil, baseline: baseline, reader: reader, options: options, into: &sink)
            }
        guard let run = prepared else {
            throw Failure(message: refusals.map(\.message).joined(separator: "; "))
        }
        return run
    }

    /// Runs `run` on `paths`, keeping the whole report, and the errors met (an inventory that did not load, a cost
    /// budget overrun); no report at all is a failure.
    private static func report(_ run: CheckRun, inputs: CheckInputs) throws(Failure) -> (Report, errors: [Diagnostic]) {
        var errors: [Diagnostic] = []
        var sink = WholeReportSink { diagnostics, _ in errors += diagnostics.filter { $0.severity == .error } }
        _ = run.run(inputs, into: &sink)
        guard let report = sink.report else { throw Failure(message: errors.map(\.message).joined(separator: "; ")) }
        return (report, errors)
    }

    /// Loads the inventory at `path` (a file, or the folder a CSV zip was unpacked in; the file's bytes `held` in
    /// memory when given) with exactly the CLI's reader; diagnostics name files relative to `root`. What loaded is
    /// given back, for `evaluate` to check without reading the file again.
    func validate(path: String, root: String, held: Data? = nil, packPath: String) throws(Failure) -> (
        Validation, InventoryLoadResult
    ) {
        let pack = try pack(packPath)
        let reader = InventoryReader(schema: pack.schema)
        let result = held.map { reader.load(data: $0, path: path) } ?? reader.load(path: path)
        let diagnostics = Diagnostic.sortedForDisplay(result.diagnostics).map { diagnostic in
            UploadDiagnostic(
                severity: diagnostic.severity.rawValue, code: diagnostic.code,
                message: Self.relative(diagnostic.message, root: root),
                file: diagnostic.location.map { Self.relative($0.file, root: root) }, sheet: diagnostic.location?.sheet,
                place: diagnostic.location.map { $0.sheet != nil ? $0.cell : "\($0.line):\($0.column)" },
                fix: diagnostic.suggestion
            )
        }
        let loaded = result.inventory != nil && !result.diagnostics.contains { $0.severity == .error }
        return (Validation(diagnostics: diagnostics, loaded: loaded), result)
    }

    /// Evaluates the inventory at `path`, which `validate` loaded as `loaded` (with an inventory), through a
    /// `CheckRun` at `asOf`, marking changes against the previous JSON report at `baseline` (read from the file
    /// unless `keepAsBaseline` kept it).
    func evaluate(path: String, loaded: InventoryLoadResult, packPath: String, asOf: String, baseline: String?)
        throws(Failure) -> Evaluated
    {
        let pack = try pack(packPath)
        guard let inventory = loaded.inventory else { throw Failure(message: "the inventory did not load") }
        let run = try run(
            pack, asOf: asOf, baseline: baseline,
            reader: InventoryReader(schema: pack.schema).holding(loaded, for: path))
        // The run's reader holds what was loaded, so the path is not looked for on disk (an upload held in memory).
        let (report, errors) = try Self.report(run, inputs: CheckInputs(held: [path]))
        guard let evaluation = report.evaluations.first, errors.isEmpty else {
            throw Failure(message: errors.map(\.message).joined(separator: "; "))
        }
        let items = EvidenceFinder(pack: pack, asOf: run.options.asOf, language: run.options.language).evidence(
            inventory, evaluation: evaluation)
        let title = evaluation.opdName.isEmpty ? inventory.source : evaluation.opdName
        let evidence = EvidenceReport(
            pack: pack, title: title, asOf: run.options.asOf, indicators: items, language: run.options.language
        ).render(.html)
        return Evaluated(
            json: Data(ReportFormat.json.renderBytes(report)), html: Data(ReportFormat.html.renderBytes(report)),
            sarif: Data(ReportFormat.sarif.renderBytes(report)), evidenceHTML: Data(evidence.utf8),
            index: evaluation.score.index, predicate: evaluation.score.predicate,
            failing: RunTotals([evaluation], pack: pack, failOn: run.options.failOn).failed, report: report
        )
    }

    /// Keeps what `evaluated`'s JSON report, stored at `path`, gives as a baseline, so the OPD's next upload is
    /// compared with it without decoding it.
    func keepAsBaseline(_ evaluated: Evaluated, storedAt path: String) {
        baselines.keep(Baseline(report: evaluated.report, path: path))
    }

    /// The pemda's joint evaluation from the inventories at `paths` (the OPDs' current submissions, each a file or
    /// unpacked CSV folder inside one folder, one of them the pemda's own `kind: pemda` inventory).
    func pemda(paths: [String], packPath: String, asOf: String) throws(Failure) -> PemdaView? {
        let run = try run(try pack(packPath), asOf: asOf, baseline: nil)
        guard !paths.isEmpty, let regency = try Self.report(run, inputs: CheckInputs(paths: paths)).0.regencies.first
        else { return nil }
        return PemdaView(
            bodyHTML: Self.body(of: ReportFormat.html.render(run.frame(regencies: [regency]))),
            index: regency.pemda.score.index, predicate: regency.pemda.score.predicate
        )
    }

    /// The template workbook for an OPD, its header filled in with `code`, `name` and `pemda`.
    func template(packPath: String, opdName: String, pemda: String) throws(Failure) -> Data {
        let pack = try pack(packPath)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-template-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml =
            "spbe_inventory: 1\nopd:\n  name: \(Self.yamlQuoted(opdName))\n  pemda: \(Self.yamlQuoted(pemda))\n  kind: opd\n"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: "\(folder)/opd.yaml"))
        } catch {
            throw Failure(message: "cannot write the template: \(error)")
        }
        guard
            let inventory = InventoryLoader(schema: pack.schema, limits: .default).load(path: "\(folder)/opd.yaml")
                .inventory
        else {
            // A pack whose header needs more than these fields: the empty template of its schema.
            guard let file = InventoryTemplate.files(schema: pack.schema, format: .xlsx, folder: folder).first else {
                throw Failure(message: "the pack has no template")
            }
            return file.data
        }
        let export = InventoryExport.files(
            inventory, schema: pack.schema, format: .xlsx, destination: "\(folder)/inventory.xlsx")
        guard let file = export.files.first else {
            throw Failure(message: export.diagnostics.map(\.message).joined(separator: "; "))
        }
        return file.data
    }

    /// The report's style sheet, for the site to serve as a file (its pages allow no inline `<style>`).
    static var reportStyle: String { HTMLReporter.styleSheet }

    /// What is between `<body>` and `</body>` in a rendered HTML report.
    static func body(of page: String) -> String {
        guard let start = page.range(of: "<body>"), let end = page.range(of: "</body>", options: .backwards) else {
            return page
        }
        return String(page[start.upperBound..<end.lowerBound])
    }

    private static func relative(_ text: String, root: String) -> String {
        text.replacingOccurrences(of: root.hasSuffix("/") ? root : root + "/", with: "")
    }

    private static func yamlQuoted(_ text: String) -> String {
        let escaped = text.unicodeScalars.filter { $0.value >= 0x20 }.map { scalar -> String in
            scalar == "\"" ? "\\\"" : scalar == "\\" ? "\\\\" : String(scalar)
        }
        return "\"" + escaped.joined() + "\""
    }

    /// The bundled pack `rules/spbe-2020`: beside the executable or a parent folder of it, else in the checkout.
    static func bundledPackPath() -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        var candidates: [URL] = []
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("rules/spbe-2020"))
            candidates.append(folder.appendingPathComponent("share/spbe/rules/spbe-2020"))
            folder = folder.deletingLastPathComponent()
        }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("rules/spbe-2020"))
        return
            (candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("pack.yaml").path) }
            ?? candidates.last!).path
    }
}

/// The pack sessions by path, each compiled once by CheckRun's `PackSession`.
private final class PackSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [String: PackSession] = [:]

    func session(_ path: String) -> PackSession {
        lock.withLock {
            if let session = sessions[path] { return session }
            let session = PackSession.compile(path: path, limits: .default, budget: .default)
            sessions[path] = session
            return session
        }
    }
}

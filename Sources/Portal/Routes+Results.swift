import Diagnostics
import Foundation
import HTTPTypes
import Hummingbird
import PortalStore
import Spreadsheets

extension Routes {
    /// Official results (issue 24): the admin enters them per indicator and per evidence item, or imports the
    /// template workbook (XLSX or CSV) with an error at every wrong cell and nothing stored unless all is right;
    /// admins, viewers and the Tim Asesor Internal read them beside the claims and spbe's estimates.
    func addResultRoutes() {
        get("/results", .signedIn) { call in
            guard call.account.role != .operator else { return call.forbidden() }
            guard let period = try call.store.periods().first else {
                return call.html(call.words.officialResults, "<p class=\"notice\">\(call.words.noPeriod)</p>")
            }
            return call.redirect("/periods/\(period.id)/results")
        }
        get("/periods/:period/results", .signedIn) { call in
            guard call.account.role != .operator else { return call.forbidden() }
            guard let period = try resultPeriod(call) else { return call.notFound() }
            return call.html(
                "\(call.words.officialResults) · \(period.name)", try resultsPage(call, period: period, refused: nil))
        }
        post("/periods/:period/results", .admin) { call in
            guard let period = try resultPeriod(call) else { return call.notFound() }
            let form = call.form ?? FormData()
            let context = try resultContext(call, period: period)
            let notes = (form["notes"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let recommendation = (form["recommendation"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let opdText = form["opd_id"] ?? ""
            let opd = Int64(opdText).flatMap { id in context.opds.first { $0.id == id } }
            guard let indicator = form["indicator"], context.indicators.contains(where: { $0.id == indicator }),
                let level = form["level"].flatMap({ Int($0) }), (1...5).contains(level),
                opdText.isEmpty || opd != nil,
                notes.count <= ResultWorkbook.maxText, recommendation.count <= ResultWorkbook.maxText
            else {
                return call.problem(.badRequest, call.words.resultInvalid)
            }
            let result = OfficialResult(
                indicator: indicator, opdID: opd?.id, level: level, notes: notes, recommendation: recommendation)
            try storeResults(
                call, period: period, parsed: ResultWorkbook.Parsed(results: [result], evidence: []), replacing: false,
                context: context)
            try call.audit("result.set", "\(period.name) · \(indicator): tingkat \(level)")
            return call.redirect("/periods/\(period.id)/results#indicators")
        }
        post("/periods/:period/results/evidence", .admin) { call in
            guard let period = try resultPeriod(call) else { return call.notFound() }
            let form = call.form ?? FormData()
            let context = try resultContext(call, period: period)
            let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let evidenceID = form["evidence_id"].flatMap({ Int64($0) }),
                let item = context.evidence.first(where: { $0.id == evidenceID }),
                let outcome = form["outcome"].flatMap(EvidenceOutcome.init(rawValue:)),
                note.count <= ResultWorkbook.maxText
            else {
                return call.problem(.badRequest, call.words.resultInvalid)
            }
            let entry = OfficialEvidenceResult(opdID: item.opdID, code: item.code, outcome: outcome, note: note)
            try storeResults(
                call, period: period, parsed: ResultWorkbook.Parsed(results: [], evidence: [entry]), replacing: false,
                context: context)
            try call.audit("result.evidence", "\(period.name) · \(item.code): \(outcome.rawValue)")
            return call.redirect("/periods/\(period.id)/results#evidence")
        }
        post("/periods/:period/results/import", .admin, maxBody: services.settings.maxUploadBytes + 64 * 1024) { call in
            guard let period = try resultPeriod(call) else { return call.notFound() }
            guard let file = call.form?.files["file"] else {
                return call.problem(.badRequest, call.words.resultInvalid)
            }
            let shown = EvidenceInspector.displayName(file.fileName, fallback: "hasil.xlsx")
            let context = try resultContext(call, period: period)
            let (parsed, diagnostics) = try readStaged(call, data: file.data, shownName: shown, context: context)
            guard let parsed else {
                try call.audit(
                    "result.import.refused",
                    "\(period.name) · \(shown): \(diagnostics.count { $0.severity == .error }) error(s)")
                return call.html(
                    "\(call.words.officialResults) · \(period.name)",
                    try resultsPage(call, period: period, refused: diagnostics.map(Self.shown)),
                    status: .unprocessableContent)
            }
            let created = try storeResults(call, period: period, parsed: parsed, replacing: true, context: context)
            try call.audit(
                "result.import",
                "\(period.name) · \(shown): \(parsed.results?.count ?? 0) indikator, \(parsed.evidence?.count ?? 0) bukti, \(created) tindak lanjut baru"
            )
            return call.redirect("/periods/\(period.id)/results#indicators")
        }
        get("/periods/:period/results/template.xlsx", .admin) { call in
            guard let period = try resultPeriod(call) else { return call.notFound() }
            let data = try TableWorkbook.data(sheets: try templateSheets(call, period: period))
            return call.download(
                data, name: "hasil-resmi-\(period.id).xlsx",
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        for (offset, sheet) in [ResultWorkbook.resultSheet, ResultWorkbook.evidenceSheet].enumerated() {
            get("/periods/:period/results/\(sheet).csv", .admin) { call in
                guard let period = try resultPeriod(call) else { return call.notFound() }
                let data = TableWorkbook.csv(try templateSheets(call, period: period)[offset])
                return call.download(data, name: "\(sheet)-\(period.id).csv", type: "text/csv; charset=utf-8")
            }
        }
    }

    private func resultPeriod(_ call: Call) throws -> Period? {
        try call.id("period").flatMap { try call.store.period(id: $0) }
    }

    /// What a results file is checked against: the period's indicators, the OPDs, and the latest version of each
    /// evidence item of the period.
    func resultContext(_ call: Call, period: Period) throws -> ResultWorkbook.Context {
        let opds = try call.store.opds()
        var evidence: [Evidence] = []
        for opd in opds {
            var seen: Set<String> = []
            for item in try call.store.evidence(periodID: period.id, opdID: opd.id)
            where seen.insert(item.code).inserted {
                evidence.append(item)
            }
        }
        return ResultWorkbook.Context(
            indicators: try Self.indicators(call, period: period), opds: opds,
            evidence: evidence.sorted { ($0.opdID, $0.code) < ($1.opdID, $1.code) })
    }

    private func templateSheets(_ call: Call, period: Period) throws -> [TableWorkbook.Sheet] {
        ResultWorkbook.sheets(
            try resultContext(call, period: period), results: try call.store.officialResults(periodID: period.id),
            outcomes: try call.store.officialEvidenceResults(periodID: period.id))
    }

    /// Writes the upload to a folder of its own under the portal's tmp folder and reads it there.
    private func readStaged(_ call: Call, data: Data, shownName: String, context: ResultWorkbook.Context) throws -> (
        ResultWorkbook.Parsed?, [Diagnostic]
    ) {
        let folder = "\(call.services.tmpFolder)/result-\(Secrets.random().prefix(16))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ext = (shownName as NSString).pathExtension.lowercased()
        let path = "\(folder)/upload.\(ext == "csv" ? "csv" : "xlsx")"
        try data.write(to: URL(fileURLWithPath: path))
        return ResultWorkbook.read(path: path, shownName: shownName, context: context)
    }

    /// Stores `parsed` (replacing the period's results, or evidence outcomes, when it holds that sheet and
    /// `replacing`) with its follow-ups; returns how many follow-ups are new.
    @discardableResult
    private func storeResults(
        _ call: Call, period: Period, parsed: ResultWorkbook.Parsed, replacing: Bool, context: ResultWorkbook.Context
    ) throws -> Int {
        let before = Set(try call.store.followUps(periodID: period.id).map(\.id))
        let followUps = FollowUpPlanner.followUps(
            periodID: period.id, results: parsed.results ?? [], outcomes: parsed.evidence ?? [],
            matrix: try Self.matrix(call, period: period, opds: context.opds), evidence: context.evidence,
            claims: try call.store.claims(periodID: period.id), today: CivilDay.day())
        try call.store.saveResults(
            ResultBatch(
                periodID: period.id, results: parsed.results ?? [], evidence: parsed.evidence ?? [],
                replacesResults: replacing && parsed.results != nil,
                replacesEvidence: replacing && parsed.evidence != nil,
                followUps: followUps, accountID: call.account.id))
        let created = try call.store.followUps(periodID: period.id).filter { !before.contains($0.id) }
        try notifyOwners(call, period: period, created: created, opds: context.opds)
        return created.count
    }

    /// Tells each OPD that the results just stored gave it new follow-ups (its operators only, its own count).
    private func notifyOwners(_ call: Call, period: Period, created: [FollowUp], opds: [OPD]) throws {
        let counts = Dictionary(grouping: created.compactMap(\.opdID), by: { $0 }).mapValues(\.count)
        for opd in opds {
            guard let count = counts[opd.id] else { continue }
            try call.services.notifier.post(.resultPublished(period: period, opd: opd, followUps: count))
        }
    }

    /// A diagnostic as the import page shows it: the sheet and cell (`hasil!C12`), else the line and column.
    static func shown(_ diagnostic: Diagnostic) -> CheckAdapter.UploadDiagnostic {
        CheckAdapter.UploadDiagnostic(
            severity: diagnostic.severity.rawValue, code: diagnostic.code, message: diagnostic.message,
            file: diagnostic.location?.file, sheet: diagnostic.location?.sheet,
            place: diagnostic.location.map { $0.sheet != nil ? $0.cell : "\($0.line):\($0.column)" },
            fix: diagnostic.suggestion)
    }
}

import Foundation
import Hummingbird
import PortalStore

extension Routes {
    /// An OPD's page, its uploads, its template, and its submissions' reports and downloads.
    func addOPDRoutes() {
        get("/opds/:opd", .signedIn) { call in
            guard let period = try call.store.periods().first else {
                return call.html(call.words.opdPage, "<p class=\"notice\">\(call.words.noPeriod)</p>")
            }
            return call.redirect("/periods/\(period.id)/opds/\(call.id("opd") ?? 0)")
        }
        get("/periods/:period/opds/:opd", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            return try opdPage(call, period: period, opd: opd, refused: nil)
        }
        post("/periods/:period/opds/:opd/upload", .signedIn, maxBody: services.settings.maxUploadBytes + 64 * 1024) {
            call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.maySubmit(opdID: opd.id) else { return call.forbidden() }
            if let locked = try uploadLocked(call, period: period, opd: opd) { return locked }
            guard let file = call.form?.files["file"], !file.data.isEmpty else {
                return try opdPage(call, period: period, opd: opd, refused: [], status: .badRequest)
            }
            guard file.data.count <= services.settings.maxUploadBytes else {
                return call.problem(.contentTooLarge, call.words.tooLarge)
            }
            if await !call.services.queue.hasFreeSlot { return enqueue(call, file, period: period, opd: opd) }
            switch try await call.services.intake(
                file.data, fileName: file.fileName, period: period, opd: opd, account: call.account)
            {
            case .accepted(let submission): return call.redirect("/submissions/\(submission.id)")
            case .refused(let diagnostics):
                return try opdPage(call, period: period, opd: opd, refused: diagnostics, status: .unprocessableContent)
            case .busy: return call.problem(.serviceUnavailable, call.words.busy)
            }
        }
        get("/periods/:period/opds/:opd/template.xlsx", .signedIn) { call in
            guard let (period, opd) = try scope(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: opd.id) else { return call.forbidden() }
            let pemda = try call.store.opds().first { $0.code == "pemda" }?.name ?? ""
            let data = try call.services.engine.template(packPath: period.pack, opdName: opd.name, pemda: pemda)
            return call.download(
                data, name: "\(opd.code)-inventory.xlsx",
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        get("/submissions/:submission", .signedIn) { call in
            guard let submission = try readable(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: submission.opdID) else { return call.forbidden() }
            return try submissionPage(call, submission)
        }
        for (name, type) in [
            ("report.html", "text/html; charset=utf-8"), ("report.json", "application/json"),
            ("report.sarif", "application/sarif+json"), ("evidence.html", "text/html; charset=utf-8"),
            ("upload", "application/octet-stream"),
        ] {
            get(RouterPath(stringLiteral: "/submissions/:submission/\(name)"), .signedIn) { call in
                guard let submission = try readable(call) else { return call.notFound() }
                guard call.principal!.mayRead(opdID: submission.opdID) else { return call.forbidden() }
                let hash =
                    switch name {
                    case "report.html": submission.reportHTMLHash
                    case "report.json": submission.reportJSONHash
                    case "report.sarif": submission.reportSARIFHash
                    case "evidence.html": submission.evidenceHTMLHash
                    default: submission.contentHash
                    }
                guard let data = call.services.blobs.data(hash) else { return call.notFound() }
                let fileName =
                    name == "upload"
                    ? UploadStaging.safeName(
                        submission.fileName, kind: UploadStaging.kind(of: submission.fileName) ?? .yaml)
                    : "submission-\(submission.id)-\(name)"
                try call.audit("download", submission: submission.id, name)
                return call.download(data, name: fileName, type: type)
            }
        }
    }

    /// The period and OPD of a path, nil when either does not exist.
    func scope(_ call: Call) throws -> (Period, OPD)? {
        guard let periodID = call.id("period"), let opdID = call.id("opd"),
            let period = try call.store.period(id: periodID), let opd = try call.store.opd(id: opdID)
        else { return nil }
        return (period, opd)
    }

    /// The submission of a path, nil when it does not exist.
    func readable(_ call: Call) throws -> Submission? {
        guard let id = call.id("submission") else { return nil }
        return try call.store.submission(id: id)
    }

    func opdPage(
        _ call: Call, period: Period, opd: OPD, refused: [CheckAdapter.UploadDiagnostic]?,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let words = call.words
        let history = try call.store.submissions(periodID: period.id, opdID: opd.id)
        let accounts = Dictionary(uniqueKeysWithValues: try call.store.accounts().map { ($0.id, $0.displayName) })
        let periods: [HTML] = try call.store.periods().map {
            $0.id == period.id
                ? "<strong>\($0.name)</strong> " : "<a href=\"/periods/\($0.id)/opds/\(opd.id)\">\($0.name)</a> "
        }
        let schedule = try Self.schedule(call.store, period: period, opd: opd)
        var body: [HTML] = [
            "<p>\(words.period): \(periods)</p>", stageBox(call, schedule: schedule),
            try revisionQueue(call, period: period, opd: opd),
            try commitmentQueue(call, period: period, opd: opd),
        ]
        if call.principal!.maySubmit(opdID: opd.id), schedule.uploadsOpen(on: CivilDay.day()) {
            body.append(uploadForm(call, period: period, opd: opd, refused: refused))
        }
        body.append("<p><a href=\"/periods/\(period.id)/opds/\(opd.id)/template.xlsx\">\(words.template)</a></p>")
        body.append(try owedSection(call, period: period, opd: opd))
        body.append(
            try evidenceSection(call, period: period, opd: opd, open: schedule.uploadsOpen(on: CivilDay.day())))
        body.append(try claimSection(call, period: period, opd: opd, open: schedule.uploadsOpen(on: CivilDay.day())))
        if history.isEmpty {
            body.append("<p class=\"notice\">\(words.noSubmission)</p>")
        } else {
            let rows: [HTML] = history.map {
                """
                <tr><td><a href="/submissions/\($0.id)">#\($0.id)</a></td><td>\(Layout.time($0.createdAt))</td><td>\($0.fileName)</td>\
                <td>\(accounts[$0.accountID] ?? "")</td><td>\(Layout.index($0.index))</td><td>\($0.predicate ?? "–")</td><td>\($0.failingFindings)</td></tr>
                """
            }
            body.append(
                """
                <h2>\(words.history)</h2>
                <table><thead><tr><th>\(words.submission)</th><th>\(words.time)</th><th>\(words.file)</th><th>\(words.uploadedBy)</th>\
                <th>\(words.index)</th><th>\(words.predicate)</th><th>\(words.findings)</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
            body.append(try reportSection(call, history[0]))
        }
        return call.html("\(opd.name) · \(period.name)", HTML.join(body), status: status)
    }

    private func uploadForm(_ call: Call, period: Period, opd: OPD, refused: [CheckAdapter.UploadDiagnostic]?) -> HTML {
        let words = call.words
        var errors: HTML = ""
        if let refused, !refused.isEmpty {
            let rows: [HTML] = refused.map { item in
                let place = [item.file, item.sheet.map { "\($0)!" }, item.place].compactMap { $0 }.joined(
                    separator: " ")
                return
                    "<tr class=\"\(item.severity)\"><td><code>\(place)</code></td><td>\(item.severity)</td><td>\(item.message) <small>[\(item.code)]</small></td><td>\(item.fix ?? "")</td></tr>"
            }
            errors = """
                <div class="error" role="alert"><p>\(words.refused)</p>
                <table><thead><tr><th>\(words.whereLabel)</th><th></th><th>\(words.message)</th><th>\(words.fix)</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
        }
        return """
            \(errors)
            <form method="post" action="/periods/\(period.id)/opds/\(opd.id)/upload" enctype="multipart/form-data" class="stack">\(Layout.csrf(call))
            <div class="drop"><label for="file">\(words.upload)</label><p>\(words.uploadHelp)</p>
            <input id="file" name="file" type="file" accept=".xlsx,.zip,.yaml,.yml,.json" required></div>
            <p><button type="submit">\(words.send)</button></p></form>
            """
    }

    /// A submission's report inside the site, with its downloads.
    func reportSection(_ call: Call, _ submission: Submission) throws -> HTML {
        let words = call.words
        let report =
            call.services.blobs.data(submission.reportHTMLHash).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let base = "/submissions/\(submission.id)"
        return """
            <h2>\(words.report) #\(submission.id)</h2>
            <p>\(words.downloads): <a href="\(base)/report.html">HTML</a> · <a href="\(base)/report.json">JSON</a> · \
            <a href="\(base)/report.sarif">SARIF</a> · <a href="\(base)/evidence.html">\(words.evidence)</a> · \
            <a href="\(base)/upload">\(words.file)</a> · <a href="\(base)/findings">\(words.findingsTitle)</a> · \
            <a href="\(base)/findings.xlsx">\(words.findingsXLSX)</a></p>
            \(change(call, submission))
            <div class="report-frame">\(HTML(trusted: CheckAdapter.body(of: report)))</div>
            """
    }

    /// The change since the previous submission: findings new, unchanged and fixed, and the index change.
    private func change(_ call: Call, _ submission: Submission) -> HTML {
        guard let data = call.services.blobs.data(submission.reportJSONHash),
            let change = CheckAdapter.change(inJSONReport: data)
        else {
            return ""
        }
        let words = call.words
        let delta = change.indexChange.map { ($0 >= 0 ? "+" : "") + Layout.index($0) } ?? "–"
        return """
            <p class="notice change">\(words.change): \(words.newFindings) <strong>\(change.new)</strong> · \(words.unchangedFindings) \
            <strong>\(change.unchanged)</strong> · \(words.fixedFindings) <strong>\(change.fixed)</strong> · \(words.index) \(delta)</p>
            """
    }

    private func submissionPage(_ call: Call, _ submission: Submission) throws -> Response {
        let opd = try call.store.opd(id: submission.opdID)
        let period = try call.store.period(id: submission.periodID)
        let evidence =
            call.services.blobs.data(submission.evidenceHTMLHash).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let back: HTML =
            "<p><a href=\"/periods/\(submission.periodID)/opds/\(submission.opdID)\">\(opd?.name ?? "") · \(period?.name ?? "")</a></p>"
        return call.html(
            "\(call.words.submission) #\(submission.id)",
            """
            \(back)
            <p>\(call.words.file): <code>\(submission.fileName)</code> · SHA-256 <code>\(submission.contentHash)</code> · \(Layout.time(submission.createdAt))</p>
            \(try reportSection(call, submission))
            <h2>\(call.words.evidence)</h2>
            <div class="report-frame">\(HTML(trusted: CheckAdapter.body(of: evidence)))</div>
            """)
    }
}

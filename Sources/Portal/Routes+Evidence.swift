import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// Evidence files (data dukung): an OPD's operator uploads them against an indicator and level (and, when it
    /// documents one, an inventory record) while uploads are open; whoever may read the OPD reads and downloads
    /// them, always as attachments named by their display code.
    func addEvidenceRoutes() {
        post(
            "/periods/:period/opds/:opd/evidence", .signedIn,
            maxBody: max(services.settings.maxUploadBytes, EvidenceInspector.maxBytes) + 64 * 1024
        ) { try uploadEvidence($0) }
        get("/evidence/:evidence", .signedIn) { call in
            guard let evidence = try call.id("evidence").flatMap({ try call.store.evidence(id: $0) }) else {
                return call.notFound()
            }
            guard call.principal!.mayRead(opdID: evidence.opdID) else { return call.forbidden() }
            return try evidencePage(call, evidence)
        }
        get("/evidence/:evidence/file", .signedIn) { try downloadEvidence($0) }
    }

    /// Takes an evidence file for the OPD of the path from its operator while uploads are open (HTML form or API):
    /// the type from the content against the allow-list, the size bounded, stored by hash under its display code.
    func uploadEvidence(_ call: Call) throws -> Response {
        guard let (period, opd) = try scope(call) else { return call.notFound() }
        guard call.principal!.maySubmit(opdID: opd.id) else { return call.forbidden() }
        if let locked = try uploadLocked(call, period: period, opd: opd) { return locked }
        let form = call.form ?? FormData()
        let indicator = form["indicator"] ?? ""
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let record = (form["record"] ?? "").trimmingCharacters(in: .whitespaces)
        let revises = (form["revises"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let file = form.files["file"],
            try Self.indicators(call, period: period).contains(where: { $0.id == indicator }),
            let level = form["level"].flatMap({ Int($0) }), (1...5).contains(level),
            !title.isEmpty, title.count <= 200, record.isEmpty || Self.isCode(record)
        else {
            return call.problem(.badRequest, call.words.evidenceInvalid)
        }
        let limit = min(services.settings.maxUploadBytes, EvidenceInspector.maxBytes)
        let kind: EvidenceInspector.Kind
        switch EvidenceInspector.inspect(file.data, fileName: file.fileName, maxBytes: limit) {
        case .success(let found): kind = found
        case .failure(let refusal):
            let shown = EvidenceInspector.displayName(file.fileName, fallback: "-")
            try call.audit("evidence.refused", "\(opd.code) · \(indicator) · \(shown): \(refusal)")
            return call.problem(
                refusal == .tooLarge ? .contentTooLarge : .unprocessableContent, call.words.refusal(refusal))
        }
        let hash = try call.services.blobs.put(file.data)
        let evidence: Evidence
        do {
            evidence = try call.store.addEvidence(
                NewEvidence(
                    periodID: period.id, opdID: opd.id, indicator: indicator, level: level, title: title,
                    record: record,
                    fileName: EvidenceInspector.displayName(
                        file.fileName, fallback: "\(indicator).\(kind.fileExtension)"),
                    contentHash: hash, size: Int64(file.data.count), kind: kind.rawValue,
                    accountID: call.account.id),
                revises: revises.isEmpty ? nil : revises)
        } catch PortalStoreError.missing {
            return call.problem(.badRequest, call.words.evidenceInvalid)
        }
        try call.audit("evidence.upload", "\(opd.code) · \(evidence.code) v\(evidence.version) (\(kind.rawValue))")
        if call.isAPI { return call.json(try EvidenceJSON(evidence, call: call), status: .created) }
        return call.redirect("/evidence/\(evidence.id)")
    }

    /// An evidence version's file, for whoever may read its OPD: always an attachment named by its code.
    func downloadEvidence(_ call: Call) throws -> Response {
        guard let evidence = try call.id("evidence").flatMap({ try call.store.evidence(id: $0) }) else {
            return call.notFound()
        }
        guard call.principal!.mayRead(opdID: evidence.opdID) else { return call.forbidden() }
        guard let kind = EvidenceInspector.Kind(rawValue: evidence.kind),
            let data = call.services.blobs.data(evidence.contentHash)
        else { return call.notFound() }
        try call.audit("evidence.download", "\(evidence.code) v\(evidence.version)")
        return call.download(
            data, name: "\(evidence.code)-v\(evidence.version).\(kind.fileExtension)", type: kind.mediaType)
    }

    /// The OPD page's evidence: each item's latest version with a link to its history, and the upload form for
    /// the OPD's operator while uploads are open.
    func evidenceSection(_ call: Call, period: Period, opd: OPD, open: Bool) throws -> HTML {
        let words = call.words
        let all = try call.store.evidence(periodID: period.id, opdID: opd.id)
        var latest: [Evidence] = []
        for item in all where latest.last?.code != item.code { latest.append(item) }
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        let rows: [HTML] = latest.map { item in
            let status = Self.statusBadge(words, book.status(of: all.filter { $0.code == item.code }))
            return """
                <tr><td><a href="/evidence/\(item.id)"><code>\(item.code)</code></a></td><td>\(item.indicator)</td><td>\(item.level)</td>\
                <td>\(item.title)</td><td>\(item.record.isEmpty ? "–" : item.record)</td><td>\(item.kind.uppercased())</td><td>\(item.version)</td>\
                <td>\(Layout.time(item.createdAt))</td><td>\(status)</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(words.noEvidence)</p>"
            : """
            <table><thead><tr><th>\(words.code)</th><th>\(words.indicator)</th><th>\(words.levelHeader)</th><th>\(words.evidenceTitle)</th>\
            <th>\(words.record)</th><th>\(words.type)</th><th>\(words.version)</th><th>\(words.time)</th><th>\(words.reviewStatus)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let heading: HTML = """
            <h2 id="evidence">\(words.evidenceFiles)</h2>
            <p><a href="/periods/\(period.id)/opds/\(opd.id)/checklist">\(words.checklist)</a></p>
            """
        guard call.principal!.maySubmit(opdID: opd.id), open else {
            return "\(heading)\(table)"
        }
        let indicators: [HTML] = try Self.indicators(call, period: period).map {
            "<option value=\"\($0.id)\">\($0.id) \($0.name)</option>"
        }
        let items: [HTML] = latest.map { "<option value=\"\($0.code)\">\($0.code): \($0.title)</option>" }
        return """
            \(heading)
            \(table)
            <form method="post" action="/periods/\(period.id)/opds/\(opd.id)/evidence" enctype="multipart/form-data" class="stack">\(Layout.csrf(call))
            <p>\(words.evidenceHelp)</p>
            <label for="ev-indicator">\(words.indicator)</label><select id="ev-indicator" name="indicator" required>\(indicators)</select>
            <label for="ev-level">\(words.levelHeader)</label><select id="ev-level" name="level">\((1...5).map { HTML("<option>\($0)</option>") })</select>
            <label for="ev-title">\(words.evidenceTitle)</label><input id="ev-title" name="title" required maxlength="200">
            <label for="ev-record">\(words.record)</label><input id="ev-record" name="record" maxlength="64">
            <label for="ev-revises">\(words.revises)</label><select id="ev-revises" name="revises"><option value="">\(words.newItem)</option>\(items)</select>
            <label for="ev-file">\(words.file)</label><input id="ev-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt" required>
            <p><button type="submit">\(words.uploadEvidence)</button></p></form>
            """
    }

    private func evidencePage(_ call: Call, _ evidence: Evidence) throws -> Response {
        let words = call.words
        let versions = try call.store.evidence(periodID: evidence.periodID, opdID: evidence.opdID)
            .filter { $0.code == evidence.code }
        let accounts = Dictionary(uniqueKeysWithValues: try call.store.accounts().map { ($0.id, $0.displayName) })
        let opd = try call.store.opd(id: evidence.opdID)
        let rows: [HTML] = versions.map {
            """
            <tr\(HTML(trusted: $0.id == evidence.id ? " class=\"current\"" : ""))><td>v\($0.version)</td><td><a href="/evidence/\($0.id)/file">\($0.fileName)</a></td>\
            <td>\($0.kind.uppercased())</td><td>\($0.size)</td><td><code>\(String($0.contentHash.prefix(12)))</code></td>\
            <td>\(accounts[$0.accountID] ?? "")</td><td>\(Layout.time($0.createdAt))</td></tr>
            """
        }
        let review = try evidenceReview(call, evidence, versions: versions, accounts: accounts)
        return call.html(
            "\(words.evidenceFiles) \(evidence.code)",
            """
            <p><a href="/periods/\(evidence.periodID)/opds/\(evidence.opdID)#evidence">\(opd?.name ?? "")</a></p>
            <p>\(words.indicator) <strong>\(evidence.indicator)</strong> · \(words.levelHeader) <strong>\(evidence.level)</strong> · \
            \(evidence.title)\(evidence.record.isEmpty ? "" : HTML(" · \(words.record) <code>\(evidence.record)</code>"))</p>
            <h2>\(words.versions)</h2>
            <table><thead><tr><th>\(words.version)</th><th>\(words.file)</th><th>\(words.type)</th><th>\(words.size)</th><th>SHA-256</th>\
            <th>\(words.uploadedBy)</th><th>\(words.time)</th></tr></thead><tbody>\(rows)</tbody></table>
            \(review)
            """)
    }
}

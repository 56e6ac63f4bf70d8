import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// The responsibility matrix of a period: the admin assigns each indicator's lead OPD, contributing OPDs and
    /// PJ; the OPD page lists what an OPD owes, the dashboard the load and progress per OPD and per PJ.
    func addResponsibilityRoutes() {
        get("/admin/periods/:period/responsibilities", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            return try matrixPage(call, period: period, notice: nil)
        }
        post("/admin/periods/:period/responsibilities", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            let opds = try call.store.opds()
            let indicators = try Self.indicators(call, period: period)
            guard let rows = Self.responsibilities(call.form ?? FormData(), indicators: indicators, opds: opds) else {
                return try matrixPage(call, period: period, notice: call.words.matrixInvalid, status: .badRequest)
            }
            try call.store.setResponsibilities(periodID: period.id, rows)
            let assigned = rows.filter { $0.leadOPDID != nil }.count
            try call.audit("responsibility.set", "\(period.name): \(assigned)/\(rows.count)")
            return call.redirect("/admin/periods/\(period.id)/responsibilities")
        }
    }

    /// The indicators of a period's pack (none when the pack no longer compiles).
    static func indicators(_ call: Call, period: Period) throws -> [CheckAdapter.IndicatorLine] {
        do throws(CheckAdapter.Failure) {
            return try call.services.engine.indicators(packPath: period.pack)
        } catch {
            return []
        }
    }

    /// The matrix of a period, stored rows over defaults.
    static func matrix(_ call: Call, period: Period, opds: [OPD]) throws -> ResponsibilityMatrix {
        ResponsibilityMatrix(
            indicators: try indicators(call, period: period),
            stored: try call.store.responsibilities(periodID: period.id),
            opds: opds)
    }

    /// The matrix of a form (`lead-ID`: an OPD id or empty; `contrib-ID`: OPD codes separated by commas or
    /// spaces; `pj-ID`: a name of at most 200 characters), nil when a field names no OPD or is too long.
    static func responsibilities(_ form: FormData, indicators: [CheckAdapter.IndicatorLine], opds: [OPD])
        -> [Responsibility]?
    {
        let ids = Set(opds.map(\.id))
        let byCode = Dictionary(uniqueKeysWithValues: opds.map { ($0.code, $0.id) })
        var rows: [Responsibility] = []
        for indicator in indicators {
            let leadText = form["lead-\(indicator.id)"] ?? ""
            let lead = Int64(leadText)
            guard leadText.isEmpty || lead.map(ids.contains) == true else { return nil }
            let pj = (form["pj-\(indicator.id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard pj.count <= 200 else { return nil }
            let codes = (form["contrib-\(indicator.id)"] ?? "").split { $0 == "," || $0 == " " }.map(String.init)
            var contributors: [Int64] = []
            for code in codes {
                guard let id = byCode[code] else { return nil }
                if id != lead, !contributors.contains(id) { contributors.append(id) }
            }
            rows.append(
                Responsibility(indicator: indicator.id, leadOPDID: lead, contributorIDs: contributors.sorted(), pj: pj))
        }
        return rows
    }

    /// Each OPD's current estimates by indicator, from its current submission's JSON report.
    static func estimates(_ call: Call, period: Period) throws -> [Int64: [String: CheckAdapter.Estimate]] {
        var estimates: [Int64: [String: CheckAdapter.Estimate]] = [:]
        for submission in try call.store.currentSubmissions(periodID: period.id) {
            guard let data = call.services.blobs.data(submission.reportJSONHash) else { continue }
            estimates[submission.opdID] = CheckAdapter.levels(inJSONReport: data)
        }
        return estimates
    }

    /// The estimate of a row: a pemda-level indicator's from the pemda's own inventory (the OPD coded `pemda`) when
    /// it has been sent, else the lead OPD's.
    static func estimate(
        _ row: ResponsibilityMatrix.Row, estimates: [Int64: [String: CheckAdapter.Estimate]], pemdaID: Int64?
    ) -> CheckAdapter.Estimate? {
        if row.indicator.pemdaLevel, let pemdaID, let estimate = estimates[pemdaID]?[row.indicator.id] {
            return estimate
        }
        return row.leadOPDID.flatMap { estimates[$0]?[row.indicator.id] }
    }

    /// The status cell of a row: unassigned, no inventory yet, or the estimated level against the target.
    static func status(_ words: Words, _ row: ResponsibilityMatrix.Row, _ estimate: CheckAdapter.Estimate?) -> HTML {
        guard row.leadOPDID != nil else { return "<span class=\"missing\">\(words.unassigned)</span>" }
        guard let estimate else { return "<span class=\"missing\">\(words.noInventory)</span>" }
        let target = estimate.target.map { " / \(words.target) \($0)" } ?? ""
        return
            "<span class=\"\(estimate.meetsTarget ? "ok" : "missing")\">\(words.level) \(estimate.level)\(target)</span>"
    }

    /// The OPD page's list of what the OPD owes in the period, with each indicator's status.
    func owedSection(_ call: Call, period: Period, opd: OPD) throws -> HTML {
        let words = call.words
        let opds = try call.store.opds()
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let matrix = try Self.matrix(call, period: period, opds: opds)
        let estimates = try Self.estimates(call, period: period)
        let pemdaID = opds.first { $0.code == "pemda" }?.id
        let (lead, contributing) = matrix.owed(by: opd.id)
        guard !lead.isEmpty || !contributing.isEmpty else {
            return "<h2>\(words.owed)</h2><p>\(words.nothingOwed)</p>"
        }
        let rows: [HTML] = (lead.map { ($0, words.leadRole) } + contributing.map { ($0, words.contributorRole) }).map {
            row, role in
            let leadName: String = row.leadOPDID.flatMap { names[$0] } ?? "–"
            return """
                <tr><td>\(row.indicator.id)</td><td>\(row.indicator.name)</td><td>\(role)</td><td>\(leadName)</td>\
                <td>\(row.pj.isEmpty ? "–" : row.pj)</td><td>\(Self.status(words, row, Self.estimate(row, estimates: estimates, pemdaID: pemdaID)))</td></tr>
                """
        }
        return """
            <h2>\(words.owed)</h2>
            <table><thead><tr><th>\(words.indicator)</th><th>\(words.name)</th><th>\(words.roleInIndicator)</th><th>\(words.leadOPD)</th><th>PJ</th><th>\(words.status)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    /// The dashboard's load and progress per OPD and per PJ: indicators led and contributed to, and how many of
    /// those led reach their target by the current estimate.
    func loadSection(_ call: Call, period: Period) throws -> HTML {
        let words = call.words
        let opds = try call.store.opds()
        let matrix = try Self.matrix(call, period: period, opds: opds)
        guard !matrix.rows.isEmpty else { return "" }
        let estimates = try Self.estimates(call, period: period)
        let pemdaID = opds.first { $0.code == "pemda" }?.id
        func meeting(_ rows: [ResponsibilityMatrix.Row]) -> Int {
            rows.filter { Self.estimate($0, estimates: estimates, pemdaID: pemdaID)?.meetsTarget == true }.count
        }
        let perOPD: [HTML] = opds.compactMap { opd in
            let (lead, contributing) = matrix.owed(by: opd.id)
            guard !lead.isEmpty || !contributing.isEmpty else { return nil }
            return
                "<tr><td><a href=\"/periods/\(period.id)/opds/\(opd.id)\">\(opd.name)</a></td><td>\(lead.count)</td><td>\(contributing.count)</td><td>\(meeting(lead)) / \(lead.count)</td></tr>"
        }
        let byPJ = Dictionary(grouping: matrix.rows.filter { !$0.pj.isEmpty }, by: \.pj)
        let perPJ: [HTML] = byPJ.keys.sorted().map { pj in
            let rows = byPJ[pj] ?? []
            return "<tr><td>\(pj)</td><td>\(rows.count)</td><td>\(meeting(rows)) / \(rows.count)</td></tr>"
        }
        let unassigned = matrix.rows.filter { $0.leadOPDID == nil }.count
        return """
            <h2>\(words.loadPerOPD)</h2>
            <p>\(words.unassignedCount): \(unassigned) / \(matrix.rows.count)</p>
            <table><thead><tr><th>OPD</th><th>\(words.leadRole)</th><th>\(words.contributorRole)</th><th>\(words.meetingTarget)</th></tr></thead><tbody>\(perOPD)</tbody></table>
            <h2>\(words.loadPerPJ)</h2>
            \(perPJ.isEmpty ? HTML("<p>\(words.none)</p>") : HTML("<table><thead><tr><th>PJ</th><th>\(words.indicators)</th><th>\(words.meetingTarget)</th></tr></thead><tbody>\(perPJ)</tbody></table>"))
            """
    }

    private func matrixPage(_ call: Call, period: Period, notice: String?, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        let words = call.words
        let opds = try call.store.opds()
        let codes = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.code) })
        let matrix = try Self.matrix(call, period: period, opds: opds)
        let rows: [HTML] = matrix.rows.map { row in
            let id = row.indicator.id
            let choices: [HTML] = opds.map {
                "<option value=\"\($0.id)\"\(HTML(trusted: $0.id == row.leadOPDID ? " selected" : ""))>\($0.code)</option>"
            }
            let contributors = row.contributorIDs.compactMap { codes[$0] }.joined(separator: ", ")
            let scope: HTML = row.indicator.pemdaLevel ? " <small>(\(words.pemdaLevel))</small>" : ""
            return """
                <tr><th scope="row">\(id)</th><td>\(row.indicator.name)\(scope)</td>\
                <td><select name="lead-\(id)" aria-label="\(id): \(words.leadOPD)"><option value="">–</option>\(choices)</select></td>\
                <td><input name="contrib-\(id)" value="\(contributors)" aria-label="\(id): \(words.contributorRole)" maxlength="500"></td>\
                <td><input name="pj-\(id)" value="\(row.pj)" aria-label="\(id): PJ" maxlength="200"></td></tr>
                """
        }
        let saved = try call.store.responsibilities(periodID: period.id).isEmpty ? words.matrixDefaults : ""
        return call.html(
            "\(words.matrix) · \(period.name)",
            """
            \(Self.notice(notice))
            <p>\(words.matrixHelp)</p>
            \(saved.isEmpty ? "" : HTML("<p class=\"notice\">\(saved)</p>"))
            <form method="post" action="/admin/periods/\(period.id)/responsibilities" class="stack">\(Layout.csrf(call))
            <table><thead><tr><th>\(words.indicator)</th><th>\(words.name)</th><th>\(words.leadOPD)</th><th>\(words.contributorRole) (\(words.codes))</th><th>PJ</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <p><button type="submit">\(words.save)</button></p></form>
            """, status: status)
    }
}

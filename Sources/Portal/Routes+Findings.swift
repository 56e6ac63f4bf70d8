import Foundation
import Hummingbird
import PortalStore

extension Routes {
    /// A submission's findings, filtered by aspect, severity or outcome (`?aspect=A3`), as a page and as an XLSX
    /// download: where every number of the dashboard leads.
    func addFindingsRoutes() {
        get("/submissions/:submission/findings", .signedIn) { call in
            guard let submission = try readable(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: submission.opdID) else { return call.forbidden() }
            guard let table = call.services.findingsTable(submission) else { return call.notFound() }
            return try findingsPage(call, submission, table, FindingsTable.Filter(query: call.query))
        }
        get("/submissions/:submission/findings.xlsx", .signedIn) { call in
            guard let submission = try readable(call) else { return call.notFound() }
            guard call.principal!.mayRead(opdID: submission.opdID) else { return call.forbidden() }
            guard let table = call.services.findingsTable(submission) else { return call.notFound() }
            let filter = FindingsTable.Filter(query: call.query)
            try call.audit("download", submission: submission.id, "findings.xlsx\(filter.query)")
            return call.download(
                try table.workbook(filter), name: "submission-\(submission.id)-findings.xlsx",
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }

    private func findingsPage(
        _ call: Call, _ submission: Submission, _ table: FindingsTable,
        _ filter: FindingsTable.Filter
    ) throws -> Response {
        let words = call.words
        let opd = try call.store.opd(id: submission.opdID)
        let base = "/submissions/\(submission.id)"
        func choices(_ name: String, _ values: [(String, String)], _ chosen: String?) -> HTML {
            let options: [HTML] = values.map { value, label in
                "<option value=\"\(value)\"\(HTML(trusted: value == chosen ? " selected" : ""))>\(label)</option>"
            }
            return "<select id=\"\(name)\" name=\"\(name)\"><option value=\"\">\(words.all)</option>\(options)</select>"
        }
        let aspects = table.aspects.map { ($0.id, "\($0.id) \($0.name)") }
        let severities = Set(table.rows.map(\.severity)).sorted().map { ($0, $0) }
        let outcomes = Set(table.rows.map(\.outcome)).sorted().map { ($0, $0) }
        let rows: [HTML] = table.rows(filter).map { row in
            """
            <tr><td><code>\(row.rule)</code> \(row.title)</td><td>\(row.severity)</td><td>\(row.indicator)</td><td>\(row.aspect)</td>\
            <td>\(row.outcome)</td><td>\(row.subject)</td><td><code>\(row.place)</code></td><td>\(row.message)</td></tr>
            """
        }
        let list: HTML =
            rows.isEmpty
            ? "<p class=\"notice\">\(words.noFindings)</p>"
            : """
            <table><thead><tr><th>\(words.rule)</th><th>\(words.severity)</th><th>\(words.indicator)</th><th>\(words.aspect)</th>\
            <th>\(words.outcome)</th><th>\(words.subject)</th><th>\(words.whereLabel)</th><th>\(words.message)</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table>
            """
        return call.html(
            "\(words.findingsTitle) · \(opd?.name ?? "") #\(submission.id)",
            """
            <p><a href="\(base)">\(words.submission) #\(submission.id)</a> · \
            <a href="\(base)/findings.xlsx\(filter.query)">\(words.findingsXLSX)</a></p>
            <form method="get" action="\(base)/findings" class="inline-form">
            <label for="aspect">\(words.aspect)</label> \(choices("aspect", aspects, filter.aspect))
            <label for="severity">\(words.severity)</label> \(choices("severity", severities, filter.severity))
            <label for="outcome">\(words.outcome)</label> \(choices("outcome", outcomes, filter.outcome))
            <button type="submit">\(words.filter)</button></form>
            <p>\(words.findingsTitle): \(rows.count) / \(table.rows.count)</p>
            \(list)
            """)
    }
}

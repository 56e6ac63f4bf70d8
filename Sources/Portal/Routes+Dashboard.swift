import Foundation
import Hummingbird
import PortalStore

/// One OPD's line on the dashboard.
struct DashboardRow: Sendable, Encodable {
    let opdID: Int64
    let code: String
    let name: String
    let submissionID: Int64?
    let submittedAt: Int64?
    let index: Double?
    let predicate: String?
    let failingFindings: Int?
}

/// The pemda dashboard of a period, as the page and the API give it.
struct Dashboard: Sendable, Encodable {
    struct Trend: Sendable, Encodable {
        let periodID: Int64
        let name: String
        let submitted: Int
        let index: Double?
        let predicate: String?
    }

    let periodID: Int64
    let periodName: String
    let opds: [DashboardRow]
    let submitted: Int
    let pemdaIndex: Double?
    let pemdaPredicate: String?
    let trend: [Trend]
}

extension Routes {
    /// The pemda dashboard: for admins and viewers (an operator sees its own OPD only).
    func addDashboardRoutes() {
        get("/dashboard", .signedIn) { call in
            guard call.account.role != .operator else { return call.forbidden() }
            // Read before anything the page shows: a write after it renders the page again.
            let generation = call.store.generation
            let selected = call.query["period"].flatMap { Int64($0) }
            // The day is in the key: stage countdowns and overdue follow-ups change at midnight without a write.
            let key = PageCache.Key(
                page: "dashboard \(CivilDay.day())", selector: selected, language: call.language,
                role: call.account.role)
            let shared = call.sharedByRole
            let page = try await call.services.pages.page(key, generation: generation) {
                try dashboardPage(shared, selected: selected)
            }
            return call.html(page.title, page.body)
        }
    }

    /// The dashboard page of the period `selected` (else the newest), without the site's frame.
    private func dashboardPage(_ call: Call, selected: Int64?) throws -> PageCache.Page {
        let periods = try call.store.periods()
        guard let period = selected.flatMap({ id in periods.first { $0.id == id } }) ?? periods.first else {
            return PageCache.Page(title: call.words.dashboard, body: "<p class=\"notice\">\(call.words.noPeriod)</p>")
        }
        let (dashboard, view) = try dashboard(call, period: period, periods: periods)
        return PageCache.Page(
            title: "\(call.words.dashboard) · \(period.name)",
            body: HTML.join([
                try page(call, dashboard, view: view, periods: periods), afterSubmissionLinks(call, period: period),
                try claimsSection(call, period: period),
                try reviewSummary(call, period: period),
                try loadSection(call, period: period),
                try officialSummary(call, period: period), try followUpSection(call, period: period),
            ]))
    }

    /// The dashboard of `period`, and the pemda's rendered evaluation when its own inventory is among the
    /// current submissions.
    func dashboard(_ call: Call, period: Period, periods: [Period]) throws -> (Dashboard, CheckAdapter.PemdaView?) {
        let opds = try call.store.opds()
        let current = try call.store.currentSubmissions(periodID: period.id)
        let byOPD = Dictionary(uniqueKeysWithValues: current.map { ($0.opdID, $0) })
        let rows = opds.map { opd in
            let submission = byOPD[opd.id]
            return DashboardRow(
                opdID: opd.id, code: opd.code, name: opd.name, submissionID: submission?.id,
                submittedAt: submission?.createdAt,
                index: submission?.index, predicate: submission?.predicate, failingFindings: submission?.failingFindings
            )
        }
        let view = try call.services.pemdaView(period: period, current: current, opds: opds)
        // The trend: each period's pemda estimate, oldest first (computed once per set of current submissions).
        let trend = try periods.reversed().map { other in
            let submissions = other.id == period.id ? current : try call.store.currentSubmissions(periodID: other.id)
            let estimate =
                other.id == period.id
                ? view : try call.services.pemdaView(period: other, current: submissions, opds: opds)
            return Dashboard.Trend(
                periodID: other.id, name: other.name, submitted: submissions.count, index: estimate?.index,
                predicate: estimate?.predicate)
        }
        return (
            Dashboard(
                periodID: period.id, periodName: period.name, opds: rows, submitted: current.count,
                pemdaIndex: view?.index,
                pemdaPredicate: view?.predicate, trend: trend
            ), view
        )
    }

    private func page(_ call: Call, _ dashboard: Dashboard, view: CheckAdapter.PemdaView?, periods: [Period]) throws
        -> HTML
    {
        let words = call.words
        let heatmap = try heatmap(call, periodID: dashboard.periodID, opds: dashboard.opds)
        // A number linked to the findings behind it, in the OPD's current submission.
        func findingsLink(_ row: DashboardRow, _ query: String, _ text: String) -> HTML {
            row.submissionID.map { "<a href=\"/submissions/\($0)/findings\(query)\">\(text)</a>" } ?? "\(text)"
        }
        let choices: [HTML] = periods.map {
            $0.id == dashboard.periodID
                ? "<strong>\($0.name)</strong> " : "<a href=\"/dashboard?period=\($0.id)\">\($0.name)</a> "
        }
        let rows: [HTML] = dashboard.opds.map { row in
            let status: HTML =
                row.submissionID.map {
                    "<span class=\"ok\">\(words.submitted)</span> <a href=\"/submissions/\($0)\">#\($0)</a>"
                }
                ?? "<span class=\"missing\">\(words.notSubmitted)</span>"
            return """
                <tr><td><a href="/periods/\(dashboard.periodID)/opds/\(row.opdID)">\(row.name)</a></td><td>\(status)</td>\
                <td>\(row.submittedAt.map(Layout.time) ?? "–")</td><td>\(findingsLink(row, "", Layout.index(row.index)))</td>\
                <td>\(row.predicate ?? "–")</td><td>\(findingsLink(row, "?outcome=fail", row.failingFindings.map { String($0) } ?? "–"))</td></tr>
                """
        }
        let trend: [HTML] = dashboard.trend.map {
            "<tr><td><a href=\"/dashboard?period=\($0.periodID)\">\($0.name)</a></td><td><a href=\"/dashboard?period=\($0.periodID)#opds\">\($0.submitted)</a></td><td><a href=\"/dashboard?period=\($0.periodID)#pemda\">\(Layout.index($0.index))</a></td><td>\($0.predicate ?? "–")</td></tr>"
        }
        let estimate: HTML =
            if let view {
                "<p class=\"notice\">\(words.pemdaEstimate): <strong><a href=\"#pemda\">\(Layout.index(view.index))</a></strong> (\(view.predicate ?? "–"))</p>"
            } else {
                "<p class=\"notice\">\(words.noPemda)</p>"
            }
        return """
            <p>\(words.period): \(choices)</p>
            \(estimate)
            <p>\(words.submitted): <a href="#opds">\(dashboard.submitted) / \(dashboard.opds.count)</a></p>
            <table id="opds"><thead><tr><th>OPD</th><th></th><th>\(words.time)</th><th>\(words.index)</th><th>\(words.predicate)</th><th>\(words.findings)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>\(words.trend)</h2>
            <table><thead><tr><th>\(words.period)</th><th>\(words.submitted)</th><th>\(words.index)</th><th>\(words.predicate)</th></tr></thead><tbody>\(trend)</tbody></table>
            \(heatmap)
            \(view.map { HTML("<div class=\"report-frame\" id=\"pemda\">\(HTML(trusted: $0.bodyHTML))</div>") } ?? "")
            """
    }
}

import Foundation
import PortalStore

extension Routes {
    /// The heatmap of OPDs by aspect from the period's current submissions: each cell the OPD's aspect index,
    /// linked to that OPD's findings in the aspect.
    func heatmap(_ call: Call, periodID: Int64, opds: [DashboardRow]) throws -> HTML {
        let current = Dictionary(
            uniqueKeysWithValues: try call.store.currentSubmissions(periodID: periodID).map { ($0.opdID, $0) })
        let tables: [(DashboardRow, Submission, FindingsTable)] = opds.compactMap { row in
            guard let submission = current[row.opdID], let table = call.services.findingsTable(submission) else {
                return nil
            }
            return (row, submission, table)
        }
        guard let aspects = tables.map(\.2.aspects).max(by: { $0.count < $1.count }), !aspects.isEmpty else {
            return ""
        }
        let words = call.words
        let head: [HTML] = aspects.map { "<th scope=\"col\"><abbr title=\"\($0.name)\">\($0.id)</abbr></th>" }
        let rows: [HTML] = tables.map { row, submission, table in
            let cells: [HTML] = aspects.map { aspect in
                let index = table.aspects.first { $0.id == aspect.id }?.index
                let level = index.map { min(5, max(1, Int($0.rounded(.down)))) } ?? 0
                return
                    "<td class=\"heat heat-\(level)\"><a href=\"/submissions/\(submission.id)/findings?aspect=\(aspect.id)\">\(Layout.index(index))</a></td>"
            }
            return "<tr><th scope=\"row\">\(row.name)</th>\(HTML.join(cells, separator: ""))</tr>"
        }
        return """
            <h2 id="heatmap">\(words.heatmap)</h2>
            <p>\(words.heatmapHelp)</p>
            <table class="heatmap"><thead><tr><th scope="col">OPD</th>\(HTML.join(head, separator: ""))</tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table>
            """
    }
}

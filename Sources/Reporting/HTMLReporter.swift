import DataModel
import Engine
import Packs

/// Renders one self-contained HTML page (no network, no external assets) that prints to PDF: per inventory a
/// summary with the estimated index and predicate, a radar chart of the aspects (with its data as a table), what
/// to fix first, the level of every indicator against its target, and the findings grouped by indicator.
///
/// Printed on A4, a single OPD starts with its summary on page 1, and a regency report with the pemda's summary,
/// heatmap (with its aspect legend) and cross-OPD findings, each OPD's detail on the pages after. Colour never
/// carries meaning alone: badges hold words in the report's language, heatmap cells their index, level cells
/// their number and a status column; and the colours that do carry meaning print even with background graphics
/// off.
public struct HTMLReporter: StreamingReporter {
    /// Creates a reporter.
    public init() {}

    /// The report's style sheet, for a site that serves it as a file instead of inline (the portal).
    public static var styleSheet: String { style }

    /// The page's header and the opening of its main landmark (the `<head>`, which names the page's subject,
    /// is written by `assemble`).
    public func begin(_ report: Report) -> [UInt8] {
        let words = ReportWords(language: report.language)
        let metadata = report.pack.pack.metadata
        var body = [
            "<header><h1>\(e(metadata.title.text(in: report.language)))</h1>",
            "<p class=\"meta\"><code>\(e(metadata.id))</code> \(e(metadata.version)) · \(e(metadata.framework)) · \(e(words.asOf)) \(report.asOf)</p>",
        ]
        if metadata.provisional { body.append("<p class=\"provisional\">\(e(words.provisional))</p>") }
        body.append("</header>")
        body.append("<main>")
        return Array(body.joined(separator: "\n").utf8)
    }

    /// One inventory's part: its title (escaped) and overview cells, framed, then its section after the line
    /// that opens it (whose anchor is the inventory's position, known when the parts are assembled).
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        let digest = ReportDigest(evaluation: evaluation, report: report)
        let failed = evaluation.findings.filter { $0.outcome == .fail }.count
        let cells = "</a></td><td>\(e(digest.index ?? "-"))</td><td>\(failed)</td></tr>"
        return FramedPart.frame([Array(e(digest.title).utf8), Array(cells.utf8), section(digest)])
    }

    /// The inventories that could not be reported, then each pemda's section, each after a line break.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        let failures = failureSection(report).map { "\n" + $0 }.joined()
        return Array(
            (failures + report.regencies.map { "\n" + regency(RegencyDigest(regency: $0, report: report)) }.joined())
                .utf8)
    }

    /// The close of the main landmark and of the page.
    public func end(_ report: Report, count: Int) -> [UInt8] { Array("\n</main>\n</body>\n</html>\n".utf8) }

    /// The page's title and the pemdas come before the inventories.
    public var holdsInventories: Bool { true }

    /// The head, the header, the pemdas, an overview of the inventories when there are several, each
    /// inventory's section, the end.
    public func assemble(_ report: Report, parts: any HeldParts, write: ([UInt8]) -> Void) {
        let words = ReportWords(language: report.language)
        let subject =
            report.regencies.count == 1
            ? e(report.regencies[0].name)
            : parts.count == 1
                ? String(decoding: FramedPart.firstField(of: 0, in: parts), as: UTF8.self)
                : e("\(parts.count) \(words.inventories)")
        write(head(report, subject: subject))
        write(begin(report))
        write(regencies(report, count: parts.count))
        if parts.count > 1 {
            write(
                Array(
                    "\n<section class=\"overview\"><h2>\(e(words.summaryTitle))</h2><table><thead><tr><th>OPD</th><th>\(e(words.estimatedIndex))</th><th>\(e(words.findings))</th></tr></thead><tbody>"
                        .utf8))
            for position in 0..<parts.count {
                let fields = FramedPart.leadingFields(2, of: position, in: parts)
                write(Array("\n<tr><td><a href=\"#opd-\(position + 1)\">".utf8) + fields[0] + fields[1])
            }
            write(Array("\n</tbody></table></section>".utf8))
        }
        for position in 0..<parts.count {
            write(
                Array("\n<section class=\"inventory\" id=\"opd-\(position + 1)\">\n".utf8)
                    + FramedPart.fields(of: parts.part(position))[2])
        }
        write(end(report, count: parts.count))
    }

    /// Everything before the body, with a `<title>` naming `subject` (escaped), the pack and the date.
    func head(_ report: Report, subject: String) -> [UInt8] {
        let metadata = report.pack.pack.metadata
        let head = """
            <!DOCTYPE html>
            <html lang="\(e(report.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(subject) — \(e(metadata.title.text(in: report.language))) — \(report.asOf)</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>

            """
        return Array(head.utf8)
    }

    private func regency(_ digest: RegencyDigest) -> String {
        let words = digest.words
        let regency = digest.regency
        let joint = digest.joint
        var out = [
            "<section class=\"regency\">", "<h2>\(e(regency.name))</h2>",
            "<p class=\"meta\"><code>\(e(regency.folder))</code>, \(regency.members.count) \(e(words.inventoriesOf))</p>",
            "<div class=\"summary\"><div class=\"score\"><div class=\"index\">\(e(joint.index ?? "-"))</div>",
            "<div class=\"label\">\(e(words.pemdaIndex)) — \(e(words.pemdaBasis))</div>",
        ]
        if let note = joint.borderlineNote { out.append("<p class=\"borderline\">\(e(note))</p>") }
        out.append("<table class=\"parts\"><tbody>")
        for part in regency.pemda.score.domains {
            out.append(
                "<tr><td>\(e(part.id)) \(e(part.name))</td><td class=\"num\">\(part.index.map(IndexFormatting.twoDecimals) ?? "-")</td></tr>"
            )
        }
        let axes = regency.pemda.score.aspects.map { (label: $0.id, name: $0.name, value: $0.index ?? 0) }
        out.append("</tbody></table></div>" + chart(axes, subject: regency.name, words: words) + "</div>")
        out.append(priorities(joint))
        out.append(heatmap(digest))
        let shared = digest.sharedIndicators
        if !shared.isEmpty {
            out.append("<h3>\(e(words.pemdaLevelTitle))</h3><ul class=\"pemda-level\">")
            out += shared.map {
                "<li><strong>\(e($0.id))</strong> \(e($0.name)): \(e(words.level)) \($0.level) — \(e($0.reason))</li>"
            }
            out.append("</ul>")
        }
        if !regency.crossFindings.isEmpty {
            out.append("<h3>\(e(words.crossFindings))</h3>")
            for finding in regency.crossFindings {
                out.append(
                    "<h4>\(e(digest.headline(finding.kind))): <code>\(e(finding.topic))</code></h4><ul class=\"findings\">"
                )
                out += finding.subjects.map {
                    "<li class=\"medium\">\(e(digest.describe($0)))<br><span class=\"where\">\(e($0.location.description))</span></li>"
                }
                out.append("</ul>")
            }
        }
        out.append("</section>")
        return out.joined(separator: "\n")
    }

    /// OPDs by aspect, each cell coloured from red (0) to green (5), with the pass rate and weakest indicators.
    private func heatmap(_ digest: RegencyDigest) -> String {
        let words = digest.words
        let aspects = digest.regency.pemda.score.aspects
        var out = [
            "<h3>\(e(words.heatmap))</h3><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(words.heatmap))\">"
                + "<table class=\"heatmap\"><thead><tr><th>OPD</th><th>\(e(words.simulatedIndex))</th>"
        ]
        out += aspects.map { "<th title=\"\(e($0.name))\">\(e($0.id))</th>" }
        out.append("<th>\(e(words.passRate))</th><th>\(e(words.weakest))</th></tr></thead><tbody>")
        for row in digest.rows {
            let name = row.evaluation.opdName.isEmpty ? row.evaluation.source : row.evaluation.opdName
            var cells = ["<tr><td>\(e(name))</td><td class=\"num\">\(e(row.index))</td>"]
            for part in row.evaluation.score.aspects {
                let value = part.index.map { $0.isFinite ? min(max($0, 0), 5) : 0 } ?? 0
                let hue = Int((value / 5 * 120).rounded())
                cells.append(
                    "<td class=\"heat\" style=\"background: hsl(\(hue), 65%, 78%)\">\(part.index.map(IndexFormatting.twoDecimals) ?? "-")</td>"
                )
            }
            cells.append(
                "<td class=\"num\">\(RegencyDigest.percent(row.passRate))</td><td>\(e(row.weakest.joined(separator: ", ")))</td></tr>"
            )
            out.append(cells.joined())
        }
        out.append("</tbody></table></div>")
        out.append(
            "<p class=\"legend\"><b>\(e(words.aspectLegend)):</b> "
                + aspects.map { "<b>\(e($0.id))</b> \(e($0.name))" }.joined(separator: " · ") + "</p>")
        return out.joined(separator: "\n")
    }

    /// A radar chart with an accessible name, and its data as a table for readers that do not see it.
    private func chart(_ axes: [(label: String, name: String, value: Double)], subject: String, words: ReportWords)
        -> String
    {
        var out = [
            "<div class=\"chart\">" + RadarChart(axes: axes).svg(label: "\(words.radarLabel): \(subject)")
                + "</div><div class=\"chart-table\">"
        ]
        out.append(
            "<table class=\"chart-data\"><caption>\(e(words.chartData))</caption><thead><tr><th>\(e(words.aspectLegend))</th><th>\(e(words.name))</th><th>\(e(words.index))</th></tr></thead><tbody>"
        )
        out += axes.map {
            "<tr><td>\(e($0.label))</td><td>\(e($0.name))</td><td class=\"num\">\(IndexFormatting.twoDecimals($0.value))</td></tr>"
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    /// An inventory's section after the line that opens it.
    private func section(_ digest: ReportDigest) -> [UInt8] {
        let words = digest.words
        var out = [
            "<h2>\(e(digest.title))</h2>",
            "<p class=\"meta\"><code>\(e(digest.evaluation.source))</code></p>",
        ]
        out.append("<div class=\"summary\"><div class=\"score\">")
        if let index = digest.index {
            out.append(
                "<div class=\"index\">\(e(index))</div><div class=\"label\">\(e(words.estimatedIndex)) — \(e(words.simulation))</div>"
            )
            if let waived = digest.indexWithWaivers {
                out.append("<div class=\"label\">\(e(words.withWaivers)): \(e(waived))</div>")
            }
            if let note = digest.borderlineNote { out.append("<p class=\"borderline\">\(e(note))</p>") }
        } else {
            out.append("<div class=\"label\">\(e(words.noOfficialIndex))</div>")
        }
        out.append("<table class=\"parts\"><tbody>")
        for part in digest.evaluation.score.domains {
            out.append(
                "<tr><td>\(e(part.id)) \(e(part.name))</td><td class=\"num\">\(part.index.map(IndexFormatting.twoDecimals) ?? "-")</td></tr>"
            )
        }
        out.append("</tbody></table></div>")
        let aspects = digest.evaluation.score.aspects.map { (label: $0.id, name: $0.name, value: $0.index ?? 0) }
        let domains = digest.evaluation.score.domains.map { (label: $0.id, name: $0.name, value: $0.index ?? 0) }
        let axes = aspects.count >= 3 ? aspects : domains
        out.append(chart(axes, subject: digest.title, words: words) + "</div>")
        out.append(priorities(digest))
        var html = XMLBytes(capacity: 1 << 16)
        html.markup(escaped: out.joined(separator: "\n"))
        html.markup("\n")
        indicatorTable(digest, into: &html)
        html.markup("\n")
        findings(digest, into: &html)
        html.markup("\n</section>")
        return html.bytes
    }

    private func priorities(_ digest: ReportDigest) -> String {
        let words = digest.words
        let items = digest.recommendations
        guard !items.isEmpty else { return "" }
        var out = ["<h3>\(e(words.priorities))</h3><ol class=\"priorities\">"]
        for item in items {
            let spec = digest.pack.indicators[item.indicatorIndex].spec
            out.append(
                "<li><strong>\(e(spec.id)) \(e(spec.name))</strong>: \(e(words.level)) \(item.fromLevel) → \(item.toLevel), "
                    + "<span class=\"gain\">+\(IndexFormatting.gain(item.gain)) \(e(words.index))</span>, \(e(words.effort)) \(Value.format(item.effort))"
                    + (digest.needs(item).map { "<br><span class=\"needs\">\(e($0))</span>" } ?? "") + "</li>")
        }
        out.append("</ol>")
        if let plan = digest.plan {
            out.append(
                "<p class=\"plan\">\(e(words.planTitle)) <strong>\(e(plan.predicate))</strong> (\(e(IndexFormatting.edge(of: plan)))): "
                    + "\(e(digest.steps(plan))); \(e(words.totalEffort)) \(Value.format(plan.effort)) → \(e(words.index)) \(IndexFormatting.twoDecimals(plan.index))</p>"
            )
        }
        return out.joined(separator: "\n")
    }

    /// Perf: written as escaped bytes; a row built by interpolation, each text escaped into a string of its own,
    /// was a tenth of the HTML report (callgrind, 100 OPDs of spbe-bench).
    private func indicatorTable(_ digest: ReportDigest, into html: inout XMLBytes) {
        let words = digest.words
        html.markup(
            escaped:
                "<h3>\(e(words.indicatorsTitle))</h3><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(words.indicatorsTitle)): \(e(digest.title))\"><table class=\"indicators\"><thead><tr><th>\(e(words.indicator))</th><th>\(e(words.level))</th><th>\(e(words.target))</th><th>\(e(words.status))</th><th>\(e(words.weight))</th></tr></thead><tbody>"
        )
        for indicator in digest.pack.indicators {
            let level = digest.evaluation.indicators[indicator.index].level
            let meets = indicator.spec.target.map { level >= $0 }
            switch meets {
            case true?: html.markup("\n<tr class=\"ok\"><td>")
            case false?: html.markup("\n<tr class=\"gap\"><td>")
            case nil: html.markup("\n<tr class=\"none\"><td>")
            }
            html.text(indicator.spec.id)
            html.markup(" ")
            html.text(indicator.spec.name)
            html.markup("</td><td><span class=\"level\">")
            html.number(level)
            html.markup("</span> ")
            html.text(digest.levelName(indicator))
            html.markup("</td><td class=\"num\">")
            if let target = indicator.spec.target { html.number(target) } else { html.markup("-") }
            html.markup("</td><td>")
            html.text(meets.map { $0 ? words.meetsTarget : words.belowTarget } ?? words.noTarget)
            html.markup("</td><td class=\"num\">")
            html.text(Value.format(indicator.spec.weight))
            html.markup("</td></tr>")
        }
        html.markup("\n</tbody></table></div>")
    }

    /// An inventory's findings, grouped by indicator. Perf: written as escaped bytes as it goes; an item per
    /// finding built by interpolation, each text escaped into a string of its own, was a third of the HTML report
    /// (callgrind, 100 OPDs of spbe-bench).
    private func findings(_ digest: ReportDigest, into html: inout XMLBytes) {
        let words = digest.words
        let language = digest.report.language
        let groups = digest.findingsByIndicator
        guard !groups.isEmpty else { return html.markup(escaped: "<p>\(e(words.noFindings))</p>") }
        html.markup("<h3>")
        html.text(words.findings)
        html.markup("</h3>")
        // A rule's recommendation is written at its first failure only: it is the same text for every subject.
        var advised = Set<Int>()
        for (indicator, findings) in groups {
            html.markup("\n<h4>")
            html.text(indicator.map { "\($0.spec.id) \($0.spec.name)" } ?? words.otherRules)
            html.markup("</h4><ul class=\"findings\">")
            for finding in findings {
                // Perf: the rule's fields read in place; a copy of its spec per finding was 4% of the HTML report
                // (callgrind, 100 OPDs of spbe-bench).
                let rule = digest.pack.rules[finding.ruleIndex]
                html.markup("\n<li class=\"")
                let kind =
                    finding.waiver != nil
                    ? "waived" : (finding.outcome == .fail ? rule.spec.severity.rawValue : "unknown")
                html.text(kind)
                html.markup("\"><span class=\"badge\">")
                html.text(digest.badgeWords(finding))
                html.markup("</span> <code>")
                html.text(rule.spec.id)
                html.markup("</code> ")
                html.message(of: finding, otherwise: rule.spec.title.text(in: language))
                html.markup("<br><span class=\"where\">")
                html.location(finding.location)
                html.markup("</span>")
                if !advised.contains(finding.ruleIndex), let todo = digest.todo(finding) {
                    advised.insert(finding.ruleIndex)
                    html.markup("<br><span class=\"todo\">→ ")
                    html.text(todo)
                    html.markup("</span>")
                }
                html.markup("</li>")
            }
            html.markup("\n</ul>")
        }
    }

    func e(_ text: String) -> String { XMLText.escape(text) }

    static let style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; line-height: 1.4; }
        h1 { border-bottom: 3px solid #b5121b; padding-bottom: .3rem; margin-bottom: .2rem; }
        h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccd; }
        .meta { color: #5a6275; margin-top: 0; }
        .provisional { background: #fff8e1; border-left: 4px solid #e0a400; padding: .4rem .8rem; font-weight: 600; }
        .summary { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
        .score { flex: 1 1 18rem; }
        .index { font-size: 2.6rem; font-weight: 700; color: #b5121b; }
        .label { color: #5a6275; }
        .chart { flex: 0 1 360px; max-width: 360px; }
        .chart-table { flex: 1 1 14rem; }
        .chart svg { max-width: 100%; height: auto; }
        .legend { font-size: .78rem; color: #5a6275; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
        caption { text-align: left; font-weight: 600; font-size: .85rem; color: #5a6275; }
        th, td { border: 1px solid #d5d9e2; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef0f5; }
        td.num { text-align: right; }
        table.parts td { border: none; border-bottom: 1px solid #e4e7ee; }
        table.chart-data { font-size: .8rem; }
        table.chart-data td, table.chart-data th { padding: .1rem .4rem; }
        tr.ok .level { background: #2e7d32; }
        tr.gap .level { background: #c62828; }
        tr.none .level { background: #78909c; }
        .level { display: inline-block; min-width: 1.4rem; text-align: center; color: #fff; border-radius: 3px; font-weight: 700; }
        ol.priorities li { margin-bottom: .4rem; }
        .gain { color: #2e7d32; font-weight: 600; }
        .needs, .where { color: #5a6275; font-size: .88rem; }
        .plan { background: #eef6ee; border-left: 4px solid #2e7d32; padding: .4rem .8rem; }
        ul.findings { list-style: none; padding-left: 0; }
        ul.findings li { border-left: 4px solid #c9ced9; padding: .3rem .6rem; margin: .3rem 0; background: #fafbfd; }
        ul.findings li.critical, ul.findings li.high { border-left-color: #c62828; }
        ul.findings li.medium { border-left-color: #ef6c00; }
        ul.findings li.low, ul.findings li.info { border-left-color: #f9a825; }
        ul.findings li.unknown { border-left-color: #0277bd; }
        ul.findings li.waived { border-left-color: #78909c; opacity: .8; }
        .badge { font-weight: 700; font-size: .8rem; }
        .todo { font-size: .9rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table.heatmap { font-size: .85rem; }
        table.heatmap td.heat { text-align: center; font-variant-numeric: tabular-nums; }
        section.regency { border: 2px solid #b5121b; border-radius: 6px; padding: 0 1rem 1rem; margin-top: 2rem; }
        code { background: #f3f4f8; padding: 0 .2rem; border-radius: 3px; overflow-wrap: anywhere; }
        .level, .heat, .index, ul.findings li, .plan, .provisional { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media (max-width: 30rem) {
          body { padding: 0 .5rem; margin: 1rem auto; }
          section.regency { padding: 0 .5rem .5rem; }
          th, td { padding: .2rem .3rem; }
          table.heatmap { font-size: .72rem; }
        }
        @page { size: A4; margin: 12mm 12mm 14mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 8.5pt; line-height: 1.2; }
          h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1rem; } h3 { font-size: 11pt; margin: .6rem 0 .3rem; } h4 { font-size: 9.5pt; margin: .4rem 0 .2rem; }
          .index { font-size: 20pt; }
          .summary { gap: 1rem; }
          .summary { flex-wrap: nowrap; }
          .score { flex: 1 1 50mm; }
          .chart { flex: 0 0 55mm; max-width: 55mm; }
          .chart svg { width: 55mm; height: 55mm; }
          .chart-table { flex: 1 1 60mm; }
          table { font-size: 8pt; margin: .3rem 0; }
          th, td { padding: .05rem .3rem; }
          section.regency { border: none; padding: 0; margin-top: 0; }
          section.inventory + section.inventory, section.overview + section.inventory { break-before: page; }
          ul.findings { columns: 2; column-gap: 1rem; margin: .2rem 0; }
          ul.findings li { padding: .05rem .4rem; margin: 0 0 .15rem; break-inside: avoid; font-size: 8pt; }
          ul.findings li br { display: none; }
          table.indicators td:nth-child(n+2) { white-space: nowrap; }
          ul.findings li .where::before { content: " — "; }
          ul.findings li .todo { display: block; }
          .needs, .where, .todo { font-size: 7pt; }
          ol.priorities li { margin-bottom: .15rem; }
          h3, h4 { break-after: avoid; }
          tr, li { break-inside: avoid; }
        }
        """
}

import DataModel
import Engine
import Packs

/// The evidence checklist of `spbe evidence`: per indicator, what an assessor asks for at the current and the
/// next level, present (with the record that holds it) or missing.
public struct EvidenceReport: Sendable {
    /// The pack.
    public let pack: CompiledPack
    /// Whose evidence it is (an OPD, or a pemda from several inventories).
    public let title: String
    /// The evaluation date.
    public let asOf: Day
    /// Per indicator, in pack order.
    public let indicators: [IndicatorEvidence]
    /// Language of the report's words.
    public let language: String
    /// The evidence files uploaded for the inventory's owner, when known: each level then lists its files, or says
    /// none is uploaded, and a level with files that is neither the reached nor the next one is shown too. Nil: the
    /// checklist says nothing of uploads.
    public let uploads: [UploadedEvidence]?

    /// Creates a checklist.
    public init(
        pack: CompiledPack, title: String, asOf: Day, indicators: [IndicatorEvidence], language: String = "id",
        uploads: [UploadedEvidence]? = nil
    ) {
        self.pack = pack
        self.title = title
        self.asOf = asOf
        self.indicators = indicators
        self.language = language
        self.uploads = uploads
    }

    /// The formats a checklist is written in.
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html
    }

    /// The checklist in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .html: html()
        }
    }

    var words: ReportWords { ReportWords(language: language) }

    func levelName(_ indicator: CompiledIndicator, _ level: Int) -> String {
        pack.framework.scale(indicator.spec.scaleID)?.name(of: level) ?? "-"
    }

    private func text() -> String {
        let metadata = pack.pack.metadata
        var out = [
            "\(words.evidenceTitle): \(title)",
            "\(metadata.id) \(metadata.version) · \(metadata.framework) · \(words.asOf) \(asOf)",
        ]
        for (domainIndex, domain) in pack.framework.domains.enumerated() {
            out += ["", "\(domain.id) \(domain.name)"]
            for item in indicators where pack.indicators[item.indicatorIndex].domainIndex == domainIndex {
                let indicator = pack.indicators[item.indicatorIndex]
                out.append(
                    "  \(indicator.spec.id) \(indicator.spec.name) — \(words.level) \(item.level) \(levelName(indicator, item.level))"
                )
                for row in rows(item) {
                    let met = row.state == .met
                    let mark = row.state.map { $0 == .met ? words.present : words.missing } ?? "–"
                    out.append(
                        "    [\(mark)] \(words.level) \(row.level)" + (row.description.map { ": \($0)" } ?? ""))
                    out += row.asked.map { "        - \($0)" }
                    if met {
                        out += row.witnesses.map {
                            "        \(words.heldBy) \($0.collection) \($0.record)  \($0.location)"
                        }
                        if row.witnesses.isEmpty { out.append("        \(words.noRecord)") }
                    }
                    out += uploadLines(row, indent: "        ")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func markdown() -> String {
        let metadata = pack.pack.metadata
        var out = [
            "# \(words.evidenceTitle)", "",
            "**\(title)** · `\(metadata.id)` \(metadata.version) · \(words.asOf) \(asOf)",
        ]
        for item in indicators {
            let indicator = pack.indicators[item.indicatorIndex]
            out += [
                "", "### \(indicator.spec.id) \(indicator.spec.name)", "",
                "\(words.level) \(item.level) \(levelName(indicator, item.level))", "",
            ]
            for row in rows(item) {
                let met = row.state == .met
                out.append(
                    "- [\(met ? "x" : " ")] **\(words.level) \(row.level)**" + (row.description.map { ": \($0)" } ?? "")
                )
                out += row.asked.map { "  - \($0)" }
                if met {
                    out += row.witnesses.map {
                        "  - \(words.heldBy) `\($0.collection)` \($0.record) — `\($0.location)`"
                    }
                }
                out += uploadLines(row, indent: "  - ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func html() -> String {
        let metadata = pack.pack.metadata
        var rows: [String] = []
        for item in indicators {
            let indicator = pack.indicators[item.indicatorIndex]
            for row in self.rows(item) {
                let met = row.state == .met
                var holders = row.witnesses.map {
                    "\(e($0.collection)) \(e($0.record)) <span class=\"where\">\(e($0.location.description))</span>"
                }
                if met && holders.isEmpty { holders = [e(words.noRecord)] }
                let state = row.state.map { _ in "\(met ? "☑" : "☐") \(e(met ? words.present : words.missing))" } ?? "–"
                rows.append(
                    "<tr class=\"\(met ? "ok" : "gap")\"><td>\(e(indicator.spec.id)) \(e(indicator.spec.name))</td><td>\(row.level) \(e(levelName(indicator, row.level)))</td>"
                        + "<td>\(state)</td>"
                        + "<td>\(row.asked.map(e).joined(separator: "<br>"))</td><td>\(holders.joined(separator: "<br>"))</td>\(uploadCell(row))</tr>"
                )
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(e(language))">
            <head><meta charset="utf-8"><title>\(e(words.evidenceTitle))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #1d2433; }
            h1 { border-bottom: 3px solid #b5121b; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; }
            th, td { border: 1px solid #d5d9e2; padding: .3rem .5rem; vertical-align: top; text-align: left; }
            th { background: #eef0f5; }
            tr.ok td:nth-child(3) { color: #2e7d32; font-weight: 600; }
            tr.gap td:nth-child(3) { color: #c62828; font-weight: 600; }
            .where { color: #5a6275; font-size: .85rem; }
            @media print { body { max-width: none; margin: 0; } tr { break-inside: avoid; } }
            </style></head>
            <body>
            <h1>\(e(words.evidenceTitle))</h1>
            <p><strong>\(e(title))</strong> · <code>\(e(metadata.id))</code> \(e(metadata.version)) · \(e(words.asOf)) \(asOf)</p>
            <table><thead><tr><th>\(e(words.indicator))</th><th>\(e(words.level))</th><th>\(e(words.status))</th><th>\(e(words.evidenceTitle))</th><th>\(e(words.heldBy))</th>\(uploads == nil ? "" : "<th>\(e(words.uploaded))</th>")</tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            </body>
            </html>

            """
    }

    func e(_ text: String) -> String { XMLText.escape(text) }
}

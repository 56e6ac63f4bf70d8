import Foundation
import Packs
import PortalStore

extension Routes {
    /// The levels of one indicator three ways, and the official result.
    private struct Line {
        let row: ResponsibilityMatrix.Row
        let claim: Int?
        let estimate: Int?
        let result: OfficialResult?
    }

    /// The results page of a period: the pemda's index claimed, estimated and official, per domain and aspect, per
    /// indicator with the gaps highlighted and the previous period's official level beside it (through the
    /// framework mapping when the packs differ), the evidence outcomes, and the admin's forms.
    func resultsPage(_ call: Call, period: Period, refused: [CheckAdapter.UploadDiagnostic]?) throws -> HTML {
        let words = call.words
        let opds = try call.store.opds()
        let matrix = try Self.matrix(call, period: period, opds: opds)
        let claims = Dictionary(
            try call.store.claims(periodID: period.id).map { ($0.indicator, $0.level) }, uniquingKeysWith: { a, _ in a }
        )
        let estimates = try Self.estimates(call, period: period)
        let pemdaID = opds.first { $0.code == "pemda" }?.id
        let results = try call.store.officialResults(periodID: period.id)
        let byIndicator = Dictionary(results.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let lines = matrix.rows.map { row in
            Line(
                row: row, claim: claims[row.indicator.id],
                estimate: Self.estimate(row, estimates: estimates, pemdaID: pemdaID)?.level,
                result: byIndicator[row.indicator.id])
        }
        var estimated: [String: Int] = [:]
        for line in lines { estimated[line.row.indicator.id] = line.estimate }
        let claimedLevels = estimated.merging(claims) { _, claim in claim }
        let officialLevels = byIndicator.mapValues(\.level)
        let engine = call.services.engine
        var breakdowns: [CheckAdapter.Breakdown] = []
        do throws(CheckAdapter.Failure) {
            for levels in [claimedLevels, estimated, officialLevels] {
                breakdowns.append(try engine.breakdown(packPath: period.pack, levels: levels))
            }
        } catch {
            return "<p class=\"error\">\(error.message)</p>"
        }
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let previous = try previousLevels(call, period: period)
        return HTML.join([
            importErrors(words, refused),
            summary(words, breakdowns, counted: results.count, of: lines.count),
            partsTable(words, breakdowns, official: !results.isEmpty),
            indicatorTable(words, lines, names: names, previous: previous),
            try evidenceOutcomes(call, period: period, names: names),
            call.account.role == .admin ? try adminForms(call, period: period, lines: lines) : "",
        ])
    }

    private func summary(_ words: Words, _ scores: [CheckAdapter.Breakdown], counted: Int, of total: Int) -> HTML {
        let labels = [words.claimedIndex, words.estimatedIndex, words.officialIndex]
        // Before any official result there is no official index to show (the floor everywhere would read as one).
        let parts: [HTML] = zip(labels, scores).prefix(counted == 0 ? 2 : 3).map { label, score in
            "\(label): <strong>\(Layout.index(score.index))</strong> (\(score.predicate ?? "–"))"
        }
        return """
            <p class="notice" id="official-index">\(HTML.join(parts, separator: " · ")) · \(counted) / \(total) \(words.officialCount)</p>
            <p>\(words.officialHelp)</p>
            """
    }

    private func partsTable(_ words: Words, _ scores: [CheckAdapter.Breakdown], official: Bool) -> HTML {
        func rows(_ parts: (CheckAdapter.Breakdown) -> [CheckAdapter.Breakdown.Part]) -> [HTML] {
            let columns = scores.map(parts)
            return columns[0].indices.map { index in
                let values = columns.map { $0[index].index }.enumerated().map {
                    $0.offset == 2 && !official ? nil : $0.element
                }
                let gap = Self.gapClass(claim: values[0], official: values[2])
                return """
                    <tr\(gap)><td>\(columns[0][index].id)</td><td>\(columns[0][index].name)</td><td>\(Layout.index(values[0]))</td>\
                    <td>\(Layout.index(values[1]))</td><td>\(Layout.index(values[2]))</td></tr>
                    """
            }
        }
        let head: HTML =
            "<thead><tr><th></th><th>\(words.name)</th><th>\(words.claimed)</th><th>\(words.estimated)</th><th>\(words.official)</th></tr></thead>"
        return """
            <h2 id="parts">\(words.byDomainAndAspect)</h2>
            <table>\(head)<tbody>\(rows(\.domains))\(rows(\.aspects))</tbody></table>
            """
    }

    /// The attribute of a row whose official value falls short: shaded.
    static let gapAttribute: HTML = " class=\"gap\""

    /// ` class="gap"` when the official value is below the claimed one.
    private static func gapClass(claim: Double?, official: Double?) -> HTML {
        guard let claim, let official, official + 0.005 < claim else { return "" }
        return gapAttribute
    }

    private func indicatorTable(
        _ words: Words, _ lines: [Line], names: [Int64: String], previous: [String: String]
    ) -> HTML {
        let rows: [HTML] = lines.map { line in
            let id = line.row.indicator.id
            let owner = line.result?.opdID ?? line.row.leadOPDID
            let official = line.result.map { String($0.level) } ?? "–"
            var gaps: [String] = []
            if let result = line.result {
                if let claim = line.claim, claim != result.level {
                    gaps.append(words.claimVersusResult(claim, result.level))
                }
                if let estimate = line.estimate, estimate != result.level {
                    gaps.append(words.estimateVersusResult(estimate, result.level))
                }
            }
            let below = line.result.map { result in line.claim.map { result.level < $0 } ?? false } ?? false
            let flag: HTML =
                gaps.isEmpty
                ? (line.result == nil ? "" : "<span class=\"ok\">\(words.agrees)</span>")
                : "<span class=\"missing\">\(gaps.joined(separator: "; "))</span>"
            return """
                <tr id="r-\(id)"\(below ? Self.gapAttribute : "")><td>\(id)</td><td>\(line.row.indicator.name)</td><td>\(owner.flatMap { names[$0] } ?? "–")</td>\
                <td>\(line.claim.map(String.init) ?? "–")</td><td>\(line.estimate.map(String.init) ?? "–")</td><td><strong>\(official)</strong></td>\
                <td>\(flag)</td><td>\(line.result?.notes ?? "")</td><td>\(line.result?.recommendation ?? "")</td><td>\(previous[id] ?? "–")</td></tr>
                """
        }
        return """
            <h2 id="indicators">\(words.byIndicator)</h2>
            <table><thead><tr><th>\(words.indicator)</th><th>\(words.name)</th><th>OPD</th><th>\(words.claimed)</th>\
            <th>\(words.estimated)</th><th>\(words.official)</th><th>\(words.gap)</th><th>\(words.assessorNotes)</th>\
            <th>\(words.recommendation)</th><th>\(words.previousPeriod)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private func evidenceOutcomes(_ call: Call, period: Period, names: [Int64: String]) throws -> HTML {
        let words = call.words
        let outcomes = try call.store.officialEvidenceResults(periodID: period.id)
        guard !outcomes.isEmpty else {
            return "<section id=\"evidence\"><h2>\(words.evidenceOutcomes)</h2><p>\(words.none)</p></section>"
        }
        let rows: [HTML] = outcomes.map { outcome in
            let word: HTML =
                outcome.outcome == .accepted
                ? "<span class=\"ok\">\(words.accepted)</span>" : "<span class=\"missing\">\(words.toRevise)</span>"
            return
                "<tr><td>\(names[outcome.opdID] ?? "")</td><td>\(outcome.code)</td><td>\(word)</td><td>\(outcome.note)</td></tr>"
        }
        return """
            <section id="evidence"><h2>\(words.evidenceOutcomes)</h2>
            <table><thead><tr><th>OPD</th><th>\(words.code)</th><th>\(words.official)</th><th>\(words.assessorNotes)</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }

    /// The official levels of the period before `period`, written for each indicator of `period`'s pack: the same
    /// indicator's level, or through the framework mapping the levels of the older indicators that map to it, each
    /// with the mapping's confidence.
    func previousLevels(_ call: Call, period: Period) throws -> [String: String] {
        let periods = try call.store.periods()
        guard let index = periods.firstIndex(where: { $0.id == period.id }), index + 1 < periods.count else {
            return [:]
        }
        let older = periods[index + 1]
        let levels = Dictionary(
            try call.store.officialResults(periodID: older.id).map { ($0.indicator, $0.level) },
            uniquingKeysWith: { a, _ in a })
        guard !levels.isEmpty else { return [:] }
        let mapping: FrameworkMapping?
        do throws(CheckAdapter.Failure) {
            mapping = try call.services.engine.mapping(older: older.pack, newer: period.pack)
        } catch {
            return [:]
        }
        guard let mapping else { return levels.mapValues { "\(older.name): \($0)" } }
        var shown: [String: String] = [:]
        for indicator in try Self.indicators(call, period: period) {
            let sources = mapping.entries(to: indicator.id).compactMap { entry in
                levels[entry.from].map { "\(entry.from) \($0) (\(entry.confidence.rawValue))" }
            }
            if !sources.isEmpty { shown[indicator.id] = "\(older.name): \(sources.joined(separator: ", "))" }
        }
        return shown
    }

    /// The refused import's errors, first on the page: where (file, sheet and cell), what, and the fix.
    private func importErrors(_ words: Words, _ refused: [CheckAdapter.UploadDiagnostic]?) -> HTML {
        guard let refused, !refused.isEmpty else { return "" }
        let rows: [HTML] = refused.map { item in
            let place = [item.file.map { "\($0):" }, item.sheet.map { "\($0)!\(item.place ?? "")" } ?? item.place]
                .compactMap { $0 }.joined(separator: " ")
            return
                "<tr class=\"\(item.severity)\"><td><code>\(place)</code></td><td>\(item.message) <small>[\(item.code)]</small></td><td>\(item.fix ?? "")</td></tr>"
        }
        return """
            <div class="error" role="alert" id="import-errors"><p>\(words.resultRefused)</p>
            <table><thead><tr><th>\(words.whereLabel)</th><th>\(words.message)</th><th>\(words.fix)</th></tr></thead><tbody>\(rows)</tbody></table>
            <p><a href="#import">\(words.importResults)</a></p></div>
            """
    }

    private func adminForms(_ call: Call, period: Period, lines: [Line]) throws -> HTML {
        let words = call.words
        let base = "/periods/\(period.id)/results"
        let indicators: [HTML] = lines.map {
            "<option value=\"\($0.row.indicator.id)\">\($0.row.indicator.id) \($0.row.indicator.name)</option>"
        }
        let opds: [HTML] = try call.store.opds().map { "<option value=\"\($0.id)\">\($0.name)</option>" }
        let evidence: [HTML] = try resultContext(call, period: period).evidence.map {
            "<option value=\"\($0.id)\">\($0.code) · \($0.title)</option>"
        }
        return """
            <h2 id="import">\(words.importResults)</h2>
            <p>\(words.templates): <a href="\(base)/template.xlsx">XLSX</a> · <a href="\(base)/hasil.csv">hasil.csv</a> · <a href="\(base)/bukti.csv">bukti.csv</a></p>
            <p>\(words.importHelp)</p>
            <form method="post" action="\(base)/import" enctype="multipart/form-data" class="stack">\(Layout.csrf(call))
            <label for="result-file">\(words.file)</label><input id="result-file" name="file" type="file" accept=".xlsx,.csv" required>
            <p><button type="submit">\(words.importResults)</button></p></form>
            <h2 id="enter">\(words.enterResult)</h2>
            <form method="post" action="\(base)" class="stack">\(Layout.csrf(call))
            <label for="result-indicator">\(words.indicator)</label><select id="result-indicator" name="indicator">\(indicators)</select>
            <label for="result-level">\(words.official)</label><select id="result-level" name="level">\((1...5).map { HTML("<option>\($0)</option>") })</select>
            <label for="result-opd">OPD</label><select id="result-opd" name="opd_id"><option value="">–</option>\(opds)</select>
            <label for="result-notes">\(words.assessorNotes)</label><textarea id="result-notes" name="notes" maxlength="2000"></textarea>
            <label for="result-recommendation">\(words.recommendation)</label><textarea id="result-recommendation" name="recommendation" maxlength="2000"></textarea>
            <p><button type="submit">\(words.save)</button></p></form>
            <h3>\(words.evidenceOutcomes)</h3>
            <form method="post" action="\(base)/evidence" class="stack">\(Layout.csrf(call))
            <label for="outcome-item">\(words.code)</label><select id="outcome-item" name="evidence_id">\(evidence)</select>
            <label for="outcome-outcome">\(words.official)</label><select id="outcome-outcome" name="outcome"><option value="accepted">\(words.accepted)</option><option value="revise">\(words.toRevise)</option></select>
            <label for="outcome-note">\(words.assessorNotes)</label><textarea id="outcome-note" name="note" maxlength="2000"></textarea>
            <p><button type="submit">\(words.save)</button></p></form>
            """
    }
}

extension Routes {
    /// The dashboard's line of official results: the official index and predicate beside the claimed and
    /// estimated ones, with a link to the results page; nothing while no result is stored.
    func officialSummary(_ call: Call, period: Period) throws -> HTML {
        let results = try call.store.officialResults(periodID: period.id)
        guard !results.isEmpty else { return "" }
        let score: (index: Double?, predicate: String?)
        do throws(CheckAdapter.Failure) {
            score = try call.services.engine.score(
                packPath: period.pack, levels: Dictionary(results.map { ($0.indicator, $0.level) }) { a, _ in a })
        } catch {
            return ""
        }
        let words = call.words
        return """
            <h2 id="official">\(words.officialResults)</h2>
            <p class="notice">\(words.officialIndex): <strong>\(Layout.index(score.index))</strong> (\(score.predicate ?? "–")) · \
            \(results.count) \(words.officialCount) · <a href="/periods/\(period.id)/results">\(words.officialResults)</a></p>
            """
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// The self-assessment: the lead OPD of an indicator claims a level with its penjelasan (the fact, then the
    /// analysis) and the evidence it cites; the pages show each claim beside spbe's estimate, disagreements
    /// flagged, and the pemda index as claimed and as estimated.
    func addClaimRoutes() {
        post("/periods/:period/opds/:opd/claims", .signedIn) { try saveClaim($0) }
    }

    /// Saves the claim of the OPD of the path (its operator, while uploads are open, for an indicator it leads, citing
    /// its own evidence for it), from the HTML form or the API.
    func saveClaim(_ call: Call) throws -> Response {
        guard let (period, opd) = try scope(call) else { return call.notFound() }
        guard call.principal!.maySubmit(opdID: opd.id) else { return call.forbidden() }
        if let locked = try uploadLocked(call, period: period, opd: opd) { return locked }
        let form = call.form ?? FormData()
        let indicator = form["indicator"] ?? ""
        let fact = (form["fact"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let analysis = (form["analysis"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let codes = (form["evidence"] ?? "").split { $0 == "," || $0 == " " }.map(String.init)
        let matrix = try Self.matrix(call, period: period, opds: try call.store.opds())
        let cited = Set(
            try call.store.evidence(periodID: period.id, opdID: opd.id).filter { $0.indicator == indicator }
                .map(\.code))
        // Only the lead OPD answers for an indicator, and only with its own evidence for it.
        guard matrix.rows.contains(where: { $0.indicator.id == indicator && $0.leadOPDID == opd.id }),
            let level = form["level"].flatMap({ Int($0) }), (1...5).contains(level),
            (1...2000).contains(fact.count), (1...2000).contains(analysis.count),
            codes.allSatisfy(cited.contains)
        else {
            return call.problem(.badRequest, call.words.claimInvalid)
        }
        let claim = try call.store.addClaim(
            NewClaim(
                periodID: period.id, indicator: indicator, opdID: opd.id, level: level, fact: fact,
                analysis: analysis, evidenceCodes: codes, accountID: call.account.id))
        try call.audit("claim.set", "\(opd.code) · \(claim.indicator): tingkat \(claim.level)")
        if call.isAPI { return call.json(try ClaimJSON(claim, call: call), status: .created) }
        return call.redirect("/periods/\(period.id)/opds/\(opd.id)#claims")
    }

    /// Why a claim and what backs it disagree, in words, or nil: a claim above the estimate, or a claim citing no
    /// evidence at its level or above.
    static func disagreement(
        _ words: Words, claim: Claim, estimate: CheckAdapter.Estimate?, evidence: [Evidence]
    ) -> String? {
        var notes: [String] = []
        if let estimate, claim.level > estimate.level {
            notes.append(words.claimAbove(claim.level, estimate.level))
        }
        let backing = evidence.filter { claim.evidenceCodes.contains($0.code) && $0.level >= claim.level }
        if backing.isEmpty { notes.append(words.noEvidenceAt(claim.level)) }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// The OPD page's self-assessment: each indicator it leads with its claim, the estimate and the flag, and the
    /// form for its operator while uploads are open.
    func claimSection(_ call: Call, period: Period, opd: OPD, open: Bool) throws -> HTML {
        let words = call.words
        let opds = try call.store.opds()
        let lead = try Self.matrix(call, period: period, opds: opds).owed(by: opd.id).lead
        guard !lead.isEmpty else { return "" }
        let claims = Dictionary(
            uniqueKeysWithValues: try call.store.claims(periodID: period.id).map { ($0.indicator, $0) })
        let estimates = try Self.estimates(call, period: period)
        let pemdaID = opds.first { $0.code == "pemda" }?.id
        let evidence = try call.store.evidence(periodID: period.id, opdID: opd.id)
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        let rows: [HTML] = lead.map { row in
            let estimate = Self.estimate(row, estimates: estimates, pemdaID: pemdaID)
            let estimated = estimate.map { String($0.level) } ?? "–"
            guard let claim = claims[row.indicator.id] else {
                return "<tr><td>\(row.indicator.id)</td><td>–</td><td>\(estimated)</td><td></td><td></td><td></td></tr>"
            }
            let flag: HTML =
                Self.disagreement(words, claim: claim, estimate: estimate, evidence: evidence)
                .map { "<span class=\"missing\">\($0)</span>" } ?? "<span class=\"ok\">\(words.agrees)</span>"
            return """
                <tr><td><a href="/claims/\(claim.id)">\(row.indicator.id)</a></td><td>\(claim.level)</td><td>\(estimated)</td>\
                <td><strong>\(words.fact)</strong> \(claim.fact)<br><strong>\(words.analysis)</strong> \(claim.analysis)<br>\
                \(claim.evidenceCodes.joined(separator: ", "))</td><td>\(flag)</td><td>\(Self.statusBadge(words, book.status(of: claim)))</td></tr>
                """
        }
        var section: HTML = """
            <h2 id="claims">\(words.selfAssessment)</h2>
            <table><thead><tr><th>\(words.indicator)</th><th>\(words.claimed)</th><th>\(words.estimated)</th>\
            <th>\(words.explanation)</th><th>\(words.check)</th><th>\(words.reviewStatus)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        if call.principal!.maySubmit(opdID: opd.id), open {
            let choices: [HTML] = lead.map {
                "<option value=\"\($0.indicator.id)\">\($0.indicator.id) \($0.indicator.name)</option>"
            }
            section = """
                \(section)
                <form method="post" action="/periods/\(period.id)/opds/\(opd.id)/claims" class="stack">\(Layout.csrf(call))
                <label for="claim-indicator">\(words.indicator)</label><select id="claim-indicator" name="indicator">\(choices)</select>
                <label for="claim-level">\(words.claimed)</label><select id="claim-level" name="level">\((1...5).map { HTML("<option>\($0)</option>") })</select>
                <label for="claim-fact">\(words.fact)</label><textarea id="claim-fact" name="fact" required maxlength="2000" placeholder="\(words.factHint)"></textarea>
                <label for="claim-analysis">\(words.analysis)</label><textarea id="claim-analysis" name="analysis" required maxlength="2000" placeholder="\(words.analysisHint)"></textarea>
                <label for="claim-evidence">\(words.citedEvidence)</label><input id="claim-evidence" name="evidence" maxlength="500">
                <p><button type="submit">\(words.save)</button></p></form>
                """
        }
        return section
    }

    /// The dashboard's pemda index claimed, estimated and reviewed (each scored from per-indicator levels: a claim,
    /// else the estimate, else the floor; the estimate, else the floor; a claim the Tim Asesor Internal accepted with
    /// all its evidence, else the estimate, else the floor), and the disagreements.
    func claimsSection(_ call: Call, period: Period) throws -> HTML {
        let words = call.words
        let opds = try call.store.opds()
        let matrix = try Self.matrix(call, period: period, opds: opds)
        guard !matrix.rows.isEmpty else { return "" }
        let claims = try call.store.claims(periodID: period.id)
        let byIndicator = Dictionary(uniqueKeysWithValues: claims.map { ($0.indicator, $0) })
        let estimates = try Self.estimates(call, period: period)
        let pemdaID = opds.first { $0.code == "pemda" }?.id
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        var estimated: [String: Int] = [:]
        var reviewedLevels: [String: Int] = [:]
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        var flagged: [HTML] = []
        for row in matrix.rows {
            let estimate = Self.estimate(row, estimates: estimates, pemdaID: pemdaID)
            estimated[row.indicator.id] = estimate?.level
            guard let claim = byIndicator[row.indicator.id] else { continue }
            let evidence = try call.store.evidence(periodID: period.id, opdID: claim.opdID)
            if Self.reviewed(claim, book: book, evidence: evidence) { reviewedLevels[claim.indicator] = claim.level }
            if let note = Self.disagreement(words, claim: claim, estimate: estimate, evidence: evidence) {
                flagged.append(
                    "<tr><td>\(row.indicator.id)</td><td>\(names[claim.opdID] ?? "")</td><td>\(note)</td></tr>")
            }
        }
        let claimedLevels = estimated.merging(byIndicator.mapValues(\.level)) { _, claim in claim }
        let claimedScore: (index: Double?, predicate: String?)
        let estimatedScore: (index: Double?, predicate: String?)
        let reviewedScore: (index: Double?, predicate: String?)
        do throws(CheckAdapter.Failure) {
            claimedScore = try call.services.engine.score(packPath: period.pack, levels: claimedLevels)
            estimatedScore = try call.services.engine.score(packPath: period.pack, levels: estimated)
            reviewedScore = try call.services.engine.score(
                packPath: period.pack, levels: estimated.merging(reviewedLevels) { _, claim in claim })
        } catch {
            return ""
        }
        let table: HTML =
            flagged.isEmpty
            ? "<p>\(words.none)</p>"
            : "<table><thead><tr><th>\(words.indicator)</th><th>OPD</th><th>\(words.check)</th></tr></thead><tbody>\(flagged)</tbody></table>"
        return """
            <h2>\(words.claimedVersusEstimated)</h2>
            <p class="notice">\(words.claimedIndex): <strong>\(Layout.index(claimedScore.index))</strong> (\(claimedScore.predicate ?? "–"), \
            \(claims.count) / \(matrix.rows.count) \(words.claimedCount)) · \(words.estimatedIndex): <strong>\(Layout.index(estimatedScore.index))</strong> (\(estimatedScore.predicate ?? "–")) · \
            \(words.reviewedIndex): <strong>\(Layout.index(reviewedScore.index))</strong> (\(reviewedScore.predicate ?? "–"), \
            \(reviewedLevels.count) / \(claims.count) \(words.reviewedCount))</p>
            <h3>\(words.disagreements)</h3>
            \(table)
            """
    }
}

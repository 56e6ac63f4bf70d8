import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// The internal review: the Tim Asesor Internal accepts or returns each evidence version and each current claim
    /// while the review stages run; a verdict is an immutable row, the latest per item counts, and the item's
    /// history shows versions and verdicts together.
    func addReviewRoutes() {
        post("/evidence/:evidence/verdict", .signedIn) { try recordEvidenceVerdict($0) }
        post("/claims/:claim/verdict", .signedIn) { try recordClaimVerdict($0) }
        get("/claims/:claim", .signedIn) { call in
            guard let claim = try call.id("claim").flatMap({ try call.store.claim(id: $0) }),
                let period = try call.store.period(id: claim.periodID), let opd = try call.store.opd(id: claim.opdID)
            else { return call.notFound() }
            guard call.principal!.mayRead(opdID: claim.opdID) else { return call.forbidden() }
            return try claimPage(call, claim, period: period, opd: opd)
        }
    }

    /// Records the assessor's verdict on the latest version of the evidence item of the path while the review is open.
    func recordEvidenceVerdict(_ call: Call) throws -> Response {
        guard let evidence = try call.id("evidence").flatMap({ try call.store.evidence(id: $0) }),
            let period = try call.store.period(id: evidence.periodID),
            let opd = try call.store.opd(id: evidence.opdID)
        else { return call.notFound() }
        guard call.principal!.mayReview else { return call.forbidden() }
        if let locked = try reviewLocked(call, period: period, opd: opd) { return locked }
        let versions = try call.store.evidence(periodID: period.id, opdID: opd.id).filter {
            $0.code == evidence.code
        }
        guard versions.allSatisfy({ $0.version <= evidence.version }) else {
            return call.problem(.conflict, call.words.notLatestVersion)
        }
        guard let (kind, reason, note) = Self.verdictForm(call) else {
            return call.problem(.badRequest, call.words.verdictInvalid)
        }
        let verdict = try call.store.addVerdict(
            periodID: period.id, opdID: opd.id, subject: .evidence, item: evidence.code,
            version: Int64(evidence.version), verdict: kind, reason: reason, note: note,
            accountID: call.account.id)
        try call.audit("verdict.evidence", Self.auditLine(opd, verdict))
        if kind == .revise {
            try call.services.notifier.post(
                .revisionRequested(
                    period: period, opd: opd, item: evidence.code, reason: reason, note: note,
                    link: "/evidence/\(evidence.id)"))
        }
        return call.isAPI
            ? call.json(VerdictJSON(verdict), status: .created) : call.redirect("/evidence/\(evidence.id)#history")
    }

    /// Records the assessor's verdict on the current claim of the path while the review is open.
    func recordClaimVerdict(_ call: Call) throws -> Response {
        guard let claim = try call.id("claim").flatMap({ try call.store.claim(id: $0) }),
            let period = try call.store.period(id: claim.periodID), let opd = try call.store.opd(id: claim.opdID)
        else { return call.notFound() }
        guard call.principal!.mayReview else { return call.forbidden() }
        if let locked = try reviewLocked(call, period: period, opd: opd) { return locked }
        guard try call.store.claims(periodID: period.id).contains(where: { $0.id == claim.id }) else {
            return call.problem(.conflict, call.words.notLatestVersion)
        }
        guard let (kind, reason, note) = Self.verdictForm(call) else {
            return call.problem(.badRequest, call.words.verdictInvalid)
        }
        let verdict = try call.store.addVerdict(
            periodID: period.id, opdID: opd.id, subject: .claim, item: claim.indicator, version: claim.id,
            verdict: kind, reason: reason, note: note, accountID: call.account.id)
        try call.audit("verdict.claim", Self.auditLine(opd, verdict))
        if kind == .revise {
            try call.services.notifier.post(
                .revisionRequested(
                    period: period, opd: opd, item: "\(Words(language: .id).claimOf) \(claim.indicator)",
                    reason: reason, note: note, link: "/claims/\(claim.id)"))
        }
        return call.isAPI
            ? call.json(VerdictJSON(verdict), status: .created) : call.redirect("/claims/\(claim.id)#history")
    }

    /// A 423 (Locked) refusal when the review stages of `period` are over, nil while verdicts may be recorded.
    func reviewLocked(_ call: Call, period: Period, opd: OPD) throws -> Response? {
        let schedule = try Self.schedule(call.store, period: period, opd: opd)
        guard !schedule.reviewOpen(on: CivilDay.day()) else { return nil }
        try call.audit("verdict.locked", "\(opd.code) · \(period.name)")
        return call.problem(HTTPResponse.Status(code: 423, reasonPhrase: "Locked"), call.words.reviewClosed)
    }

    /// The verdict, reason and note of a verdict form, nil when they do not make one: a return needs a reason from
    /// the list, `lainnya` needs a note, an acceptance takes no reason, and a note is at most 1000 characters.
    static func verdictForm(_ call: Call) -> (VerdictKind, RevisionReason?, String)? {
        let form = call.form ?? FormData()
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let kind = form["verdict"].flatMap(VerdictKind.init(rawValue:)), note.count <= 1000 else { return nil }
        switch kind {
        case .accepted: return (kind, nil, note)
        case .revise:
            guard let reason = form["reason"].flatMap(RevisionReason.init(rawValue:)),
                reason != .other || !note.isEmpty
            else { return nil }
            return (kind, reason, note)
        }
    }

    private static func auditLine(_ opd: OPD, _ verdict: Verdict) -> String {
        let reason = verdict.reason.map { " (\($0.rawValue))" } ?? ""
        return "\(opd.code) · \(verdict.item) v\(verdict.version): \(verdict.verdict.rawValue)\(reason)"
    }

    /// A status in words, marked for its colour.
    static func statusBadge(_ words: Words, _ status: ReviewStatus) -> HTML {
        switch status {
        case .pending: "<span>\(words.reviewPending)</span>"
        case .accepted: "<span class=\"ok\">\(words.reviewAccepted)</span>"
        case .toRevise: "<span class=\"missing\">\(words.reviewToRevise)</span>"
        case .revised: "<span>\(words.reviewRevised)</span>"
        }
    }

    /// The assessor's verdict form for an item, when the principal may review and the review is open; else nothing.
    func verdictFormHTML(_ call: Call, action: String, period: Period, opd: OPD) throws -> HTML {
        guard call.principal!.mayReview,
            try Self.schedule(call.store, period: period, opd: opd).reviewOpen(on: CivilDay.day())
        else { return "" }
        let words = call.words
        let reasons: [HTML] = RevisionReason.allCases.map {
            "<option value=\"\($0.rawValue)\">\(words.reason($0))</option>"
        }
        return """
            <h2 id="verdict">\(words.recordVerdict)</h2>
            <form method="post" action="\(action)" class="stack">\(Layout.csrf(call))
            <fieldset class="choices"><legend>\(words.verdict)</legend>
            <label><input type="radio" name="verdict" value="accepted" required> \(words.reviewAccepted)</label>
            <label><input type="radio" name="verdict" value="revise"> \(words.returnForRevision)</label></fieldset>
            <label for="verdict-reason">\(words.reasonHeader)</label><select id="verdict-reason" name="reason">\(reasons)</select>
            <label for="verdict-note">\(words.note)</label><textarea id="verdict-note" name="note" maxlength="1000"></textarea>
            <p>\(words.verdictHelp)</p>
            <p><button type="submit">\(words.recordVerdict)</button></p></form>
            """
    }

    /// One verdict as a history row: time, what, by whom, detail.
    static func verdictRow(_ words: Words, _ verdict: Verdict, accounts: [Int64: String]) -> HTML {
        let what: HTML =
            verdict.verdict == .accepted
            ? "<span class=\"ok\">\(words.reviewAccepted)</span>"
            : "<span class=\"missing\">\(words.returnForRevision)</span>"
        let reason = verdict.reason.map { words.reason($0) } ?? ""
        let detail = [reason, verdict.note].filter { !$0.isEmpty }.joined(separator: ": ")
        return """
            <tr><td>\(Layout.time(verdict.createdAt))</td><td>\(what) (v\(verdict.version))</td>\
            <td>\(accounts[verdict.accountID] ?? "")</td><td>\(detail)</td></tr>
            """
    }

    /// The history table of an item: its versions and its verdicts in time order. A verdict is only ever recorded
    /// on the latest version, so ordering by (version, version before verdicts, time) is the time order, even
    /// within one second.
    static func historyTable(_ words: Words, _ entries: [(version: Int64, order: Int, time: Int64, row: HTML)]) -> HTML
    {
        let rows = entries.sorted { ($0.version, $0.order, $0.time) < ($1.version, $1.order, $1.time) }.map(\.row)
        return """
            <h2 id="history">\(words.reviewHistory)</h2>
            <table><thead><tr><th>\(words.time)</th><th>\(words.event)</th><th>\(words.by)</th><th>\(words.detail)</th>\
            </tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// The evidence page's review part: the item's status, its versions and verdicts in time order, and the
    /// assessor's form on its latest version.
    func evidenceReview(_ call: Call, _ evidence: Evidence, versions: [Evidence], accounts: [Int64: String]) throws
        -> HTML
    {
        let words = call.words
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: evidence.periodID))
        var entries: [(version: Int64, order: Int, time: Int64, row: HTML)] = versions.map {
            (
                Int64($0.version), 0, $0.createdAt,
                "<tr><td>\(Layout.time($0.createdAt))</td><td>\(words.versionUploaded) v\($0.version)</td><td>\(accounts[$0.accountID] ?? "")</td><td>\($0.fileName)</td></tr>"
            )
        }
        entries += book.history(.evidence, opdID: evidence.opdID, item: evidence.code).map {
            ($0.version, 1, $0.createdAt, Self.verdictRow(words, $0, accounts: accounts))
        }
        var html: HTML = """
            <p>\(words.reviewStatus): \(Self.statusBadge(words, book.status(of: versions)))</p>
            \(Self.historyTable(words, entries))
            """
        if versions.allSatisfy({ $0.version <= evidence.version }),
            let period = try call.store.period(id: evidence.periodID),
            let opd = try call.store.opd(id: evidence.opdID)
        {
            html =
                "\(html)\(try verdictFormHTML(call, action: "/evidence/\(evidence.id)/verdict", period: period, opd: opd))"
        }
        return html
    }

    private func claimPage(_ call: Call, _ claim: Claim, period: Period, opd: OPD) throws -> Response {
        let words = call.words
        let history = try call.store.claimHistory(periodID: period.id, indicator: claim.indicator)
        let accounts = Dictionary(uniqueKeysWithValues: try call.store.accounts().map { ($0.id, $0.displayName) })
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        var entries: [(version: Int64, order: Int, time: Int64, row: HTML)] = history.map {
            let detail: HTML =
                "\(words.claimed) \($0.level) · <strong>\(words.fact)</strong> \($0.fact) · <strong>\(words.analysis)</strong> \($0.analysis) · \($0.evidenceCodes.joined(separator: ", "))"
            return (
                $0.id, 0, $0.createdAt,
                "<tr><td>\(Layout.time($0.createdAt))</td><td>\(words.claimSaved) (v\($0.id))</td><td>\(accounts[$0.accountID] ?? "")</td><td>\(detail)</td></tr>"
            )
        }
        entries += book.history(.claim, opdID: claim.opdID, item: claim.indicator).map {
            ($0.version, 1, $0.createdAt, Self.verdictRow(words, $0, accounts: accounts))
        }
        let current = history.first ?? claim
        var body: HTML = """
            <p><a href="/periods/\(period.id)/opds/\(opd.id)#claims">\(opd.name)</a></p>
            <p>\(words.indicator) <strong>\(claim.indicator)</strong> · \(words.claimed) <strong>\(current.level)</strong> · \
            \(words.reviewStatus): \(Self.statusBadge(words, book.status(of: current)))</p>
            \(Self.historyTable(words, entries))
            """
        if current.id == claim.id {
            body =
                "\(body)\(try verdictFormHTML(call, action: "/claims/\(claim.id)/verdict", period: period, opd: opd))"
        }
        return call.html("\(words.selfAssessment) \(claim.indicator)", body)
    }

    /// The OPD page's revision queue: every item the Tim Asesor Internal returned, with the reason, the note, who
    /// and when, and whether the OPD has already sent a revision.
    func revisionQueue(_ call: Call, period: Period, opd: OPD) throws -> HTML {
        let words = call.words
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        let accounts = Dictionary(uniqueKeysWithValues: try call.store.accounts().map { ($0.id, $0.displayName) })
        let evidence = Dictionary(grouping: try call.store.evidence(periodID: period.id, opdID: opd.id), by: \.code)
        var rows: [HTML] = []
        for (code, versions) in evidence.sorted(by: { $0.key < $1.key }) {
            let status = book.status(of: versions)
            guard status == .toRevise || status == .revised,
                let verdict = book.latest(.evidence, opdID: opd.id, item: code),
                let latest = versions.max(by: { $0.version < $1.version })
            else { continue }
            rows.append(queueRow(words, link: "/evidence/\(latest.id)", item: code, verdict, status, accounts))
        }
        for claim in try call.store.claims(periodID: period.id) where claim.opdID == opd.id {
            let status = book.status(of: claim)
            guard status == .toRevise || status == .revised,
                let verdict = book.latest(.claim, opdID: opd.id, item: claim.indicator)
            else { continue }
            rows.append(
                queueRow(
                    words, link: "/claims/\(claim.id)", item: "\(words.claimOf) \(claim.indicator)", verdict, status,
                    accounts))
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(words.noRevisions)</p>"
            : """
            <table><thead><tr><th>\(words.item)</th><th>\(words.reasonHeader)</th><th>\(words.note)</th><th>\(words.by)</th>\
            <th>\(words.time)</th><th>\(words.reviewStatus)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return "<h2 id=\"revisions\">\(words.revisionRequests)</h2>\(table)"
    }

    private func queueRow(
        _ words: Words, link: String, item: String, _ verdict: Verdict, _ status: ReviewStatus,
        _ accounts: [Int64: String]
    ) -> HTML {
        """
        <tr><td><a href="\(link)"><code>\(item)</code></a></td><td>\(verdict.reason.map { words.reason($0) } ?? "")</td>\
        <td>\(verdict.note)</td><td>\(accounts[verdict.accountID] ?? "")</td><td>\(Layout.time(verdict.createdAt))</td>\
        <td>\(Self.statusBadge(words, status))</td></tr>
        """
    }

    /// The dashboard's review figures: per OPD, its evidence items accepted, to revise, and pending (a revised item
    /// waits again).
    func reviewSummary(_ call: Call, period: Period) throws -> HTML {
        let words = call.words
        let book = ReviewBook(verdicts: try call.store.verdicts(periodID: period.id))
        var rows: [HTML] = []
        for opd in try call.store.opds() {
            let items = Dictionary(grouping: try call.store.evidence(periodID: period.id, opdID: opd.id), by: \.code)
            guard !items.isEmpty else { continue }
            let statuses = items.values.map { book.status(of: $0) }
            let accepted = statuses.filter { $0 == .accepted }.count
            let toRevise = statuses.filter { $0 == .toRevise }.count
            rows.append(
                """
                <tr><td><a href="/periods/\(period.id)/opds/\(opd.id)#revisions">\(opd.name)</a></td><td>\(items.count)</td>\
                <td>\(accepted)</td><td>\(toRevise)</td><td>\(statuses.count - accepted - toRevise)</td></tr>
                """)
        }
        guard !rows.isEmpty else { return "" }
        return """
            <h2 id="review">\(words.internalReview)</h2>
            <table><thead><tr><th>OPD</th><th>\(words.evidenceItems)</th><th>\(words.reviewAccepted)</th>\
            <th>\(words.reviewToRevise)</th><th>\(words.reviewPending)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// Whether a claim counts as reviewed: the claim itself is accepted and every evidence item it cites is
    /// accepted on its latest version.
    static func reviewed(_ claim: Claim, book: ReviewBook, evidence: [Evidence]) -> Bool {
        guard book.status(of: claim) == .accepted else { return false }
        let items = Dictionary(grouping: evidence, by: \.code)
        return claim.evidenceCodes.allSatisfy { code in items[code].map { book.status(of: $0) == .accepted } ?? false }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// A period's stages and deadlines: the admin sets their dates and reopens the closed upload stage for one OPD;
    /// the upload routes ask `uploadLocked` before taking a file.
    func addStageRoutes() {
        get("/admin/periods/:period/stages", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            return try stagesPage(call, period: period, notice: nil)
        }
        post("/admin/periods/:period/stages", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            guard let dates = Self.stageDates(call.form ?? FormData()) else {
                return try stagesPage(call, period: period, notice: call.words.stageOrder, status: .badRequest)
            }
            try call.store.setStages(periodID: period.id, dates)
            try call.audit("period.stages", "\(period.name): \(Self.stageSummary(dates))")
            return call.redirect("/admin/periods/\(period.id)/stages")
        }
        post("/admin/periods/:period/reopen", .admin) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            let form = call.form ?? FormData()
            let today = CivilDay.day()
            let until = form["until"] ?? ""
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let opd = try form["opd_id"].flatMap({ Int64($0) }).flatMap({ try call.store.opd(id: $0) }),
                let days = CivilDay.between(today, until), (0...30).contains(days),
                !reason.isEmpty, reason.count <= 500
            else {
                return try stagesPage(call, period: period, notice: call.words.reopenInvalid, status: .badRequest)
            }
            _ = try call.store.addReopening(
                periodID: period.id, opdID: opd.id, untilOn: until, reason: reason, accountID: call.account.id)
            try call.audit("stage.reopen", "\(period.name) · \(opd.code) until \(until): \(reason)")
            return call.redirect("/admin/periods/\(period.id)/stages")
        }
    }

    /// The refusal of an upload for `opd` once its stage has closed (423, audited), nil while uploads are open.
    func uploadLocked(_ call: Call, period: Period, opd: OPD) throws -> Response? {
        let schedule = try Self.schedule(call.store, period: period, opd: opd)
        guard !schedule.uploadsOpen(on: CivilDay.day()), let submission = schedule.submission else { return nil }
        try call.audit("upload.locked", "\(opd.code) · \(period.name)")
        return call.problem(
            HTTPResponse.Status(code: 423, reasonPhrase: "Locked"), call.words.uploadsClosed(submission.endsOn))
    }

    /// The stages of `period` as `opd` meets them.
    static func schedule(_ store: any PortalStore, period: Period, opd: OPD) throws -> StageSchedule {
        StageSchedule(
            stages: try store.stages(periodID: period.id),
            reopenings: try store.reopenings(periodID: period.id, opdID: opd.id))
    }

    /// The OPD page's stage box: the current stage and its countdown, whether uploads are open, and every stage's
    /// dates. Rendered on the server from today's date.
    func stageBox(_ call: Call, schedule: StageSchedule) -> HTML {
        let words = call.words
        let today = CivilDay.day()
        guard !schedule.stages.isEmpty else { return "<p class=\"notice\">\(words.unscheduled)</p>" }
        var lines: [HTML] = []
        if let current = schedule.current(on: today) {
            let left = CivilDay.between(today, current.endsOn) ?? 0
            lines.append(
                "<p>\(words.currentStage): <strong>\(words.stage(current.stage))</strong> (\(current.startsOn) – \(current.endsOn)): <strong class=\"countdown\">\(words.daysLeft(left))</strong></p>"
            )
        } else {
            lines.append("<p>\(words.noCurrentStage)</p>")
            if let next = schedule.next(after: today) {
                lines.append("<p>\(words.nextStage): \(words.stage(next.stage)) (\(next.startsOn))</p>")
            }
        }
        if let submission = schedule.submission {
            if today <= submission.endsOn {
                let left = CivilDay.between(today, submission.endsOn) ?? 0
                lines.append(
                    "<p class=\"ok\">\(words.uploadsOpenUntil(submission.endsOn)) (\(words.daysLeft(left))).</p>")
            } else if let reopening = schedule.reopening(on: today) {
                lines.append(
                    "<p class=\"ok\">\(words.reopenedUntil(reopening.untilOn)): \(reopening.reason)</p>")
            } else {
                lines.append("<p class=\"missing\" role=\"status\">\(words.uploadsClosed(submission.endsOn))</p>")
            }
        }
        let steps: [HTML] = schedule.stages.map { dates in
            let isCurrent = schedule.current(on: today)?.stage == dates.stage
            return
                "<li\(HTML(trusted: isCurrent ? " aria-current=\"step\" class=\"current\"" : ""))>\(words.stage(dates.stage)): \(dates.startsOn) – \(dates.endsOn)</li>"
        }
        return """
            <section class="stages" aria-labelledby="stages-title"><h2 id="stages-title">\(words.stages)</h2>
            \(lines)
            <ol>\(steps)</ol></section>
            """
    }

    /// The stage dates of a form (`STAGE-start`, `STAGE-end` for each stage), nil when one is invalid: a date
    /// missing or malformed, an end before its start, or a stage starting before the previous scheduled one.
    static func stageDates(_ form: FormData) -> [StageDates]? {
        var dates: [StageDates] = []
        for stage in Stage.allCases {
            let start = form["\(stage.rawValue)-start"] ?? ""
            let end = form["\(stage.rawValue)-end"] ?? ""
            if start.isEmpty && end.isEmpty { continue }
            guard CivilDay.number(start) != nil, CivilDay.number(end) != nil, start <= end,
                dates.last.map({ $0.startsOn <= start }) ?? true
            else { return nil }
            dates.append(StageDates(stage: stage, startsOn: start, endsOn: end))
        }
        return dates
    }

    private func stagesPage(_ call: Call, period: Period, notice: String?, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        let words = call.words
        let stored = try call.store.stages(periodID: period.id)
        let rows: [HTML] = Stage.allCases.map { stage in
            let dates = stored.first { $0.stage == stage }
            let id = stage.rawValue
            return """
                <tr><th scope="row">\(words.stage(stage))</th>\
                <td><input type="date" id="\(id)-start" name="\(id)-start" value="\(dates?.startsOn ?? "")" aria-label="\(words.stage(stage)): \(words.starts)"></td>\
                <td><input type="date" id="\(id)-end" name="\(id)-end" value="\(dates?.endsOn ?? "")" aria-label="\(words.stage(stage)): \(words.ends)"></td></tr>
                """
        }
        let opds = try call.store.opds()
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let admins = Dictionary(uniqueKeysWithValues: try call.store.accounts().map { ($0.id, $0.username) })
        let choices: [HTML] = opds.map { "<option value=\"\($0.id)\">\($0.code): \($0.name)</option>" }
        let reopenings: [HTML] = try call.store.reopenings(periodID: period.id).map {
            "<tr><td>\(names[$0.opdID] ?? "")</td><td>\($0.untilOn)</td><td>\($0.reason)</td><td>\(admins[$0.accountID] ?? "")</td><td>\(Layout.time($0.createdAt))</td></tr>"
        }
        let history: HTML =
            reopenings.isEmpty
            ? "<p>\(words.none)</p>"
            : """
            <table><thead><tr><th>OPD</th><th>\(words.until)</th><th>\(words.reason)</th><th>\(words.who)</th><th>\(words.time)</th></tr></thead>
            <tbody>\(reopenings)</tbody></table>
            """
        return call.html(
            "\(words.stagesOf) · \(period.name)",
            """
            \(Self.notice(notice))
            <p>\(words.stageHelp)</p>
            <form method="post" action="/admin/periods/\(period.id)/stages" class="stack">\(Layout.csrf(call))
            <table><thead><tr><th>\(words.stages)</th><th>\(words.starts)</th><th>\(words.ends)</th></tr></thead><tbody>\(rows)</tbody></table>
            <p><button type="submit">\(words.save)</button></p></form>
            <h2>\(words.reopen)</h2>
            <p>\(words.reopenHelp)</p>
            <form method="post" action="/admin/periods/\(period.id)/reopen" class="stack">\(Layout.csrf(call))
            <label for="reopen-opd">OPD</label><select id="reopen-opd" name="opd_id" required>\(choices)</select>
            <label for="reopen-until">\(words.until)</label><input id="reopen-until" name="until" type="date" required>
            <label for="reopen-reason">\(words.reason)</label><input id="reopen-reason" name="reason" required maxlength="500">
            <p><button type="submit">\(words.reopen)</button></p></form>
            <h2>\(words.reopenings)</h2>
            \(history)
            """, status: status)
    }
}

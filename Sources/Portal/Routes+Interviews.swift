import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// Interview preparation: admins and the Tim Asesor Internal schedule an interview per OPD and indicator, take
    /// its notes and record the evidence promised to follow (each with a due day, in the OPD's queue); an OPD's
    /// operators see their own OPD's interviews and promises, viewers read everything.
    func addInterviewRoutes() {
        get("/periods/:period/interviews", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            return try interviewsPage(call, period: period)
        }
        post("/periods/:period/interviews", .signedIn) { call in
            guard let period = try call.id("period").flatMap({ try call.store.period(id: $0) }) else {
                return call.notFound()
            }
            guard Self.mayInterview(call) else { return call.forbidden() }
            let form = call.form ?? FormData()
            let date = form["date"] ?? ""
            let time = form["time"] ?? ""
            let place = (form["place"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let attendees = (form["attendees"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let indicator = form["indicator"] ?? ""
            guard let opdID = form["opd_id"].flatMap({ Int64($0) }), let opd = try call.store.opd(id: opdID),
                Self.isDate(date), Self.isTime(time), (1...300).contains(place.count), attendees.count <= 1000,
                try Self.indicators(call, period: period).contains(where: { $0.id == indicator })
            else { return call.problem(.badRequest, call.words.interviewInvalid) }
            let interview = try call.store.addInterview(
                NewInterview(
                    periodID: period.id, opdID: opd.id, indicator: indicator, startsAt: "\(date) \(time)",
                    place: place, attendees: attendees, accountID: call.account.id))
            try call.audit("interview.schedule", "\(opd.code) · \(indicator) · \(interview.startsAt)")
            return call.redirect("/interviews/\(interview.id)")
        }
        get("/interviews/:interview", .signedIn) { call in
            guard let interview = try call.id("interview").flatMap({ try call.store.interview(id: $0) }),
                let period = try call.store.period(id: interview.periodID),
                let opd = try call.store.opd(id: interview.opdID)
            else { return call.notFound() }
            guard call.principal!.mayRead(opdID: interview.opdID) else { return call.forbidden() }
            return try interviewPage(call, interview, period: period, opd: opd)
        }
        post("/interviews/:interview/notes", .signedIn) { call in
            guard let interview = try call.id("interview").flatMap({ try call.store.interview(id: $0) }) else {
                return call.notFound()
            }
            guard Self.mayInterview(call) else { return call.forbidden() }
            let notes = (call.form ?? FormData())["notes"] ?? ""
            guard notes.count <= 10_000 else { return call.problem(.badRequest, call.words.interviewInvalid) }
            try call.store.setInterviewNotes(id: interview.id, notes: notes)
            try call.audit("interview.notes", "\(interview.indicator) · #\(interview.id)")
            return call.redirect("/interviews/\(interview.id)#notes")
        }
        post("/interviews/:interview/commitments", .signedIn) { call in
            guard let interview = try call.id("interview").flatMap({ try call.store.interview(id: $0) }) else {
                return call.notFound()
            }
            guard Self.mayInterview(call) else { return call.forbidden() }
            let form = call.form ?? FormData()
            let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let due = form["due"] ?? ""
            guard (1...500).contains(text.count), Self.isDate(due) else {
                return call.problem(.badRequest, call.words.interviewInvalid)
            }
            let commitment = try call.store.addCommitment(
                interviewID: interview.id, text: text, dueOn: due, accountID: call.account.id)
            try call.audit("interview.commitment", "\(commitment.indicator) · #\(interview.id) · \(due)")
            return call.redirect("/interviews/\(interview.id)#commitments")
        }
    }

    /// Whether the caller schedules interviews and takes their notes: admins and the Tim Asesor Internal.
    static func mayInterview(_ call: Call) -> Bool { [.admin, .assessor].contains(call.account.role) }

    /// Whether `text` is a time of day, `HH:MM` (24 hours).
    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return (0..<24).contains(hour) && (0..<60).contains(minute)
    }

    private func interviewsPage(_ call: Call, period: Period) throws -> Response {
        let words = call.words
        let opds = try call.store.opds()
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let visible = try call.store.interviews(periodID: period.id).filter {
            call.principal!.mayRead(opdID: $0.opdID)
        }
        let rows: [HTML] = visible.map {
            """
            <tr><td><a href="/interviews/\($0.id)">\($0.startsAt)</a></td><td>\(names[$0.opdID] ?? "")</td>\
            <td>\($0.indicator)</td><td>\(Self.placeHTML($0.place))</td></tr>
            """
        }
        var body: HTML =
            rows.isEmpty
            ? "<p>\(words.noInterviews)</p>"
            : """
            <table><thead><tr><th>\(words.interviewWhen) (WIB)</th><th>OPD</th><th>\(words.indicator)</th>\
            <th>\(words.interviewPlace)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        if Self.mayInterview(call) {
            let opdChoices: [HTML] = opds.map { "<option value=\"\($0.id)\">\($0.code): \($0.name)</option>" }
            let indicatorChoices: [HTML] = try Self.indicators(call, period: period).map {
                "<option value=\"\($0.id)\">\($0.id) \($0.name)</option>"
            }
            body = """
                \(body)
                <h2 id="schedule">\(words.scheduleInterview)</h2>
                <form method="post" action="/periods/\(period.id)/interviews" class="stack">\(Layout.csrf(call))
                <label for="interview-opd">OPD</label><select id="interview-opd" name="opd_id">\(opdChoices)</select>
                <label for="interview-indicator">\(words.indicator)</label><select id="interview-indicator" name="indicator">\(indicatorChoices)</select>
                <label for="interview-date">\(words.interviewDate)</label><input id="interview-date" name="date" type="date" required>
                <label for="interview-time">\(words.interviewTime) (WIB)</label><input id="interview-time" name="time" type="time" required>
                <label for="interview-place">\(words.interviewPlace)</label><input id="interview-place" name="place" required maxlength="300" placeholder="\(words.interviewPlaceHint)">
                <label for="interview-attendees">\(words.interviewAttendees)</label><textarea id="interview-attendees" name="attendees" maxlength="1000"></textarea>
                <p><button type="submit">\(words.scheduleInterview)</button></p></form>
                """
        }
        return call.html("\(words.interviews) · \(period.name)", body)
    }

    /// A place as text, or as a link when it is an https meeting link.
    static func placeHTML(_ place: String) -> HTML {
        guard place.hasPrefix("https://"), !place.contains(" "), URL(string: place) != nil else { return "\(place)" }
        return "<a href=\"\(place)\" rel=\"noopener noreferrer\">\(place)</a>"
    }

    private func interviewPage(_ call: Call, _ interview: Interview, period: Period, opd: OPD) throws -> Response {
        let words = call.words
        let points: [HTML] = try InterviewTalkingPoints.points(call, interview, period: period).map { "<li>\($0)</li>" }
        let attendees: [HTML] = interview.attendees.split(whereSeparator: \.isNewline).map { "<li>\(String($0))</li>" }
        let commitments = try call.store.commitments(periodID: period.id).filter { $0.interviewID == interview.id }
        let promised: [HTML] = commitments.map { "<tr><td>\($0.text)</td><td>\($0.dueOn)</td></tr>" }
        let attendeeList: HTML = attendees.isEmpty ? "<p>–</p>" : "<ul>\(attendees)</ul>"
        let promisedTable: HTML =
            promised.isEmpty
            ? "<p>\(words.none)</p>"
            : """
            <table><thead><tr><th>\(words.commitmentText)</th><th>\(words.dueOn)</th></tr></thead>\
            <tbody>\(promised)</tbody></table>
            """
        var body: HTML = """
            <p><a href="/periods/\(period.id)/interviews">\(words.interviews)</a> · \
            <a href="/periods/\(period.id)/opds/\(opd.id)">\(opd.name)</a></p>
            <p>\(words.interviewWhen): <strong>\(interview.startsAt) WIB</strong> · \(words.interviewPlace): \(Self.placeHTML(interview.place)) · \
            \(words.indicator) <strong>\(interview.indicator)</strong></p>
            <h2>\(words.interviewAttendees)</h2>\(attendeeList)
            <h2 id="points">\(words.talkingPoints)</h2><ul>\(points)</ul>
            <h2 id="commitments">\(words.commitments)</h2>
            \(promisedTable)
            """
        if Self.mayInterview(call) {
            body = """
                \(body)
                <form method="post" action="/interviews/\(interview.id)/commitments" class="stack">\(Layout.csrf(call))
                <label for="commitment-text">\(words.commitmentText)</label><input id="commitment-text" name="text" required maxlength="500">
                <label for="commitment-due">\(words.dueOn)</label><input id="commitment-due" name="due" type="date" required>
                <p><button type="submit">\(words.addCommitment)</button></p></form>
                <h2 id="notes">\(words.interviewNotes)</h2>
                <form method="post" action="/interviews/\(interview.id)/notes" class="stack">\(Layout.csrf(call))
                <label for="interview-notes">\(words.interviewNotes)</label><textarea id="interview-notes" name="notes" maxlength="10000">\(interview.notes)</textarea>
                <p><button type="submit">\(words.save)</button></p></form>
                """
        } else {
            body = """
                \(body)
                <h2 id="notes">\(words.interviewNotes)</h2><p class="penjelasan">\(interview.notes.isEmpty ? "–" : interview.notes)</p>
                """
        }
        return call.html("\(words.interview) \(interview.indicator) · \(opd.name)", body)
    }

    /// The OPD page's promised evidence, beside its revision requests: every commitment of its interviews in the
    /// period, with its due day, overdue ones marked.
    func commitmentQueue(_ call: Call, period: Period, opd: OPD) throws -> HTML {
        let words = call.words
        let today = CivilDay.day()
        let rows: [HTML] = try call.store.commitments(periodID: period.id).filter { $0.opdID == opd.id }.map {
            let due: HTML = $0.dueOn < today ? "<span class=\"missing\">\($0.dueOn)</span>" : "\($0.dueOn)"
            return """
                <tr><td><a href="/interviews/\($0.interviewID)"><code>\($0.indicator)</code></a></td><td>\($0.text)</td>\
                <td>\(due)</td></tr>
                """
        }
        let link: HTML = "<p><a href=\"/periods/\(period.id)/interviews\">\(words.interviews)</a></p>"
        guard !rows.isEmpty else { return link }
        return """
            <h3 id="commitments">\(words.commitments)</h3>
            <table><thead><tr><th>\(words.indicator)</th><th>\(words.commitmentText)</th><th>\(words.dueOn)</th></tr></thead>\
            <tbody>\(rows)</tbody></table>\(link)
            """
    }
}

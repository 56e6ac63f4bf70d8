import Foundation
import HTTPTypes
import Hummingbird
import Packs
import PortalStore

extension Routes {
    /// The follow-up tracker (issue 24): every recommendation and returned evidence item of an official result.
    /// An operator sees and updates its own OPD's follow-ups (status and a note); admins see and change all
    /// (owner, PJ, target, priority too); viewers and the Tim Asesor Internal read all.
    func addFollowUpRoutes() {
        get("/follow-ups", .signedIn) { call in
            let periods = try call.store.periods()
            var all: [FollowUp] = []
            for period in periods { all += try call.store.followUps(periodID: period.id) }
            let visible = all.filter { call.principal!.mayRead(followUp: $0) }
            return call.html(
                call.words.followUps,
                try followUpTable(call, visible, periods: periods, today: CivilDay.day(), editable: true))
        }
        post("/follow-ups/:followup", .signedIn) { call in
            guard let id = call.id("followup"), let followUp = try call.store.followUp(id: id) else {
                return call.notFound()
            }
            let principal = call.principal!
            guard principal.mayRead(followUp: followUp) else { return call.notFound() }
            guard principal.mayUpdate(followUp: followUp) else { return call.forbidden() }
            let form = call.form ?? FormData()
            let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let status = form["status"].flatMap(FollowUpStatus.init(rawValue:)), note.count <= 2000 else {
                return call.problem(.badRequest, call.words.followUpInvalid)
            }
            var change = FollowUpChange(status: status, note: note)
            if call.account.role == .admin {
                guard let admin = try Self.adminChange(form, into: change, opds: call.store.opds()) else {
                    return call.problem(.badRequest, call.words.followUpInvalid)
                }
                change = admin
            }
            guard let updated = try call.store.updateFollowUp(id: id, change) else { return call.notFound() }
            try call.audit("followup.update", "#\(updated.id) \(updated.indicator) \(updated.item): \(status.rawValue)")
            return call.redirect("/follow-ups#f-\(updated.id)")
        }
    }

    /// The admin's fields of a change (`opd_id`, `pj`, `target`, `priority`, each optional), nil when one is wrong.
    private static func adminChange(_ form: FormData, into change: FollowUpChange, opds: [OPD]) -> FollowUpChange? {
        var change = change
        if let opd = form["opd_id"] {
            guard opd.isEmpty || Int64(opd).map({ id in opds.contains { $0.id == id } }) == true else { return nil }
            change.opdID = .some(Int64(opd))
        }
        if let pj = form["pj"]?.trimmingCharacters(in: .whitespacesAndNewlines) {
            guard pj.count <= 200 else { return nil }
            change.pj = pj
        }
        if let target = form["target"], !target.isEmpty {
            guard CivilDay.adding(0, to: target) == target else { return nil }
            change.targetOn = target
        }
        if let priority = form["priority"], !priority.isEmpty {
            guard let value = FollowUpPriority(rawValue: priority) else { return nil }
            change.priority = value
        }
        return change
    }

    /// The tracker's table of `followUps` on `today` (`YYYY-MM-DD`): overdue ones flagged, each indicator also named
    /// in the newest period's framework when the packs differ, and an update form where the caller may update.
    func followUpTable(_ call: Call, _ followUps: [FollowUp], periods: [Period], today: String, editable: Bool) throws
        -> HTML
    {
        let words = call.words
        guard !followUps.isEmpty else { return "<p>\(words.noFollowUps)</p>" }
        let opds = try call.store.opds()
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let periodNames = Dictionary(uniqueKeysWithValues: periods.map { ($0.id, $0.name) })
        let mapped = try newestFrameworkNames(call, followUps, periods: periods)
        let overdue = followUps.count { $0.isOverdue(on: today) }
        let done = followUps.count { $0.status == .done }
        let rows: [HTML] = try followUps.map { item in
            let late = item.isOverdue(on: today)
            let status: HTML =
                late
                ? "<span class=\"missing\">\(words.followUpStatus(item.status)) · \(words.overdue)</span>"
                : item.status == .done
                    ? "<span class=\"ok\">\(words.followUpStatus(item.status))</span>"
                    : "\(words.followUpStatus(item.status))"
            let form =
                editable && call.principal!.mayUpdate(followUp: item) ? try updateForm(call, item, opds: opds) : ""
            return """
                <tr id="f-\(item.id)"\(late ? Self.gapAttribute : "")><td>\(periodNames[item.periodID] ?? "")</td>\
                <td>\(item.indicator)\(mapped[item.id].map { HTML("<br><small>\($0)</small>") } ?? "")</td>\
                <td>\(words.followUpSource(item.source))\(item.item.isEmpty ? "" : " \(item.item)")</td><td>\(item.description)</td>\
                <td>\(item.opdID.flatMap { names[$0] } ?? words.unassigned)</td><td>\(item.pj)</td><td>\(item.targetOn)</td>\
                <td>\(words.priority(item.priority))</td><td>\(status)</td><td>\(item.note)</td><td>\(form)</td></tr>
                """
        }
        return """
            <p class="notice" id="follow-up-counts">\(words.followUps): \(followUps.count) · \(words.followUpStatus(.done)): \(done) · \(words.overdue): \(overdue)</p>
            <table class="follow-ups"><thead><tr><th>\(words.period)</th><th>\(words.indicator)</th><th>\(words.source)</th>\
            <th>\(words.followUpWhat)</th><th>OPD</th><th>PJ</th><th>\(words.targetDate)</th><th>\(words.priorityLabel)</th>\
            <th>\(words.status)</th><th>\(words.progressNote)</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private func updateForm(_ call: Call, _ item: FollowUp, opds: [OPD]) throws -> HTML {
        let words = call.words
        let statuses: [HTML] = FollowUpStatus.allCases.map {
            "<option value=\"\($0.rawValue)\"\($0 == item.status ? " selected" : "")>\(words.followUpStatus($0))</option>"
        }
        var admin: HTML = ""
        if call.account.role == .admin {
            let owners: [HTML] = opds.map {
                "<option value=\"\($0.id)\"\($0.id == item.opdID ? " selected" : "")>\($0.name)</option>"
            }
            let priorities: [HTML] = FollowUpPriority.allCases.map {
                "<option value=\"\($0.rawValue)\"\($0 == item.priority ? " selected" : "")>\(words.priority($0))</option>"
            }
            admin = """
                <label for="f-\(item.id)-opd">OPD</label><select id="f-\(item.id)-opd" name="opd_id"><option value="">–</option>\(owners)</select>
                <label for="f-\(item.id)-pj">PJ</label><input id="f-\(item.id)-pj" name="pj" value="\(item.pj)" maxlength="200">
                <label for="f-\(item.id)-target">\(words.targetDate)</label><input id="f-\(item.id)-target" name="target" type="date" value="\(item.targetOn)">
                <label for="f-\(item.id)-priority">\(words.priorityLabel)</label><select id="f-\(item.id)-priority" name="priority">\(priorities)</select>
                """
        }
        return """
            <form method="post" action="/follow-ups/\(item.id)" class="stack compact">\(Layout.csrf(call))\(admin)
            <label for="f-\(item.id)-status">\(words.status)</label><select id="f-\(item.id)-status" name="status">\(statuses)</select>
            <label for="f-\(item.id)-note">\(words.progressNote)</label><input id="f-\(item.id)-note" name="note" value="\(item.note)" maxlength="2000">
            <button type="submit">\(words.save)</button></form>
            """
    }

    /// For each follow-up of a period whose pack is not the newest period's, the indicators it maps to in the newest
    /// period's framework, with the mapping's confidence (the follow-up survives the change of framework).
    private func newestFrameworkNames(_ call: Call, _ followUps: [FollowUp], periods: [Period]) throws -> [Int64:
        String]
    {
        guard let newest = periods.first else { return [:] }
        let packs = Dictionary(uniqueKeysWithValues: periods.map { ($0.id, $0.pack) })
        var mappings: [String: FrameworkMapping?] = [:]
        var shown: [Int64: String] = [:]
        for item in followUps {
            guard let pack = packs[item.periodID], pack != newest.pack else { continue }
            if mappings[pack] == nil {
                do throws(CheckAdapter.Failure) {
                    mappings[pack] = .some(try call.services.engine.mapping(older: pack, newer: newest.pack))
                } catch {
                    mappings[pack] = .some(nil)
                }
            }
            guard let mapping = mappings[pack] ?? nil, let entry = mapping.entry(from: item.indicator) else { continue }
            shown[item.id] =
                entry.to.isEmpty
                ? "→ \(mapping.toPack): \(call.words.noCounterpart)"
                : "→ \(mapping.toPack) \(entry.to.joined(separator: ", ")) (\(entry.confidence.rawValue))"
        }
        return shown
    }

    /// The dashboard's follow-ups: those the period before `period` promised (carried into this one), what of them
    /// is done and what is overdue; and how many this period's results gave rise to.
    func followUpSection(_ call: Call, period: Period) throws -> HTML {
        let words = call.words
        let periods = try call.store.periods()
        let current = try call.store.followUps(periodID: period.id)
        var body: [HTML] = []
        if let index = periods.firstIndex(where: { $0.id == period.id }), index + 1 < periods.count {
            let older = periods[index + 1]
            let carried = try call.store.followUps(periodID: older.id)
            if !carried.isEmpty {
                let table = try followUpTable(call, carried, periods: periods, today: CivilDay.day(), editable: false)
                body.append("<h3 id=\"carried\">\(words.carriedFrom(older.name))</h3>\(table)")
            }
        }
        if !current.isEmpty {
            let done = current.count { $0.status == .done }
            body.append("<p>\(words.followUpsOfPeriod): \(current.count) · \(words.followUpStatus(.done)): \(done)</p>")
        }
        guard !body.isEmpty else { return "" }
        return """
            <section id="follow-ups"><h2>\(words.followUps)</h2>
            \(HTML.join(body))
            <p><a href="/follow-ups">\(words.allFollowUps)</a></p></section>
            """
    }
}

extension Principal {
    /// Whether the caller may see a follow-up: an operator only its own OPD's; every other role all.
    func mayRead(followUp: FollowUp) -> Bool {
        account.role != .operator || (followUp.opdID != nil && followUp.opdID == account.opdID)
    }

    /// Whether the caller may update a follow-up: an admin any; an operator its own OPD's.
    func mayUpdate(followUp: FollowUp) -> Bool {
        account.role == .admin || (account.role == .operator && followUp.opdID == account.opdID)
    }
}

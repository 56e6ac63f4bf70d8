import Foundation
import Hummingbird
import PortalStore

extension Routes {
    /// The admin's pages: OPDs, accounts, evaluation periods, the audit log.
    func addAdminRoutes() {
        get("/admin/opds", .admin) { call in try opdsPage(call, notice: nil) }
        post("/admin/opds", .admin) { call in
            let code = (call.form?["code"] ?? "").trimmingCharacters(in: .whitespaces)
            let name = (call.form?["name"] ?? "").trimmingCharacters(in: .whitespaces)
            guard Self.isCode(code), !name.isEmpty, name.count <= 200 else {
                return try opdsPage(call, notice: call.words.invalidInput, status: .badRequest)
            }
            do {
                let opd = try call.store.createOPD(code: code, name: name)
                try call.audit("opd.create", "\(opd.code): \(opd.name)")
            } catch PortalStoreError.duplicate {
                return try opdsPage(call, notice: call.words.duplicate, status: .conflict)
            }
            return call.redirect("/admin/opds")
        }
        get("/admin/accounts", .admin) { call in try accountsPage(call, notice: nil) }
        post("/admin/accounts", .admin) { call in
            let form = call.form ?? FormData()
            let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
            let displayName = (form["display_name"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            guard let role = Role(rawValue: form["role"] ?? ""), Self.isCode(username), !displayName.isEmpty,
                displayName.count <= 200
            else {
                return try accountsPage(call, notice: call.words.invalidInput, status: .badRequest)
            }
            if let problem = Secrets.passwordProblem(password) {
                return try accountsPage(call, notice: problem, status: .badRequest)
            }
            var opdID: Int64?
            if role == .operator {
                guard let id = form["opd_id"].flatMap({ Int64($0) }), try call.store.opd(id: id) != nil else {
                    return try accountsPage(call, notice: call.words.invalidInput, status: .badRequest)
                }
                opdID = id
            }
            do {
                let account = try call.services.createAccountForSomeoneElse(
                    username: username, displayName: displayName, password: password, role: role, opdID: opdID)
                try call.audit("account.create", "\(account.username) (\(role.rawValue))")
            } catch PortalStoreError.duplicate {
                return try accountsPage(call, notice: call.words.duplicate, status: .conflict)
            }
            return call.redirect("/admin/accounts")
        }
        get("/admin/periods", .admin) { call in try periodsPage(call, notice: nil) }
        post("/admin/periods", .admin) { call in
            let form = call.form ?? FormData()
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let date = form["evaluation_date"] ?? ""
            let pack = (form["pack"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 200, Self.isDate(date) else {
                return try periodsPage(call, notice: call.words.invalidInput, status: .badRequest)
            }
            // A pack other than the bundled one must compile before the period opens.
            if !pack.isEmpty {
                do throws(CheckAdapter.Failure) {
                    _ = try call.services.engine.pack(pack)
                } catch {
                    return try periodsPage(call, notice: error.message, status: .badRequest)
                }
            }
            let period = try call.store.createPeriod(name: name, evaluationDate: date, pack: pack)
            try call.audit("period.create", "\(period.name) (\(period.evaluationDate))")
            return call.redirect("/admin/periods")
        }
        get("/admin/audit", .admin) { call in
            let accounts = Dictionary(uniqueKeysWithValues: try call.store.accounts().map { ($0.id, $0.username) })
            let rows: [HTML] = try call.store.auditLog(limit: 500).map { entry in
                let submission: HTML = entry.submissionID.map { "<a href=\"/submissions/\($0)\">#\($0)</a>" } ?? ""
                return
                    "<tr><td>\(Layout.time(entry.at))</td><td>\(entry.accountID.flatMap { accounts[$0] } ?? "–")</td><td><code>\(entry.action)</code></td><td>\(submission)</td><td>\(entry.detail)</td></tr>"
            }
            let words = call.words
            return call.html(
                words.audit,
                """
                <table><thead><tr><th>\(words.time)</th><th>\(words.who)</th><th>\(words.action)</th><th>\(words.submission)</th><th>\(words.detail)</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
        }
    }

    /// A code or user name: 1 to 64 of `a-z`, `0-9`, `.`, `-`, `_`.
    static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy {
                (97...122).contains($0) || (48...57).contains($0) || $0 == 46 || $0 == 45 || $0 == 95
            }
    }

    /// A date written `YYYY-MM-DD` (digits only) that exists in the calendar.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    private func opdsPage(_ call: Call, notice: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let words = call.words
        let rows: [HTML] = try call.store.opds().map {
            "<tr><td><code>\($0.code)</code></td><td><a href=\"/opds/\($0.id)\">\($0.name)</a></td></tr>"
        }
        return call.html(
            words.opds,
            """
            \(Self.notice(notice))
            <table><thead><tr><th>\(words.code)</th><th>\(words.name)</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(words.create)</h2>
            <form method="post" action="/admin/opds" class="stack">\(Layout.csrf(call))
            <label for="code">\(words.code) (a-z, 0-9, . - _)</label><input id="code" name="code" required maxlength="64">
            <label for="name">\(words.name)</label><input id="name" name="name" required maxlength="200">
            <p><button type="submit">\(words.create)</button></p></form>
            """, status: status)
    }

    private func accountsPage(_ call: Call, notice: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let words = call.words
        let opds = try call.store.opds()
        let names = Dictionary(uniqueKeysWithValues: opds.map { ($0.id, $0.name) })
        let rows: [HTML] = try call.store.accounts().map {
            "<tr><td><code>\($0.username)</code></td><td>\($0.displayName)</td><td>\($0.role.rawValue)</td><td>\($0.opdID.flatMap { names[$0] } ?? "")</td></tr>"
        }
        let roles: [HTML] = Role.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        let choices: [HTML] = opds.map { "<option value=\"\($0.id)\">\($0.code): \($0.name)</option>" }
        return call.html(
            words.accounts,
            """
            \(Self.notice(notice))
            <table><thead><tr><th>\(words.username)</th><th>\(words.displayName)</th><th>\(words.role)</th><th>OPD</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(words.create)</h2>
            <form method="post" action="/admin/accounts" class="stack">\(Layout.csrf(call))
            <label for="username">\(words.username) (a-z, 0-9, . - _)</label><input id="username" name="username" required maxlength="64">
            <label for="display_name">\(words.displayName)</label><input id="display_name" name="display_name" required maxlength="200">
            <label for="password">\(words.password) (≥ 10)</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="10">
            <label for="role">\(words.role)</label><select id="role" name="role">\(roles)</select>
            <label for="opd_id">\(words.operatorOf)</label><select id="opd_id" name="opd_id"><option value="">–</option>\(choices)</select>
            <p><button type="submit">\(words.create)</button></p></form>
            """, status: status)
    }

    private func periodsPage(_ call: Call, notice: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let words = call.words
        let rows: [HTML] = try call.store.periods().map {
            "<tr><td><a href=\"/dashboard?period=\($0.id)\">\($0.name)</a></td><td>\($0.evaluationDate)</td><td><code>\($0.pack.isEmpty ? "spbe-2020" : $0.pack)</code></td><td><a href=\"/admin/periods/\($0.id)/stages\">\(words.stagesOf)</a> · <a href=\"/admin/periods/\($0.id)/responsibilities\">\(words.matrix)</a></td></tr>"
        }
        return call.html(
            words.periods,
            """
            \(Self.notice(notice))
            <table><thead><tr><th>\(words.name)</th><th>\(words.evaluationDate)</th><th>Pack</th><th>\(words.stages)</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(words.create)</h2>
            <form method="post" action="/admin/periods" class="stack">\(Layout.csrf(call))
            <label for="name">\(words.name)</label><input id="name" name="name" required maxlength="200" placeholder="Evaluasi SPBE 2026">
            <label for="evaluation_date">\(words.evaluationDate)</label><input id="evaluation_date" name="evaluation_date" type="date" required>
            <label for="pack">\(words.pack)</label><input id="pack" name="pack">
            <p><button type="submit">\(words.create)</button></p></form>
            """, status: status)
    }

    static func notice(_ text: String?) -> HTML {
        text.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
    }
}

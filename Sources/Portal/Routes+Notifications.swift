import Foundation
import HTTPTypes
import Hummingbird
import PortalStore

extension Routes {
    /// Each account's notifications: its own list (opening it marks nothing; a button marks all read), and the
    /// e-mail address it receives them at, which only the account itself sets.
    func addNotificationRoutes() {
        get("/account/notifications", .signedIn) { call in try notificationsPage(call, notice: nil) }
        post("/account/notifications/read", .signedIn) { call in
            try call.store.markNotificationsRead(accountID: call.account.id)
            return call.redirect("/account/notifications")
        }
        post("/account/email", .signedIn) { call in
            let email = ((call.form ?? FormData())["email"] ?? "").trimmingCharacters(in: .whitespaces)
            guard email.isEmpty || MailMessage.isAddress(email) else {
                return try notificationsPage(call, notice: call.words.emailInvalid, status: .badRequest)
            }
            try call.store.setEmail(accountID: call.account.id, email.isEmpty ? nil : email)
            try call.audit("account.email", email.isEmpty ? "cleared" : "set")
            return call.redirect("/account/notifications")
        }
    }

    private func notificationsPage(_ call: Call, notice: String?, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        let words = call.words
        let stored = try call.store.notifications(accountID: call.account.id, limit: 200)
        let rows: [HTML] = stored.map {
            let subject: HTML = $0.read ? "\($0.subject)" : "<strong>\($0.subject)</strong>"
            return """
                <tr><td>\(Layout.time($0.createdAt))</td><td><a href="\($0.link)">\(subject)</a>\
                <div class="penjelasan">\($0.body)</div></td></tr>
                """
        }
        let list: HTML =
            rows.isEmpty
            ? "<p>\(words.noNotifications)</p>"
            : """
            <table><thead><tr><th>\(words.time)</th><th>\(words.notifications)</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
        let email = try call.store.emails()[call.account.id] ?? ""
        let body: HTML = """
            \(notice.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") } ?? "")
            \(list)
            <form method="post" action="/account/notifications/read" class="inline">\(Layout.csrf(call))<button type="submit">\(words.markAllRead)</button></form>
            <h2 id="email">\(words.emailHeading)</h2>
            <form method="post" action="/account/email" class="stack">\(Layout.csrf(call))
            <label for="notify-email">\(words.emailAddress)</label><input id="notify-email" name="email" type="email" maxlength="254" value="\(email)">
            <p>\(words.emailHelp)</p>
            <p><button type="submit">\(words.save)</button></p></form>
            """
        return call.html(words.notifications, body, status: status)
    }
}

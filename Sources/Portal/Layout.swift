import PortalStore

/// The site's frame around every page: navigation by role, the language switch, the sign-out form.
enum Layout {
    static func page(title: String, body: HTML, call: Call) -> HTML {
        let words = call.words
        var nav: [HTML] = []
        if let principal = call.principal {
            switch principal.account.role {
            case .admin:
                nav += [
                    link("/dashboard", words.dashboard), link("/admin/opds", words.opds),
                    link("/admin/accounts", words.accounts),
                    link("/admin/periods", words.periods), link("/admin/audit", words.audit),
                    link("/results", words.officialResults), link("/follow-ups", words.followUps),
                ]
            case .viewer, .assessor:
                nav += [
                    link("/dashboard", words.dashboard), link("/results", words.officialResults),
                    link("/follow-ups", words.followUps),
                ]
            case .operator:
                if let opd = principal.account.opdID { nav += [link("/opds/\(opd)", words.opdPage)] }
                nav.append(link("/follow-ups", words.followUps))
            }
            let unread = (try? call.store.unreadNotifications(accountID: principal.account.id)) ?? 0
            nav.append(
                "<a href=\"/account/notifications\">\(words.notifications) <span class=\"unread\" aria-label=\"\(words.unreadLabel)\">\(unread)</span></a> "
            )
            nav.append(link("/account/tokens", words.tokens))
            nav.append(link("/account/password", words.changePassword))
        }
        let other: Language = call.language == .id ? .en : .id
        let session: HTML =
            if let principal = call.principal, let csrf = principal.csrfToken {
                """
                <span class="who">\(principal.account.displayName) (\(principal.account.role.rawValue))</span>
                <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="\(csrf)"><button type="submit">\(words.logout)</button></form>
                """
            } else {
                ""
            }
        return """
            <!DOCTYPE html>
            <html lang="\(call.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(words.portal)</title>
            <link rel="stylesheet" href="/static/portal.css">
            <link rel="stylesheet" href="/static/report.css">
            <script src="/static/portal.js" defer></script>
            </head>
            <body>
            <header class="site"><a class="brand" href="/">\(words.portal)</a>
            <nav aria-label="menu">\(nav)</nav>
            <div class="tools"><a href="/lang?to=\(other.rawValue)&amp;back=\(call.path)" lang="\(other.rawValue)">\(words.switchLanguage)</a> \(session)</div>
            </header>
            <main>
            <h1>\(title)</h1>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    static func link(_ href: String, _ text: String) -> HTML { "<a href=\"\(href)\">\(text)</a> " }

    /// A hidden CSRF field for the signed-in session's forms.
    static func csrf(_ call: Call) -> HTML {
        guard let token = call.principal?.csrfToken else { return "" }
        return "<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">"
    }

    /// A Unix time as `YYYY-MM-DD HH:MM` UTC.
    static func time(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(rest / 3600)):\(two(rest % 3600 / 60)) UTC"
    }

    /// An index as two decimals, or a dash.
    static func index(_ value: Double?) -> String {
        guard let value else { return "–" }
        let rounded = (value * 100).rounded() / 100
        let text = String(rounded)
        let parts = text.split(separator: ".")
        return parts.count == 2 && parts[1].count == 1 ? text + "0" : text
    }
}

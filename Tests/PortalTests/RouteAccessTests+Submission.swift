import Foundation
import PortalStore

@testable import Portal

/// The routes of issue 24's submission pack, interviews and notifications in the role × route table: the pack for
/// admins and the Tim Asesor Internal; interviews scheduled and noted by them, read by whoever reads the OPD;
/// each account's own notifications and e-mail address.
let submissionRoutes: [RouteCase] = {
    let due = CivilDay.adding(14, to: CivilDay.day())!
    let packReaders: Set<PortalWorld.Caller> = [.admin, .assessor]
    return [
        RouteCase(.get, "/periods/P/submission-pack", packReaders) { "/periods/\($0.period.id)/submission-pack" },
        RouteCase(.get, "/periods/P/submission-pack.html", packReaders) {
            "/periods/\($0.period.id)/submission-pack.html"
        },
        RouteCase(.get, "/periods/P/submission-pack.zip", packReaders) {
            "/periods/\($0.period.id)/submission-pack.zip"
        },
        RouteCase(.get, "/periods/guessed/submission-pack.zip", []) { _ in "/periods/999999/submission-pack.zip" },
        RouteCase(.get, "/periods/P/interviews", signedInCallers) { "/periods/\($0.period.id)/interviews" },
        RouteCase(
            .post, "/periods/P/interviews", packReaders,
            body: .form([
                "opd_id": "1", "indicator": "I05", "date": due, "time": "09:30", "place": "Ruang rapat Diskominfo",
                "attendees": "Kepala Dinas\nOperator",
            ])
        ) { "/periods/\($0.period.id)/interviews" },
        RouteCase(.get, "/interviews/A", readersOfA) { "/interviews/\(interviewID($0, opd: $0.opdA))" },
        RouteCase(.get, "/interviews/B", readersOfB) { "/interviews/\(interviewID($0, opd: $0.opdB))" },
        RouteCase(.post, "/interviews/A/notes", packReaders, body: .form(["notes": "SK dibahas"])) {
            "/interviews/\(interviewID($0, opd: $0.opdA))/notes"
        },
        RouteCase(
            .post, "/interviews/B/commitments", packReaders,
            body: .form(["text": "Notula rapat tim koordinasi", "due": due])
        ) { "/interviews/\(interviewID($0, opd: $0.opdB))/commitments" },
        RouteCase(.get, "/interviews/guessed", []) { _ in "/interviews/999999" },
        RouteCase(.post, "/interviews/guessed/notes", [], body: .form(["notes": "x"])) { _ in
            "/interviews/999999/notes"
        },
        RouteCase(.post, "/interviews/guessed/commitments", [], body: .form(["text": "x", "due": due])) { _ in
            "/interviews/999999/commitments"
        },
        RouteCase(.get, "/account/notifications", signedInCallers) { _ in "/account/notifications" },
        RouteCase(.post, "/account/notifications/read", signedInCallers, body: .form([:])) { _ in
            "/account/notifications/read"
        },
        RouteCase(.post, "/account/email", signedInCallers, body: .form(["email": "petugas@pemda.go.id"])) { _ in
            "/account/email"
        },
    ]
}()

/// The id of an interview of `opd` about I05, scheduled in the store on first use.
func interviewID(_ world: PortalWorld, opd: OPD) -> Int64 {
    let store = world.services.store
    if let found = try? store.interviews(periodID: world.period.id).first(where: { $0.opdID == opd.id }) {
        return found.id
    }
    let made = try? store.addInterview(
        NewInterview(
            periodID: world.period.id, opdID: opd.id, indicator: "I05", startsAt: "2026-08-01 09:00",
            place: "Ruang rapat", attendees: "", accountID: world.accounts[.admin]!.id))
    return made?.id ?? 0
}

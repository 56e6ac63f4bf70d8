import Foundation

@testable import Portal

/// The workflow's routes (issue 23) in the role × route table: stages and reopenings (admin only), the password
/// page (every account), and downloads by guessed ids or blob hashes (nobody).
let workflowRoutes: [RouteCase] = {
    let today = CivilDay.day()
    let later = CivilDay.adding(30, to: today)!
    let guessedHash = String(repeating: "ab", count: 32)
    return [
        RouteCase(.get, "/admin/periods/P/stages", [.admin]) { "/admin/periods/\($0.period.id)/stages" },
        // Uploads stay open: the self-assessment stage ends in 30 days.
        RouteCase(
            .post, "/admin/periods/P/stages", [.admin],
            body: .form(["penilaian-mandiri-start": today, "penilaian-mandiri-end": later])
        ) { "/admin/periods/\($0.period.id)/stages" },
        RouteCase(
            .post, "/admin/periods/P/reopen", [.admin],
            body: .form(["opd_id": "1", "until": today, "reason": "Server pemda mati saat tenggat"])
        ) { "/admin/periods/\($0.period.id)/reopen" },
        RouteCase(.get, "/admin/periods/P/responsibilities", [.admin]) {
            "/admin/periods/\($0.period.id)/responsibilities"
        },
        RouteCase(
            .post, "/admin/periods/P/responsibilities", [.admin],
            body: .form(["lead-I15": "1", "contrib-I15": "dukcapil", "pj-I15": "Budi Santoso"])
        ) { "/admin/periods/\($0.period.id)/responsibilities" },
        RouteCase(.get, "/evidence/A", readersOfA) { "/evidence/\($0.evidenceA.id)" },
        RouteCase(.get, "/evidence/B", readersOfB) { "/evidence/\($0.evidenceB.id)" },
        RouteCase(.get, "/evidence/A/file", readersOfA) { "/evidence/\($0.evidenceA.id)/file" },
        RouteCase(.get, "/evidence/B/file", readersOfB) { "/evidence/\($0.evidenceB.id)/file" },
        RouteCase(.get, "/evidence/guessed/file", []) { _ in "/evidence/999999/file" },
        RouteCase(.get, "/evidence/HASH/file", []) { _ in "/evidence/\(guessedHash)/file" },
        RouteCase(.get, "/evidence/B-hash-as-id/file", []) { "/evidence/\($0.evidenceB.contentHash)/file" },
        RouteCase(
            .post, "/periods/P/opds/A/evidence", [.operatorA],
            body: .file(fileName: "perbup.pdf", data: PortalWorld.samplePDF, fields: evidenceFields)
        ) { "/periods/\($0.period.id)/opds/\($0.opdA.id)/evidence" },
        RouteCase(
            .post, "/periods/P/opds/B/evidence", [.operatorB],
            body: .file(fileName: "perbup.pdf", data: PortalWorld.samplePDF, fields: evidenceFields)
        ) { "/periods/\($0.period.id)/opds/\($0.opdB.id)/evidence" },
        // After the matrix above made OPD A the lead of I15.
        RouteCase(
            .post, "/periods/P/opds/A/claims", [.operatorA],
            body: .form(["indicator": "I15", "level": "3", "fact": "Fakta", "analysis": "Analisis"])
        ) { "/periods/\($0.period.id)/opds/\($0.opdA.id)/claims" },
        // The internal review: only the Tim Asesor Internal records verdicts (admins neither), on guessed ids nobody.
        RouteCase(.post, "/evidence/A/verdict", [.assessor], body: .form(["verdict": "accepted"])) {
            "/evidence/\($0.evidenceA.id)/verdict"
        },
        RouteCase(
            .post, "/evidence/B/verdict", [.assessor],
            body: .form(["verdict": "revise", "reason": "bukti-kedaluwarsa", "note": "SK tahun 2019"])
        ) { "/evidence/\($0.evidenceB.id)/verdict" },
        RouteCase(.post, "/evidence/guessed/verdict", [], body: .form(["verdict": "accepted"])) { _ in
            "/evidence/999999/verdict"
        },
        RouteCase(.get, "/claims/C", readersOfA) { "/claims/\(currentClaim($0))" },
        RouteCase(.post, "/claims/C/verdict", [.assessor], body: .form(["verdict": "accepted"])) {
            "/claims/\(currentClaim($0))/verdict"
        },
        RouteCase(.get, "/claims/guessed", []) { _ in "/claims/999999" },
        RouteCase(.post, "/claims/guessed/verdict", [], body: .form(["verdict": "accepted"])) { _ in
            "/claims/999999/verdict"
        },
        RouteCase(.get, "/account/password", signedInCallers) { _ in "/account/password" },
        RouteCase(.get, "/submissions/guessed/upload", []) { _ in "/submissions/999999/upload" },
        RouteCase(.get, "/submissions/guessed/report.html", []) { _ in "/submissions/999999/report.html" },
        RouteCase(.get, "/submissions/HASH/upload", []) { _ in "/submissions/\(guessedHash)/upload" },
        RouteCase(.get, "/blobs/HASH", []) { _ in "/blobs/\(guessedHash)" },
        RouteCase(.get, "/api/v1/submissions/guessed/report", []) { _ in "/api/v1/submissions/999999/report" },
    ]
}()

/// The id of OPD A's current claim (made by the claim route above), 0 when there is none.
private func currentClaim(_ world: PortalWorld) -> Int64 {
    (try? world.services.store.claims(periodID: world.period.id).first?.id) ?? 0
}

/// The fields of a valid evidence upload (besides the file).
let evidenceFields = ["indicator": "I05", "level": "3", "title": "Perbup pusat data"]

/// Who may read OPD A's and OPD B's data.
let readersOfA: Set<PortalWorld.Caller> = [.admin, .viewer, .assessor, .operatorA]
let readersOfB: Set<PortalWorld.Caller> = [.admin, .viewer, .assessor, .operatorB]

/// Every caller that signs in.
let signedInCallers: Set<PortalWorld.Caller> = Set(PortalWorld.Caller.allCases).subtracting([.anonymous])

/// Changing one's own password: every signed-in caller, with its right current password.
let passwordChangeRoute = RouteCase(
    .post, "/account/password", signedInCallers,
    body: .form(["current": PortalWorld.password, "new": "another horse battery", "repeat": "another horse battery"])
) { _ in "/account/password" }

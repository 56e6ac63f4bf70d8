import Foundation

@testable import Portal

/// The workflow's API routes and the evidence checklist in the role × route table, run after `workflowRoutes` (its
/// stages keep uploads open and make OPD A the lead of I15): readers of an OPD read, its operator writes, the
/// assessor judges, the admin schedules and assigns; guessed ids reach nobody.
let workflowAPIRoutes: [RouteCase] = {
    let today = CivilDay.day()
    let later = CivilDay.adding(30, to: today)!
    let guessedHash = String(repeating: "cd", count: 32)
    var routes: [RouteCase] = [
        RouteCase(.get, "/api/v1/periods/P/stages", signedInCallers) { "/api/v1/periods/\($0.period.id)/stages" },
        RouteCase(
            .post, "/api/v1/periods/P/stages/penilaian-mandiri", [.admin],
            body: .form(["starts_on": today, "ends_on": later])
        ) { "/api/v1/periods/\($0.period.id)/stages/penilaian-mandiri" },
        RouteCase(
            .post, "/api/v1/periods/P/opds/A/reopenings", [.admin],
            body: .form(["days": "3", "reason": "Listrik padam saat tenggat"])
        ) { "/api/v1/periods/\($0.period.id)/opds/\($0.opdA.id)/reopenings" },
        RouteCase(.get, "/api/v1/periods/P/responsibilities", signedInCallers) {
            "/api/v1/periods/\($0.period.id)/responsibilities"
        },
        RouteCase(
            .post, "/api/v1/periods/P/responsibilities/I15", [.admin],
            body: .form(["lead_opd_id": "1", "contributors": "dukcapil", "pj": "Budi Santoso"])
        ) { "/api/v1/periods/\($0.period.id)/responsibilities/I15" },
        RouteCase(.get, "/api/v1/evidence/guessed/file", []) { _ in "/api/v1/evidence/999999/file" },
        RouteCase(.get, "/api/v1/evidence/HASH/file", []) { _ in "/api/v1/evidence/\(guessedHash)/file" },
        RouteCase(.get, "/api/v1/evidence/B-hash-as-id/file", []) {
            "/api/v1/evidence/\($0.evidenceB.contentHash)/file"
        },
        RouteCase(.post, "/api/v1/evidence/guessed/verdict", [], body: .form(["verdict": "accepted"])) { _ in
            "/api/v1/evidence/999999/verdict"
        },
        RouteCase(
            .post, "/api/v1/periods/P/opds/A/claims", [.operatorA],
            body: .form(["indicator": "I15", "level": "2", "fact": "Fakta API", "analysis": "Analisis API"])
        ) { "/api/v1/periods/\($0.period.id)/opds/\($0.opdA.id)/claims" },
        RouteCase(.post, "/api/v1/claims/C/verdict", [.assessor], body: .form(["verdict": "accepted"])) {
            "/api/v1/claims/\(currentClaimID($0))/verdict"
        },
        RouteCase(.post, "/api/v1/claims/guessed/verdict", [], body: .form(["verdict": "accepted"])) { _ in
            "/api/v1/claims/999999/verdict"
        },
    ]
    for (side, readers, writer) in [("A", readersOfA, PortalWorld.Caller.operatorA), ("B", readersOfB, .operatorB)] {
        let opd: @Sendable (PortalWorld) -> Int64 = { side == "A" ? $0.opdA.id : $0.opdB.id }
        let evidence: @Sendable (PortalWorld) -> Int64 = { side == "A" ? $0.evidenceA.id : $0.evidenceB.id }
        routes += [
            RouteCase(.get, "/api/v1/periods/P/opds/\(side)/evidence", readers) {
                "/api/v1/periods/\($0.period.id)/opds/\(opd($0))/evidence"
            },
            RouteCase(
                .post, "/api/v1/periods/P/opds/\(side)/evidence", [writer],
                body: .file(fileName: "perbup.pdf", data: PortalWorld.samplePDF, fields: evidenceFields)
            ) { "/api/v1/periods/\($0.period.id)/opds/\(opd($0))/evidence" },
            RouteCase(.get, "/api/v1/evidence/\(side)", readers) { "/api/v1/evidence/\(evidence($0))" },
            RouteCase(.get, "/api/v1/evidence/\(side)/file", readers) { "/api/v1/evidence/\(evidence($0))/file" },
            RouteCase(.post, "/api/v1/evidence/\(side)/verdict", [.assessor], body: .form(["verdict": "accepted"])) {
                "/api/v1/evidence/\(evidence($0))/verdict"
            },
            RouteCase(.get, "/api/v1/periods/P/opds/\(side)/verdicts", readers) {
                "/api/v1/periods/\($0.period.id)/opds/\(opd($0))/verdicts"
            },
            RouteCase(.get, "/api/v1/periods/P/opds/\(side)/claims", readers) {
                "/api/v1/periods/\($0.period.id)/opds/\(opd($0))/claims"
            },
            RouteCase(.get, "/periods/P/opds/\(side)/checklist", readers) {
                "/periods/\($0.period.id)/opds/\(opd($0))/checklist"
            },
            RouteCase(.get, "/periods/P/opds/\(side)/uploaded-evidence.json", readers) {
                "/periods/\($0.period.id)/opds/\(opd($0))/uploaded-evidence.json"
            },
        ]
    }
    return routes
}()

/// The id of the period's first current claim, 0 when there is none.
private func currentClaimID(_ world: PortalWorld) -> Int64 {
    (try? world.services.store.claims(periodID: world.period.id).first?.id) ?? 0
}

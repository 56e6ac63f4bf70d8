import Foundation
import PortalStore

@testable import Portal

/// A new follow-up of OPD A in the world's period (a distinct evidence code each call), its id in a path.
private func followUpOfA(_ world: PortalWorld) -> String {
    let item = "I05-L3-\(Secrets.random().prefix(8))"
    let store = world.services.store
    let batch =
        ResultBatch(
            periodID: world.period.id, results: [], evidence: [], replacesResults: false, replacesEvidence: false,
            followUps: [
                NewFollowUp(
                    periodID: world.period.id, source: .evidence, indicator: "I05", item: item, opdID: world.opdA.id,
                    pj: "", targetOn: "2027-01-31", priority: .high, description: "Revisi bukti")
            ], accountID: world.accounts[.admin]!.id)
    guard (try? store.saveResults(batch)) != nil else { return "/follow-ups/0" }
    let id = try? store.followUps(periodID: world.period.id).first { $0.item == item }?.id
    return "/follow-ups/\(id ?? 0)"
}

/// The routes of official results and follow-ups (issue 24): results are read by admins, viewers and the Tim
/// Asesor Internal and written by admins only; follow-ups are read by every signed-in caller (an operator only its
/// own OPD's) and updated by admins and the owner OPD's operator.
let resultRoutes: [RouteCase] = {
    let staff: Set<PortalWorld.Caller> = [.admin, .viewer, .assessor]
    let csv = Data("indikator,nama,tingkat,opd,catatan,rekomendasi\r\nI05,,3,,Catatan asesor,\r\n".utf8)
    return [
        RouteCase(.get, "/results", staff) { _ in "/results" },
        RouteCase(.get, "/periods/P/results", staff) { "/periods/\($0.period.id)/results" },
        RouteCase(
            .post, "/periods/P/results", [.admin],
            body: .form(["indicator": "I05", "level": "3", "notes": "Catatan", "recommendation": "Perbarui Perbup"])
        ) { "/periods/\($0.period.id)/results" },
        RouteCase(
            .post, "/periods/P/results/evidence", [.admin],
            body: .form(["evidence_id": "1", "outcome": "revise", "note": "Belum ditandatangani"])
        ) { "/periods/\($0.period.id)/results/evidence" },
        RouteCase(
            .post, "/periods/P/results/import", [.admin], body: .file(fileName: "hasil.csv", data: csv, fields: [:])
        ) { "/periods/\($0.period.id)/results/import" },
        RouteCase(.get, "/periods/P/results/template.xlsx", [.admin]) {
            "/periods/\($0.period.id)/results/template.xlsx"
        },
        RouteCase(.get, "/periods/P/results/hasil.csv", [.admin]) { "/periods/\($0.period.id)/results/hasil.csv" },
        RouteCase(.get, "/periods/P/results/bukti.csv", [.admin]) { "/periods/\($0.period.id)/results/bukti.csv" },
        RouteCase(.get, "/periods/guessed/results", []) { _ in "/periods/999999/results" },
        RouteCase(.get, "/follow-ups", [.admin, .operatorA, .operatorB, .viewer, .assessor]) { _ in "/follow-ups" },
        RouteCase(
            .post, "/follow-ups/F-of-A", [.admin, .operatorA],
            body: .form(["status": "in-progress", "note": "Sedang dikerjakan"]), path: followUpOfA),
        RouteCase(.post, "/follow-ups/guessed", [], body: .form(["status": "done", "note": ""])) { _ in
            "/follow-ups/999999"
        },
    ]
}()

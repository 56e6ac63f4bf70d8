import Foundation
import GRDB
import Testing

@testable import PortalStore

@Suite("Portal store: official results and follow-ups")
struct ResultStoreTests {
    private struct Setup {
        let folder: String
        let store: SQLitePortalStore
        let period: Period
        let opd: OPD
        let admin: Account
    }

    private func setup() throws -> Setup {
        let folder = try temporaryFolder()
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite", clock: { 1_800_000_000 })
        let period = try store.createPeriod(name: "2025", evaluationDate: "2025-06-30", pack: "")
        let opd = try store.createOPD(code: "dinkes", name: "Dinas Kesehatan")
        let admin = try store.createAccount(
            username: "admin", displayName: "A", passwordHash: "x", role: .admin, opdID: nil)
        return Setup(folder: folder, store: store, period: period, opd: opd, admin: admin)
    }

    private func followUp(_ setup: Setup, item: String, target: String) -> NewFollowUp {
        NewFollowUp(
            periodID: setup.period.id, source: .evidence, indicator: "I45", item: item, opdID: setup.opd.id,
            pj: "Yusuf",
            targetOn: target, priority: .high, description: "Revisi bukti \(item)")
    }

    @Test("an import replaces every result of the period; a form sets one and keeps the others")
    func replaceAndSet() throws {
        let setup = try setup()
        defer { try? FileManager.default.removeItem(atPath: setup.folder) }
        let store = setup.store
        func batch(_ results: [OfficialResult], replacing: Bool) -> ResultBatch {
            ResultBatch(
                periodID: setup.period.id, results: results, evidence: [], replacesResults: replacing,
                replacesEvidence: false, followUps: [], accountID: setup.admin.id)
        }
        try store.saveResults(
            batch(
                [
                    OfficialResult(indicator: "I01", opdID: nil, level: 3, notes: "", recommendation: ""),
                    OfficialResult(indicator: "I02", opdID: setup.opd.id, level: 2, notes: "n", recommendation: "r"),
                ], replacing: true))
        try store.saveResults(
            batch(
                [OfficialResult(indicator: "I02", opdID: nil, level: 4, notes: "", recommendation: "")],
                replacing: false))
        #expect(try store.officialResults(periodID: setup.period.id).map(\.level) == [3, 4])
        try store.saveResults(
            batch(
                [OfficialResult(indicator: "I03", opdID: nil, level: 1, notes: "", recommendation: "")], replacing: true
            ))
        #expect(try store.officialResults(periodID: setup.period.id).map(\.indicator) == ["I03"])
        #expect(throws: DatabaseError.self) {
            try store.saveResults(
                batch(
                    [OfficialResult(indicator: "I04", opdID: nil, level: 6, notes: "", recommendation: "")],
                    replacing: true))
        }
        #expect(try store.officialResults(periodID: setup.period.id).map(\.indicator) == ["I03"], "all or nothing")
    }

    @Test("the same follow-up imported twice is stored once, and keeps the status its owner gave it")
    func followUpsAreUnique() throws {
        let setup = try setup()
        defer { try? FileManager.default.removeItem(atPath: setup.folder) }
        let store = setup.store
        let batch = ResultBatch(
            periodID: setup.period.id, results: [],
            evidence: [OfficialEvidenceResult(opdID: setup.opd.id, code: "I45-L3-01", outcome: .revise, note: "n")],
            replacesResults: false, replacesEvidence: true,
            followUps: [followUp(setup, item: "I45-L3-01", target: "2026-01-31")], accountID: setup.admin.id)
        try store.saveResults(batch)
        let first = try #require(try store.followUps(periodID: setup.period.id).first)
        #expect(first.status == .open && first.priority == .high && first.pj == "Yusuf")
        _ = try store.updateFollowUp(id: first.id, FollowUpChange(status: .done, note: "Sudah diunggah"))
        try store.saveResults(batch)
        let all = try store.followUps(periodID: setup.period.id)
        #expect(all.count == 1)
        #expect(all.first?.status == .done && all.first?.note == "Sudah diunggah")
        #expect(try store.officialEvidenceResults(periodID: setup.period.id).map(\.outcome) == [.revise])
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "DELETE FROM follow_up") }
        }
    }

    @Test("overdue follow-ups are those not done whose target is before the given day")
    func overdue() throws {
        let setup = try setup()
        defer { try? FileManager.default.removeItem(atPath: setup.folder) }
        let store = setup.store
        try store.saveResults(
            ResultBatch(
                periodID: setup.period.id, results: [], evidence: [], replacesResults: false, replacesEvidence: false,
                followUps: [
                    followUp(setup, item: "A", target: "2026-01-31"), followUp(setup, item: "B", target: "2026-03-31"),
                    followUp(setup, item: "C", target: "2026-01-15"),
                ], accountID: setup.admin.id))
        let c = try #require(try store.followUps(periodID: setup.period.id).first { $0.item == "C" })
        _ = try store.updateFollowUp(id: c.id, FollowUpChange(status: .done, note: ""))
        #expect(try store.overdueFollowUps(asOf: "2026-01-31").map(\.item) == [])
        #expect(try store.overdueFollowUps(asOf: "2026-02-01").map(\.item) == ["A"])
        #expect(try store.overdueFollowUps(asOf: "2026-04-01").map(\.item) == ["A", "B"])
        let a = try #require(try store.followUps(periodID: setup.period.id).first { $0.item == "A" })
        #expect(a.isOverdue(on: "2026-02-01") && !a.isOverdue(on: "2026-01-31"))
    }

    @Test("an admin's change moves a follow-up's owner, PJ, target and priority; nil fields stay")
    func adminChange() throws {
        let setup = try setup()
        defer { try? FileManager.default.removeItem(atPath: setup.folder) }
        let store = setup.store
        try store.saveResults(
            ResultBatch(
                periodID: setup.period.id, results: [], evidence: [], replacesResults: false, replacesEvidence: false,
                followUps: [followUp(setup, item: "A", target: "2026-01-31")], accountID: setup.admin.id))
        let id = try #require(try store.followUps(periodID: setup.period.id).first?.id)
        let changed = try #require(
            try store.updateFollowUp(
                id: id,
                FollowUpChange(
                    status: .inProgress, note: "x", opdID: .some(nil), targetOn: "2026-06-30", priority: .low)))
        #expect(changed.opdID == nil && changed.pj == "Yusuf" && changed.targetOn == "2026-06-30")
        #expect(changed.priority == .low && changed.status == .inProgress)
        #expect(try store.followUp(id: id) == changed)
        #expect(try store.updateFollowUp(id: 999, FollowUpChange(status: .done, note: "")) == nil)
    }
}

import Foundation
import GRDB
import Testing

@testable import PortalStore

@Suite("Portal store: workflow")
struct WorkflowStoreTests {
    @Test(
        "stage dates come back in the evaluation's order and replace the earlier ones; an end before a start is refused"
    )
    func stages() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite", clock: { 1_800_000_000 })
        let period = try store.createPeriod(name: "2026", evaluationDate: "2026-06-30", pack: "")
        try store.setStages(
            periodID: period.id,
            [
                StageDates(stage: .hasil, startsOn: "2026-11-01", endsOn: "2026-11-30"),
                StageDates(stage: .persiapan, startsOn: "2026-01-01", endsOn: "2026-01-31"),
            ])
        #expect(try store.stages(periodID: period.id).map(\.stage) == [.persiapan, .hasil])
        try store.setStages(
            periodID: period.id, [StageDates(stage: .penilaianMandiri, startsOn: "2026-02-01", endsOn: "2026-03-31")])
        #expect(
            try store.stages(periodID: period.id)
                == [StageDates(stage: .penilaianMandiri, startsOn: "2026-02-01", endsOn: "2026-03-31")])
        #expect(throws: DatabaseError.self) {
            try store.setStages(
                periodID: period.id, [StageDates(stage: .interviu, startsOn: "2026-05-02", endsOn: "2026-05-01")])
        }
        #expect(try store.stages(periodID: period.id).map(\.stage) == [.penilaianMandiri])
    }

    @Test("reopenings are kept per OPD, newest first, and cannot be changed")
    func reopenings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite", clock: { 1_800_000_000 })
        let opd = try store.createOPD(code: "dinkes", name: "Dinas Kesehatan")
        let admin = try store.createAccount(
            username: "a", displayName: "A", passwordHash: "!", role: .admin, opdID: nil)
        let period = try store.createPeriod(name: "2026", evaluationDate: "2026-06-30", pack: "")
        let first = try store.addReopening(
            periodID: period.id, opdID: opd.id, untilOn: "2026-04-02", reason: "Listrik padam", accountID: admin.id)
        let second = try store.addReopening(
            periodID: period.id, opdID: opd.id, untilOn: "2026-04-05", reason: "Server rusak", accountID: admin.id)
        #expect(try store.reopenings(periodID: period.id, opdID: opd.id).map(\.id) == [second.id, first.id])
        #expect(first.createdAt == 1_800_000_000)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE stage_reopening SET until_on = '2030-01-01'") }
        }
    }

    @Test("a required password change is cleared by the change itself, and never touches the role")
    func passwordChange() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite")
        let account = try store.createAccount(
            username: "v", displayName: "V", passwordHash: "old", role: .assessor, opdID: nil)
        #expect(try store.passwordChangeRequired(accountID: account.id) == false)
        try store.setPasswordChangeRequired(accountID: account.id, true)
        try store.setPasswordChangeRequired(accountID: account.id, true)
        #expect(try store.passwordChangeRequired(accountID: account.id))
        try store.changePassword(accountID: account.id, passwordHash: "new")
        #expect(try store.passwordChangeRequired(accountID: account.id) == false)
        #expect(try store.account(id: account.id)?.passwordHash == "new")
        #expect(try store.account(id: account.id)?.role == .assessor)
        #expect(throws: PortalStoreError.missing("account")) {
            try store.changePassword(accountID: 999, passwordHash: "x")
        }
    }
}

@Suite("Portal store: responsibilities")
struct ResponsibilityStoreTests {
    @Test("a matrix replaces the earlier one whole, and a lead is never its own contributor")
    func matrix() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite")
        let a = try store.createOPD(code: "a", name: "A")
        let b = try store.createOPD(code: "b", name: "B")
        let period = try store.createPeriod(name: "2026", evaluationDate: "2026-06-30", pack: "")
        try store.setResponsibilities(
            periodID: period.id,
            [
                Responsibility(indicator: "I02", leadOPDID: a.id, contributorIDs: [b.id, a.id], pj: "Sri"),
                Responsibility(indicator: "I01", leadOPDID: nil, contributorIDs: [], pj: ""),
            ])
        #expect(
            try store.responsibilities(periodID: period.id) == [
                Responsibility(indicator: "I01", leadOPDID: nil, contributorIDs: [], pj: ""),
                Responsibility(indicator: "I02", leadOPDID: a.id, contributorIDs: [b.id], pj: "Sri"),
            ])
        try store.setResponsibilities(
            periodID: period.id, [Responsibility(indicator: "I03", leadOPDID: b.id, contributorIDs: [a.id], pj: "")])
        #expect(try store.responsibilities(periodID: period.id).map(\.indicator) == ["I03"])
        let contributors = try store.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM responsibility_contributor")
        }
        #expect(contributors == 1)
    }
}

@Suite("Portal store: claims")
struct ClaimStoreTests {
    @Test("the latest claim of an indicator is current, the earlier ones stay and cannot be changed")
    func latestIsCurrent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite")
        let opd = try store.createOPD(code: "a", name: "A")
        let account = try store.createAccount(
            username: "op", displayName: "Op", passwordHash: "!", role: .operator, opdID: opd.id)
        let period = try store.createPeriod(name: "2026", evaluationDate: "2026-06-30", pack: "")
        for (indicator, level) in [("I05", 2), ("I05", 4), ("I01", 3)] {
            _ = try store.addClaim(
                NewClaim(
                    periodID: period.id, indicator: indicator, opdID: opd.id, level: level, fact: "f", analysis: "a",
                    evidenceCodes: ["\(indicator)-L\(level)-01"], accountID: account.id))
        }
        let current = try store.claims(periodID: period.id)
        #expect(current.map(\.indicator) == ["I01", "I05"])
        #expect(current.map(\.level) == [3, 4])
        #expect(current[1].evidenceCodes == ["I05-L4-01"])
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE claim SET level = 5") }
        }
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM claim") } == 3)
    }
}

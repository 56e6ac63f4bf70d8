import Foundation
import GRDB
import Testing

@testable import PortalStore

@Suite("Portal store: internal review")
struct ReviewStoreTests {
    @Test("verdicts come back oldest first and can be neither changed nor deleted; 'lainnya' needs a note")
    func verdicts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite", clock: { 1_800_000_000 })
        let opd = try store.createOPD(code: "dinkes", name: "Dinas Kesehatan")
        let assessor = try store.createAccount(
            username: "asesor", displayName: "Asesor", passwordHash: "!", role: .assessor, opdID: nil)
        let period = try store.createPeriod(name: "2026", evaluationDate: "2026-06-30", pack: "")
        let returned = try store.addVerdict(
            periodID: period.id, opdID: opd.id, subject: .evidence, item: "I05-L3-01", version: 1, verdict: .revise,
            reason: .outOfDate, note: "SK 2019", accountID: assessor.id)
        let accepted = try store.addVerdict(
            periodID: period.id, opdID: opd.id, subject: .evidence, item: "I05-L3-01", version: 2, verdict: .accepted,
            reason: nil, note: "", accountID: assessor.id)
        #expect(try store.verdicts(periodID: period.id) == [returned, accepted])
        #expect(returned.reason == .outOfDate && returned.createdAt == 1_800_000_000)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE verdict SET verdict = 'accepted'") }
        }
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM verdict") } }
        #expect(throws: DatabaseError.self) {
            try store.addVerdict(
                periodID: period.id, opdID: opd.id, subject: .claim, item: "I05", version: 1, verdict: .revise,
                reason: .other, note: " ", accountID: assessor.id)
        }
        #expect(throws: DatabaseError.self) {
            try store.addVerdict(
                periodID: period.id, opdID: opd.id, subject: .claim, item: "I05", version: 1, verdict: .revise,
                reason: nil, note: "", accountID: assessor.id)
        }
        #expect(try store.verdicts(periodID: period.id).count == 2)
    }

    @Test("a claim's history lists its rows newest first, and one row is found by its id")
    func claimHistory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLitePortalStore(path: "\(folder)/portal.sqlite")
        let opd = try store.createOPD(code: "diskominfo", name: "Diskominfo")
        let account = try store.createAccount(
            username: "op", displayName: "Op", passwordHash: "!", role: .operator, opdID: opd.id)
        let period = try store.createPeriod(name: "2026", evaluationDate: "2026-06-30", pack: "")
        let claims = try [3, 4].map {
            try store.addClaim(
                NewClaim(
                    periodID: period.id, indicator: "I10", opdID: opd.id, level: $0, fact: "f", analysis: "a",
                    evidenceCodes: ["I10-L3-01"], accountID: account.id))
        }
        #expect(try store.claimHistory(periodID: period.id, indicator: "I10") == claims.reversed())
        #expect(try store.claim(id: claims[0].id) == claims[0])
        #expect(try store.claim(id: 999) == nil)
    }
}

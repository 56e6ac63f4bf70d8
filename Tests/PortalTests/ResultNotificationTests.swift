import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PortalStore
import Spreadsheets
import Testing

@testable import Portal

@Suite("Notifications of official results and follow-ups", .serialized)
struct ResultNotificationTests {
    @Test("imported results tell each OPD its own new follow-ups, once, and no other OPD's")
    func resultPublished() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let recorder = MailRecorder()
        let services = try mailingServices(
            world, recorder, emails: [.operatorA: "a@pemda.go.id", .operatorB: "b@pemda.go.id"])
        let store = services.store
        let data = try TableWorkbook.data(sheets: [
            TableWorkbook.Sheet(
                name: "bukti", header: ResultWorkbook.evidenceHeader,
                rows: [
                    [.text(world.opdA.code), .text(world.evidenceA.code), .text(""), .text("revisi"), .text("Buram")]
                ])
        ])
        let statuses = try await Application(router: PortalApp.router(services)).test(.router) { client in
            var statuses: [UInt] = []
            // The same file twice: the second import creates no follow-up, so it tells nobody again.
            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: "/periods/\(world.period.id)/results/import", method: .post,
                    headers: world.headers(.admin, contentType: Multipart.contentType),
                    body: Multipart.body(
                        fields: ["_csrf": world.sessions[.admin]!.csrf], fileName: "hasil.xlsx", data: data))
                statuses.append(UInt(response.status.code))
            }
            return statuses
        }
        #expect(statuses == [303, 303])
        let messages = recorder.messages
        #expect(messages.map(\.to) == ["a@pemda.go.id"])
        let message = try #require(messages.first)
        #expect(message.subject.hasSuffix("1 tindak lanjut baru"))
        #expect(message.body.contains(world.opdA.name))
        for foreign in [world.opdB.name, world.opdB.code] {
            #expect(!message.body.contains(foreign) && !message.subject.contains(foreign))
        }
        #expect(try store.unreadNotifications(accountID: world.accounts[.operatorB]!.id) == 0)
    }

    @Test("an overdue follow-up reminds its owner OPD's operators once per target day, and again when the target moves")
    func followUpOverdue() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let recorder = MailRecorder()
        let services = try mailingServices(
            world, recorder, emails: [.operatorA: "a@pemda.go.id", .operatorB: "b@pemda.go.id"])
        let store = services.store
        let admin = world.accounts[.admin]!.id
        try store.saveResults(
            ResultBatch(
                periodID: world.period.id, results: [], evidence: [], replacesResults: false, replacesEvidence: false,
                followUps: [
                    NewFollowUp(
                        periodID: world.period.id, source: .recommendation, indicator: "I05", item: "",
                        opdID: world.opdB.id, pj: "", targetOn: "2026-09-30", priority: .medium,
                        description: "Tetapkan Perbup pusat data")
                ], accountID: admin))
        let notifier = services.notifier
        let before = try ["2026-09-30", "2026-10-01", "2026-10-02"].map { try notifier.remind(on: $0) }
        #expect(before == [0, 1, 0])
        let followUp = try #require(try store.followUps(periodID: world.period.id).first)
        _ = try store.updateFollowUp(
            id: followUp.id,
            FollowUpChange(status: .inProgress, note: "", targetOn: "2026-10-15"))
        #expect(try notifier.remind(on: "2026-10-16") == 1)
        _ = try store.updateFollowUp(
            id: followUp.id,
            FollowUpChange(status: .done, note: "Perbup ditetapkan"))
        #expect(try notifier.remind(on: "2026-10-20") == 0)
        let messages = recorder.messages
        #expect(messages.map(\.to) == ["b@pemda.go.id", "b@pemda.go.id"])
        #expect(messages.allSatisfy { $0.body.contains("Tetapkan Perbup pusat data") })
        #expect(messages.allSatisfy { !$0.body.contains(world.opdA.name) && !$0.subject.contains(world.opdA.code) })
    }
}

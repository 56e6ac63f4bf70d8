import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PortalStore
import Spreadsheets
import Testing

@testable import Portal

/// Keeps the messages it is given instead of sending them.
final class MailRecorder: MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [MailMessage] = []

    func send(_ message: MailMessage) throws { lock.withLock { kept.append(message) } }

    /// The messages so far, after every queued one was handed over.
    var messages: [MailMessage] {
        Notifier.drain()
        return lock.withLock { kept }
    }
}

/// The world's portal with e-mail going to `recorder`, and the e-mail address of each caller in `emails`.
func mailingServices(
    _ world: PortalWorld, _ recorder: MailRecorder, emails: [PortalWorld.Caller: String] = [:]
) throws -> PortalServices {
    var settings = PortalSettings(dataFolder: world.folder, secureCookies: false)
    settings.smtp = SMTPSettings(host: "127.0.0.1", port: 25, from: "spbe@pemda.go.id")
    settings.mailTransport = recorder
    for (caller, email) in emails { try world.services.store.setEmail(accountID: world.accounts[caller]!.id, email) }
    return try PortalServices(settings: settings, store: world.services.store)
}

@Suite("Notifications", .serialized)
struct NotificationTests {
    @Test("a revision request reaches the OPD's operators only, in the portal and by e-mail, with no other OPD's data")
    func revisionRequest() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let recorder = MailRecorder()
        let services = try mailingServices(
            world, recorder,
            emails: [.operatorA: "a@pemda.go.id", .operatorB: "b@pemda.go.id", .viewer: "viewer@pemda.go.id"])
        let store = services.store
        let (status, layout) = try await Application(router: PortalApp.router(services)).test(.router) { client in
            var fields = ["verdict": "revise", "reason": "bukti-tidak-sesuai", "note": "Halaman tanda tangan hilang"]
            fields["_csrf"] = world.sessions[.assessor]?.csrf
            let response = try await client.execute(
                uri: "/evidence/\(world.evidenceA.id)/verdict", method: .post,
                headers: world.headers(.assessor, contentType: "application/x-www-form-urlencoded"),
                body: formBody(fields))
            let layout = try await client.execute(
                uri: "/account/notifications", method: .get, headers: world.headers(.operatorA))
            return (response.status.code, String(buffer: layout.body))
        }
        #expect(status == 303)
        let messages = recorder.messages
        #expect(messages.map(\.to) == ["a@pemda.go.id"])
        let message = try #require(messages.first)
        #expect(message.from == "spbe@pemda.go.id")
        #expect(message.subject.contains(world.evidenceA.code) && message.body.contains("Halaman tanda tangan hilang"))
        #expect(message.body.contains(world.opdA.name))
        for foreign in [world.opdB.name, world.opdB.code] {
            #expect(!message.body.contains(foreign) && !message.subject.contains(foreign))
        }
        #expect(try store.unreadNotifications(accountID: world.accounts[.operatorA]!.id) == 1)
        #expect(try store.unreadNotifications(accountID: world.accounts[.operatorB]!.id) == 0)
        #expect(layout.contains("<span class=\"unread\" aria-label=\"belum dibaca\">1</span>"))
        #expect(layout.contains("Halaman tanda tangan hilang"))
        #expect(layout.contains("<tbody><tr><td>") && !layout.contains("&lt;tr&gt;"))
    }

    @Test("a stage reminder goes out once a week before and once a day before, however often the check runs")
    func stageReminders() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let recorder = MailRecorder()
        let services = try mailingServices(world, recorder, emails: [.operatorB: "b@pemda.go.id"])
        let store = services.store
        try store.setStages(
            periodID: world.period.id,
            [StageDates(stage: .penilaianMandiri, startsOn: "2026-07-01", endsOn: "2026-07-20")])
        let notifier = services.notifier
        let counts = try [
            notifier.remind(on: "2026-07-10"), notifier.remind(on: "2026-07-13"), notifier.remind(on: "2026-07-13"),
            notifier.remind(on: "2026-07-15"), notifier.remind(on: "2026-07-19"), notifier.remind(on: "2026-07-20"),
            notifier.remind(on: "2026-07-21"),
        ]
        #expect(counts == [0, 1, 0, 0, 1, 0, 0])
        let subjects = recorder.messages.map(\.subject)
        #expect(subjects.count == 2)
        #expect(subjects.first?.hasSuffix("ditutup dalam 7 hari") == true)
        #expect(subjects.last?.hasSuffix("ditutup dalam 1 hari") == true)
        // A pemda-wide reminder names no OPD.
        for message in recorder.messages {
            #expect(!message.body.contains(world.opdA.name) && !message.body.contains(world.opdB.name))
        }
    }

    @Test("a promise due tomorrow and today reminds its own OPD's operators, each once")
    func commitmentReminders() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let recorder = MailRecorder()
        let services = try mailingServices(
            world, recorder, emails: [.operatorA: "a@pemda.go.id", .operatorB: "b@pemda.go.id"])
        let store = services.store
        let interview = try store.addInterview(
            NewInterview(
                periodID: world.period.id, opdID: world.opdB.id, indicator: "I43", startsAt: "2026-08-01 09:00",
                place: "Ruang rapat", attendees: "", accountID: world.accounts[.admin]!.id))
        _ = try store.addCommitment(
            interviewID: interview.id, text: "Log layanan", dueOn: "2026-08-05", accountID: world.accounts[.admin]!.id)
        let notifier = services.notifier
        let counts = try ["2026-08-03", "2026-08-04", "2026-08-04", "2026-08-05", "2026-08-06"].map {
            try notifier.remind(on: $0)
        }
        #expect(counts == [0, 1, 0, 1, 0])
        #expect(recorder.messages.map(\.to) == ["b@pemda.go.id", "b@pemda.go.id"])
        #expect(recorder.messages.allSatisfy { $0.body.contains("Log layanan") && !$0.body.contains(world.opdA.name) })
    }

    @Test("an account sets its own e-mail address; a malformed or header-breaking one is refused")
    func emailAddress() async throws {
        let world = try await PortalWorld.make()
        defer { world.remove() }
        let statuses = try await world.test { client in
            var statuses: [UInt] = []
            for email in ["op@pemda.go.id", "x@y.id\r\nBcc: z@evil.example", "a b@pemda.go.id", "<a@b.id>"] {
                let response = try await client.execute(
                    uri: "/account/email", method: .post,
                    headers: world.headers(.operatorA, contentType: "application/x-www-form-urlencoded"),
                    body: formBody(["email": email, "_csrf": world.sessions[.operatorA]!.csrf]))
                statuses.append(UInt(response.status.code))
            }
            return statuses
        }
        #expect(statuses == [303, 400, 400, 400])
        #expect(try world.services.store.emails() == [world.accounts[.operatorA]!.id: "op@pemda.go.id"])
    }
}

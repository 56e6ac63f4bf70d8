import Foundation
import PortalStore

/// Sends the portal's notifications: stores one per recipient (the list in the portal), then e-mails those that
/// gave an address, one message each, in the background and in order. A message is written once per event, from
/// the event's own data, and its recipients come from the event's audience; nothing of another OPD goes in.
struct Notifier: Sendable {
    let store: any PortalStore
    let transport: (any MailTransport)?
    let from: String

    /// The one queue e-mails go out on, so a slow server delays mail, never a page.
    private static let mailQueue = DispatchQueue(label: "spbe.portal.mail")

    /// Posts `event`: false when it is a reminder already sent (then nothing is stored or sent again).
    @discardableResult
    func post(_ event: NotificationEvent) throws -> Bool {
        let recipients = event.recipients(try store.accounts())
        guard
            try store.addNotifications(
                key: event.onceKey, accountIDs: recipients.map(\.id), kind: event.kind, subject: event.subject,
                body: event.body, link: event.link)
        else { return false }
        guard let transport else { return true }
        let emails = try store.emails()
        let messages = recipients.compactMap { account in
            emails[account.id].map { MailMessage(from: from, to: $0, subject: event.subject, body: event.body) }
        }
        Self.mailQueue.async {
            for message in messages {
                do {
                    try transport.send(message)
                } catch {
                    FileHandle.standardError.write(Data("mail to \(message.to) failed: \(error)\n".utf8))
                }
            }
        }
        return true
    }

    /// Waits until every e-mail queued so far has been handed over (or failed).
    static func drain() { mailQueue.sync {} }

    /// The reminders due on `day` (`YYYY-MM-DD`, WIB), each posted once however often this runs: every stage of
    /// every period closing within 7 days, then within 1 day; every interview commitment due tomorrow, then today;
    /// every follow-up past its target day (once per target). Returns how many were posted now.
    @discardableResult
    func remind(on day: String) throws -> Int {
        var posted = 0
        let opds = Dictionary(uniqueKeysWithValues: try store.opds().map { ($0.id, $0) })
        let periods = try store.periods()
        for period in periods {
            for stage in try store.stages(periodID: period.id) {
                guard let left = CivilDay.between(day, stage.endsOn), left >= 0, left <= 7 else { continue }
                let bucket = left <= 1 ? 1 : 7
                let event = NotificationEvent.stageClosing(
                    period: period, stage: stage.stage, endsOn: stage.endsOn, daysLeft: bucket)
                if try post(event) { posted += 1 }
            }
            for commitment in try store.commitments(periodID: period.id) {
                guard let left = CivilDay.between(day, commitment.dueOn), left >= 0, left <= 1,
                    let opd = opds[commitment.opdID]
                else { continue }
                if try post(.commitmentDue(period: period, opd: opd, commitment: commitment, daysLeft: Int(left))) {
                    posted += 1
                }
            }
        }
        for followUp in try store.overdueFollowUps(asOf: day) {
            guard let period = periods.first(where: { $0.id == followUp.periodID }),
                let opd = followUp.opdID.flatMap({ opds[$0] })
            else {
                continue
            }
            if try post(.followUpOverdue(period: period, opd: opd, followUp: followUp)) { posted += 1 }
        }
        return posted
    }
}

extension PortalServices {
    /// The notifier over this portal's store and its e-mail settings.
    var notifier: Notifier {
        Notifier(
            store: store, transport: settings.mailTransport ?? settings.smtp.map { SMTPClient(settings: $0) },
            from: settings.smtp?.from ?? "")
    }

    /// Whether `address` is a plain e-mail address the portal sends to (`--smtp-from` is checked with it).
    public static func isMailAddress(_ address: String) -> Bool { MailMessage.isAddress(address) }

    /// Posts the reminders due today (WIB); `spbe-serve` calls it at start and every hour.
    public func sendReminders() throws -> Int { try notifier.remind(on: CivilDay.day()) }
}

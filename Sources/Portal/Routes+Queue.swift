import Foundation
import Hummingbird
import PortalStore

extension Routes {
    /// The queue page of an upload waiting for an evaluation slot: its place and a link to look again (the site's
    /// script follows it every 2 seconds; a meta refresh would fail WCAG 2.2.1) until the upload is evaluated, then
    /// its submission (or its refusal).
    func addQueueRoutes() {
        get("/queue/:ticket", .signedIn) { call in
            guard let id = call.context.parameters.get("ticket"),
                let ticket = call.services.tickets.ticket(id, accountID: call.account.id)
            else { return call.notFound() }
            switch ticket.state {
            case .waiting:
                let place = await call.services.queue.place(of: id)
                let words = call.words
                return call.html(
                    words.queued,
                    """
                    <p class="notice" role="status">\(place.map(words.queuePlace) ?? words.evaluating)</p>
                    <p>\(words.queueRefresh) <a href="/queue/\(id)" data-reload-after="2">\(words.queued)</a></p>
                    """)
            case .finished(.accepted(let submission)):
                return call.redirect("/submissions/\(submission.id)")
            case .finished(.refused(let diagnostics)):
                guard let period = try call.store.period(id: ticket.periodID),
                    let opd = try call.store.opd(id: ticket.opdID)
                else { return call.notFound() }
                return try opdPage(call, period: period, opd: opd, refused: diagnostics, status: .unprocessableContent)
            case .finished(.busy):
                return call.problem(.serviceUnavailable, call.words.busy)
            case .failed:
                return call.problem(.internalServerError, call.words.queueGone)
            }
        }
    }

    /// Takes a browser upload when every evaluation slot is taken: it waits in the background under a ticket, and
    /// the browser is sent to its queue page.
    func enqueue(_ call: Call, _ file: FormData.File, period: Period, opd: OPD) -> Response {
        let services = call.services
        let account = call.account
        let ticket = services.tickets.open(accountID: account.id, periodID: period.id, opdID: opd.id)
        Task {
            do {
                let outcome = try await services.intake(
                    file.data, fileName: file.fileName, period: period, opd: opd, account: account, ticket: ticket)
                services.tickets.finish(ticket, .finished(outcome))
            } catch {
                services.tickets.finish(ticket, .failed)
            }
        }
        return call.redirect("/queue/\(ticket)")
    }
}

import Foundation

/// Uploads from the browser that wait for an evaluation slot, by ticket: whose they are, and what became of them
/// once evaluated, for the queue page to show. Bounded: at most `limit` tickets, those finished longest ago
/// forgotten first; a finished ticket is kept `keep` seconds.
final class UploadTickets: @unchecked Sendable {
    /// Where an upload is.
    enum State: Sendable {
        case waiting
        case finished(IntakeOutcome)
        case failed
    }

    /// One upload in the queue.
    struct Ticket: Sendable {
        let accountID: Int64
        let periodID: Int64
        let opdID: Int64
        var state: State
        var finishedAt: Double?
    }

    private let lock = NSLock()
    private var tickets: [String: Ticket] = [:]
    private let limit: Int
    private let keep: Double

    init(limit: Int = 1_000, keep: Double = 600) {
        self.limit = limit
        self.keep = keep
    }

    /// A new ticket for an upload of `accountID` to `opdID` in `periodID`.
    func open(accountID: Int64, periodID: Int64, opdID: Int64, now: Double = Date().timeIntervalSince1970) -> String {
        let id = Secrets.random()
        lock.withLock {
            tickets = tickets.filter { $0.value.finishedAt.map { now - $0 < keep } ?? true }
            if tickets.count >= limit,
                let oldest = tickets.filter({ $0.value.finishedAt != nil }).min(by: {
                    $0.value.finishedAt! < $1.value.finishedAt!
                })
            {
                tickets[oldest.key] = nil
            }
            tickets[id] = Ticket(accountID: accountID, periodID: periodID, opdID: opdID, state: .waiting)
        }
        return id
    }

    /// Records what became of the upload of `id`.
    func finish(_ id: String, _ state: State, now: Double = Date().timeIntervalSince1970) {
        lock.withLock {
            tickets[id]?.state = state
            tickets[id]?.finishedAt = now
        }
    }

    /// The ticket `id`, if `accountID` holds it.
    func ticket(_ id: String, accountID: Int64) -> Ticket? {
        lock.withLock { tickets[id].flatMap { $0.accountID == accountID ? $0 : nil } }
    }
}

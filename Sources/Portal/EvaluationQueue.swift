/// Bounds the evaluations running at once: `slots` run, up to `waiting` more wait their turn, and any beyond are
/// refused at once (the page says the queue is full) instead of piling up memory. A waiting run may carry a
/// ticket, by which the queue page asks its place.
actor EvaluationQueue {
    private let slots: Int
    private let waiting: Int
    private var running = 0
    private var queue: [(ticket: String?, resume: CheckedContinuation<Void, Never>)] = []

    init(slots: Int, waiting: Int) {
        self.slots = max(1, slots)
        self.waiting = max(0, waiting)
    }

    /// Whether a run started now would start at once.
    var hasFreeSlot: Bool { running < slots }

    /// The place (1 = next) of the run waiting with `ticket`; nil when it is not waiting.
    func place(of ticket: String) -> Int? {
        queue.firstIndex { $0.ticket == ticket }.map { $0 + 1 }
    }

    /// Runs `work` when a slot is free; nil, without running it, when the queue is full.
    func run<T: Sendable>(ticket: String? = nil, _ work: @Sendable () async throws -> T) async rethrows -> T? {
        if running >= slots {
            guard queue.count < waiting else { return nil }
            await withCheckedContinuation { queue.append((ticket, $0)) }
        } else {
            running += 1
        }
        defer {
            if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume.resume() }
        }
        return try await work()
    }
}

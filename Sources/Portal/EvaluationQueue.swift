/// Bounds the evaluations running at once: `slots` run, up to `waiting` more wait their turn, and any beyond are
/// refused at once (the page says the queue is full) instead of piling up memory.
actor EvaluationQueue {
    private let slots: Int
    private let waiting: Int
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    init(slots: Int, waiting: Int) {
        self.slots = max(1, slots)
        self.waiting = max(0, waiting)
    }

    /// Runs `work` when a slot is free; nil, without running it, when the queue is full.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async rethrows -> T? {
        if running >= slots {
            guard queue.count < waiting else { return nil }
            await withCheckedContinuation { queue.append($0) }
        } else {
            running += 1
        }
        defer {
            if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
        }
        return try await work()
    }
}

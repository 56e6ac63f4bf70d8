import DataModel
import Dispatch
import Engine
import Foundation
import Inventories
import Spreadsheets

/// Loads and evaluates inventory files on several workers (one `Evaluator` each), keeping input order: the
/// output does not depend on the number of workers.
enum ParallelCheck {
    /// What a streamed run keeps of one file: its load diagnostics (without the inventory) and what was made of
    /// its evaluation (nil when it was not evaluated).
    struct Digested<Part: Sendable>: Sendable {
        let file: String
        let loaded: InventoryLoadResult
        let costExceeded: CostExceeded?
        let part: Part?
    }

    /// Runs `files` in batches of `batchSize`, each on `jobs` workers, and hands each batch's outcomes, in input
    /// order, to `handle`: memory holds two batches, whatever the number of files. The next batch is loaded and
    /// evaluated while `handle` writes the current one, so the workers are not idle while the report is written.
    ///
    /// Each inventory and its evaluation are turned into what the run keeps of them by `digest`, on the worker
    /// that made them, and freed there: freed by another thread, each of their thousands of allocations would be
    /// a `free` into another thread's malloc arena, under its lock, which made a whole run a quarter slower.
    static func run<Part: Sendable>(
        _ files: [String], batchSize: Int, reader loader: InventoryReader, jobs: Int,
        evaluator: @escaping @Sendable () -> Evaluator, step: @escaping @Sendable (String) -> Void,
        digest: @escaping @Sendable (InventoryData, InventoryEvaluation) -> Part,
        handle: ([Digested<Part>]) throws -> Void
    ) rethrows {
        let batches = stride(from: 0, to: files.count, by: max(1, batchSize)).map { start in
            Array(files[start..<min(start + batchSize, files.count)])
        }
        let digested: @Sendable ([String]) -> [Digested<Part>] = { batch in
            work(batch, reader: loader, jobs: jobs, evaluator: evaluator, step: step) {
                file, loaded, evaluation, exceeded in
                let part = loaded.inventory.flatMap { inventory in evaluation.map { digest(inventory, $0) } }
                return Digested(file: file, loaded: loaded.withoutInventory, costExceeded: exceeded, part: part)
            }
        }
        // A single batch has nothing to overlap with, so it is worked on by the calling thread. Handed to a
        // dispatch thread, it would leave the caller blocked on a semaphore: in the portal a thread of Swift's
        // cooperative pool, which on Linux shares its threads with dispatch, so with every thread of the pool so
        // blocked a single upload waited most of a second for libdispatch to add one.
        if batches.count == 1 { return try handle(digested(batches[0])) }
        func start(_ batch: [String]) -> PendingBatch<Digested<Part>> {
            let pending = PendingBatch<Digested<Part>>()
            DispatchQueue.global().async { pending.finish(digested(batch)) }
            return pending
        }
        var next = batches.first.map(start)
        for index in batches.indices {
            guard let current = next else { return }
            let outcomes = current.wait()
            next = index + 1 < batches.count ? start(batches[index + 1]) : nil
            try handle(outcomes)
        }
    }

    /// Loads and evaluates `files` on `jobs` workers; `finish`, called on the worker, makes each file's result.
    private static func work<Result>(
        _ files: [String], reader loader: InventoryReader, jobs: Int, evaluator: @escaping @Sendable () -> Evaluator,
        step: @escaping @Sendable (String) -> Void,
        finish: @Sendable (String, InventoryLoadResult, InventoryEvaluation?, CostExceeded?) -> Result
    ) -> [Result] {
        let results = Slots<Result>(count: files.count)
        let queue = WorkQueue(count: files.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, files.count))) { _ in
            let evaluate = evaluator()
            while let index = queue.take() {
                let loaded = loader.load(path: files[index])
                var evaluation: InventoryEvaluation?
                var exceeded: CostExceeded?
                if let inventory = loaded.inventory {
                    do throws(CostExceeded) {
                        evaluation = try evaluate.evaluate(inventory)
                    } catch {
                        exceeded = error
                    }
                }
                results.set(index, finish(files[index], loaded, evaluation, exceeded))
                step(files[index])
            }
        }
        return results.values
    }
}

/// The indices of a batch's files, handed to whichever worker asks next: a worker that drew small inventories
/// takes more of them, so both finish the batch together (dealt out in turn, one worker could wait for the other
/// at the end of every batch).
private final class WorkQueue: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    /// The next index not yet taken; nil when all are.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Result slots allocated once, which workers fill at distinct indices (no array is resized or shared while
/// they write).
private final class Slots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Element) { storage[index] = value }

    var values: [Element] { storage.compactMap { $0 } }
}

/// The results of a batch being worked on in the background, and a way to wait for them.
private final class PendingBatch<Result>: @unchecked Sendable {
    private var results: [Result] = []
    private let done = DispatchSemaphore(value: 0)

    func finish(_ results: [Result]) {
        self.results = results
        done.signal()
    }

    func wait() -> [Result] {
        done.wait()
        return results
    }
}

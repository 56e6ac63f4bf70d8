import DataModel
import Dispatch
import Engine
import Foundation
import Inventories
import Spreadsheets

/// Loads and evaluates inventory files on several workers (one `Evaluator` each), keeping input order: the
/// output does not depend on the number of workers.
enum ParallelCheck {
    /// What became of one file.
    struct Outcome: @unchecked Sendable {
        let file: String
        let loaded: InventoryLoadResult
        let evaluation: InventoryEvaluation?
        /// Why the inventory loaded but was not evaluated: a rule went over its cost budget, or the run had.
        let costExceeded: CostExceeded?
        /// The evaluation's part of the report, rendered by the worker (nil when there is nothing to render).
        let section: Data?
    }

    /// Runs `files` in batches of `batchSize`, each on `jobs` workers, and hands each batch's outcomes, in input
    /// order, to `handle`: memory holds two batches, whatever the number of files. The next batch is loaded and
    /// evaluated while `handle` writes the current one, so the workers are not idle while the report is written.
    /// Each evaluation's part of the report is rendered by `render` on the worker that evaluated it.
    static func run(
        _ files: [String], batchSize: Int, reader loader: InventoryReader, jobs: Int,
        evaluator: @escaping @Sendable () -> Evaluator, step: @escaping @Sendable (String) -> Void,
        render: @escaping @Sendable (InventoryEvaluation) -> Data, handle: ([Outcome]) throws -> Void
    ) rethrows {
        let batches = stride(from: 0, to: files.count, by: max(1, batchSize)).map { start in
            Array(files[start..<min(start + batchSize, files.count)])
        }
        func start(_ batch: [String]) -> PendingBatch {
            let pending = PendingBatch()
            DispatchQueue.global().async {
                pending.finish(run(batch, reader: loader, jobs: jobs, evaluator: evaluator, step: step, render: render))
            }
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

    /// Runs `files` on `jobs` workers, loaded by `loader` (any inventory format); `evaluator` makes each worker's
    /// evaluator; `step` is called from the workers as each file is done (so it must be thread-safe, as
    /// `SharedProgressBar.step` is); `render`, if given, renders each evaluation's part of the report.
    static func run(
        _ files: [String], reader loader: InventoryReader, jobs: Int, evaluator: @escaping @Sendable () -> Evaluator,
        step: @escaping @Sendable (String) -> Void, render: (@Sendable (InventoryEvaluation) -> Data)? = nil
    ) -> [Outcome] {
        let results = Slots<Outcome>(count: files.count)
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let evaluate = evaluator()
            var index = worker
            while index < files.count {
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
                let section = render.flatMap { render in evaluation.map(render) }
                results.set(index, Outcome(
                    file: files[index], loaded: loaded, evaluation: evaluation, costExceeded: exceeded, section: section
                ))
                step(files[index])
                index += workers
            }
        }
        return results.values
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

/// The outcomes of a batch being worked on in the background, and a way to wait for them.
private final class PendingBatch: @unchecked Sendable {
    private var outcomes: [ParallelCheck.Outcome] = []
    private let done = DispatchSemaphore(value: 0)

    func finish(_ outcomes: [ParallelCheck.Outcome]) {
        self.outcomes = outcomes
        done.signal()
    }

    func wait() -> [ParallelCheck.Outcome] {
        done.wait()
        return outcomes
    }
}

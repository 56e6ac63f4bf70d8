import Foundation

/// A one-line progress bar on standard error while many inventories are checked; drawn only on a terminal.
struct ProgressBar {
    private let total: Int
    private let enabled: Bool
    private var done = 0

    /// A bar for `total` items, drawn when `enabled` (a terminal, not `--quiet`) and there is more than one.
    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 1
    }

    /// Counts one item and redraws.
    mutating func step(_ label: String) {
        guard enabled else { return }
        done += 1
        let width = 24
        let filled = done * width / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = label.count > 40 ? "…" + label.suffix(39) : label
        Terminal.printErrorControl("\r\u{1B}[2K")
        Terminal.printError("[\(bar)] \(done)/\(total) \(name)")
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        Terminal.printErrorControl("\r\u{1B}[2K")
    }
}

/// A progress bar that workers on several threads advance, one at a time.
final class SharedProgressBar: @unchecked Sendable {
    private var bar: ProgressBar
    private let lock = NSLock()

    init(total: Int, enabled: Bool) { bar = ProgressBar(total: total, enabled: enabled) }

    func step(_ label: String) {
        lock.lock()
        bar.step(label)
        lock.unlock()
    }

    func finish() { bar.finish() }
}

import Dispatch
import Foundation

/// Keeps track of the temporary report files being written, and on SIGINT or SIGTERM removes them before the
/// process ends by that signal: an interrupted run leaves neither a half-written report nor a temporary file.
///
/// Creating, renaming and removing a tracked file happen under one lock that the signal handler also takes, so
/// a file is never created after the handler looked, nor left behind between its rename and its untracking.
final class InterruptCleanup: @unchecked Sendable {
    /// The one instance of the process.
    static let shared = InterruptCleanup()

    private let lock = NSLock()
    private var paths: Set<String> = []
    /// Temporary folders, removed after the files (those inside them among `paths`).
    private var folders: Set<String> = []
    private var sources: [DispatchSourceSignal] = []
    private var installed = false

    /// Handles SIGINT and SIGTERM from now on, unless they were ignored on entry (idempotent).
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        for signalNumber in [SIGINT, SIGTERM] {
            // Delivered to the dispatch source instead. A signal ignored on entry (SIGINT of a background job
            // started by a shell) stays ignored, as the shell meant.
            let previous = signal(signalNumber, SIG_IGN)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [unowned self] in self.interrupted(by: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Creates `path` exclusively for writing and tracks it; the descriptor, or nil with `errno` set.
    func create(_ path: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return nil }
        paths.insert(path)
        return descriptor
    }

    /// Renames the tracked `path` to `target` and stops tracking it; false with `errno` set on failure.
    func rename(_ path: String, to target: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard Foundation.rename(path, target) == 0 else { return false }
        paths.remove(path)
        return true
    }

    /// Removes the tracked `path` and stops tracking it.
    func discard(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        unlink(path)
        paths.remove(path)
    }

    /// Creates the folder `path` and tracks it (and the files created in it); false with `errno` set.
    func createFolder(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard mkdir(path, 0o777) == 0 else { return false }
        folders.insert(path)
        return true
    }

    /// Renames the tracked folder `path` to `target` and stops tracking it and its files; false with `errno` set.
    func renameFolder(_ path: String, to target: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard Foundation.rename(path, target) == 0 else { return false }
        folders.remove(path)
        paths = paths.filter { !$0.hasPrefix(path + "/") }
        return true
    }

    /// Removes the tracked folder `path` with the tracked files in it, and stops tracking them.
    func discardFolder(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for file in paths where file.hasPrefix(path + "/") {
            unlink(file)
            paths.remove(file)
        }
        rmdir(path)
        folders.remove(path)
    }

    /// Removes every tracked file, then ends the process by the signal's default action (the lock stays taken,
    /// so no file is created or renamed after this point).
    private func interrupted(by signalNumber: Int32) {
        lock.lock()
        for path in paths { unlink(path) }
        for folder in folders { rmdir(folder) }
        paths.removeAll()
        signal(signalNumber, SIG_DFL)
        // Dispatch's threads block signals: send it to the process, whose other threads take the default action.
        kill(getpid(), signalNumber)
        sleep(1)
        _exit(128 + signalNumber)  // the shells' status for death by a signal, should the signal not arrive
    }
}

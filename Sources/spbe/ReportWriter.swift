import Diagnostics
import Foundation

/// Writes report files atomically (a temporary file in the same folder, then a rename), never over an input,
/// and never leaves the temporary file behind, even when the run is interrupted (see `InterruptCleanup`).
enum ReportWriter {
    /// Writes `text` to `path`; refuses when `path` is one of `inputs` (compared after resolving links).
    static func write(_ text: String, to path: String, inputs: [String]) throws {
        let target = CanonicalPath.of(path)
        if inputs.map(CanonicalPath.of).contains(target) {
            Terminal.printError("error: refusing to write a report over the input file '\(path)'\n")
            throw ExitStatus.inputError
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).spbe-\(getpid()).tmp").path
        guard let descriptor = InterruptCleanup.shared.create(temporary) else {
            throw failure(path, String(cString: strerror(errno)))
        }
        let written = writeAll(Array(text.utf8), to: descriptor)
        let closed = close(descriptor) == 0
        guard written, closed else {
            let reason = String(cString: strerror(errno))
            InterruptCleanup.shared.discard(temporary)
            throw failure(path, reason)
        }
        // rename(2) replaces the target in one step: a reader sees the old report or the new one, never half.
        guard InterruptCleanup.shared.rename(temporary, to: url.path) else {
            let reason = String(cString: strerror(errno))
            InterruptCleanup.shared.discard(temporary)
            throw failure(path, reason)
        }
    }

    /// Prints why `path` cannot be written; the exit status to throw.
    private static func failure(_ path: String, _ reason: String) -> Error {
        Terminal.printError("error: cannot write '\(path)': \(reason)\n")
        return ExitStatus.inputError
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}

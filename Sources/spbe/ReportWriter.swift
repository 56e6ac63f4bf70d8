import Diagnostics
import Foundation
import OutputSafety

/// Writes report files where `OutputTarget` says (atomically, or through to a device or named pipe), never over
/// an input, and never leaves the temporary file behind, even when the run is interrupted (see
/// `InterruptCleanup`).
enum ReportWriter {
    /// Writes `text` to `path`; refuses when `path` is one of `inputs` or inside a folder inventory among them, or
    /// when the report is over `maxBytes` (`--max-report-size`).
    static func write(_ text: String, to path: String, inputs: [String], maxBytes: Int) throws {
        guard text.utf8.count <= maxBytes else {
            Terminal.printError(
                "error: the report for '\(path)' is \(text.utf8.count) bytes, over the limit of \(maxBytes); nothing was written to it"
                    + " (check fewer inventories at once, or raise --max-report-size)\n"
            )
            throw ExitStatus.inputError
        }
        let target: OutputTarget
        switch OutputTarget.of(path, inputs: ProtectedInputs(inputs)) {
        case .failure(let refusal):
            Terminal.printError("error: \(refusal.message)\n")
            throw ExitStatus.inputError
        case .success(let found): target = found
        }
        switch target {
        case .stream(let device):
            if let reason = OutputTarget.writeThrough(Array(text.utf8), to: device) { throw failure(path, reason) }
        case .file(let resolved):
            try writeAtomically(Array(text.utf8), to: resolved, shownAs: path)
        }
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String, shownAs shown: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).spbe-\(getpid()).tmp"
        ).path
        guard let descriptor = InterruptCleanup.shared.create(temporary) else {
            throw failure(shown, OutputTarget.reason(errno))
        }
        let written = OutputTarget.writeAll(bytes, to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = written ?? closed {
            InterruptCleanup.shared.discard(temporary)
            throw failure(shown, OutputTarget.reason(code))
        }
        // rename(2) replaces the target in one step: a reader sees the old report or the new one, never half.
        guard InterruptCleanup.shared.rename(temporary, to: path) else {
            let code = errno
            InterruptCleanup.shared.discard(temporary)
            throw failure(shown, OutputTarget.reason(code))
        }
    }

    /// Prints why `path` cannot be written; the exit status to throw.
    private static func failure(_ path: String, _ reason: String) -> Error {
        Terminal.printError("error: cannot write '\(path)': \(reason)\n")
        return ExitStatus.inputError
    }
}

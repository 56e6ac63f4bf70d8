import Foundation
import OutputSafety

/// A report file written as the run goes (`--output`): into a temporary file beside it, renamed over it once
/// complete, so a reader sees the old report or the new one, never half (a device or named pipe is written
/// through instead; see `OutputTarget`). Never over an input, never over `--max-report-size`, and the temporary
/// file is never left behind, even when the run is interrupted (see `InterruptCleanup`).
final class ReportFileStream {
    private let shown: String
    private let maxBytes: Int
    private let descriptor: Int32
    /// The temporary file renamed over `target` at the end; nil when writing through to a device.
    private let temporary: String?
    private let target: String
    private var written = 0
    private var failure: Int32?

    /// Opens the report file `path`; refuses (printing why, exit 2) when `path` is one of `inputs` or inside a
    /// folder inventory among them, or cannot be created.
    init(_ path: String, inputs: [String], maxBytes: Int) throws {
        shown = path
        self.maxBytes = maxBytes
        switch OutputTarget.of(path, inputs: ProtectedInputs(inputs)) {
        case .failure(let refusal):
            Terminal.printError("error: \(refusal.message)\n")
            throw ExitStatus.inputError
        case .success(.stream(let device)):
            switch OutputTarget.openThrough(device) {
            case .failure(let failure): throw Self.failure(path, failure.message)
            case .success(let opened): descriptor = opened
            }
            (target, temporary) = (device, nil)
        case .success(.file(let resolved)):
            let url = URL(fileURLWithPath: resolved)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).spbe-\(getpid()).tmp"
            ).path
            guard let opened = InterruptCleanup.shared.create(temporary) else {
                throw Self.failure(path, OutputTarget.reason(errno))
            }
            (descriptor, target, self.temporary) = (opened, resolved, temporary)
        }
    }

    /// Appends `data`; past `--max-report-size` nothing more is written, and only the size is counted.
    func write(_ data: Data) {
        written += data.count
        guard failure == nil, written <= maxBytes else { return }
        failure = OutputTarget.writeAll(Array(data), to: descriptor)
    }

    /// Closes the file and puts it in place; a file that nothing was written to is removed instead (the run had
    /// nothing to report). Prints why and throws exit 2 when it is over the limit or could not be written.
    func finish() throws {
        let closed = close(descriptor) == 0 ? nil : errno
        let problem: String? =
            if written > maxBytes {
                "error: the report for '\(shown)' is \(written) bytes, over the limit of \(maxBytes); "
                    + (temporary == nil ? "the rest was not written" : "nothing was written to it")
                    + " (check fewer inventories at once, or raise --max-report-size)\n"
            } else if let code = failure ?? closed {
                "error: cannot write '\(shown)': \(OutputTarget.reason(code))\n"
            } else {
                nil
            }
        guard let temporary else {
            if let problem { Terminal.printError(problem) }
            if problem != nil { throw ExitStatus.inputError }
            return
        }
        guard problem == nil, written > 0 else {
            InterruptCleanup.shared.discard(temporary)
            if let problem {
                Terminal.printError(problem)
                throw ExitStatus.inputError
            }
            return
        }
        // rename(2) replaces the target in one step: a reader sees the old report or the new one, never half.
        guard InterruptCleanup.shared.rename(temporary, to: target) else {
            let code = errno
            InterruptCleanup.shared.discard(temporary)
            throw Self.failure(shown, OutputTarget.reason(code))
        }
    }

    /// Prints why `path` cannot be written; the exit status to throw.
    private static func failure(_ path: String, _ reason: String) -> Error {
        Terminal.printError("error: cannot write '\(path)': \(reason)\n")
        return ExitStatus.inputError
    }
}

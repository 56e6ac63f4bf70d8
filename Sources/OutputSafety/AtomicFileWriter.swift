import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader never sees half of one: each is written to a temporary file in the same folder,
/// then renamed over its destination (a device or a named pipe is written through instead; see `OutputTarget`).
/// Files it must not touch (the inputs of a conversion, the files of a folder inventory) are refused first.
public enum AtomicFileWriter {
    /// Writes `files`, creating folders as needed; nothing is written when one would replace an input in
    /// `protected` (compared after resolving symbolic links; a folder protects the files inside it), when two
    /// name the same file, when one cannot be written to at all, or, with `replaceExisting` false, when any
    /// exists. Returns the diagnostics of what was refused or failed.
    public static func write(_ files: [OutputFile], protected: [String], replaceExisting: Bool) -> [Diagnostic] {
        let inputs = ProtectedInputs(protected)
        var refused: [Diagnostic] = []
        var targets: [OutputTarget] = []
        if let (first, second) = OutputTarget.firstDuplicate(in: files.map(\.path)) {
            refused.append(
                Diagnostic(.error, code: "output.duplicate", "'\(first)' and '\(second)' are the same file", at: nil))
        }
        for file in files {
            switch OutputTarget.of(file.path, inputs: inputs) {
            case .failure(let refusal):
                refused.append(
                    Diagnostic(.error, code: refusal.code, refusal.message, at: nil, suggestion: refusal.suggestion))
            case .success(let target):
                if !replaceExisting && FileManager.default.fileExists(atPath: file.path) {
                    refused.append(
                        Diagnostic(
                            .error, code: "convert.exists", "refusing to overwrite '\(file.path)'", at: nil,
                            suggestion: "choose an empty folder"
                        ))
                }
                targets.append(target)
            }
        }
        guard refused.isEmpty else { return refused }
        for (file, target) in zip(files, targets) {
            let failure: String? =
                switch target {
                case .stream(let path): OutputTarget.writeThrough(Array(file.data), to: path)
                case .file(let path): write(file.data, to: path)
                }
            if let failure {
                return [
                    Diagnostic(.error, code: "convert.write_failed", "cannot write '\(file.path)': \(failure)", at: nil)
                ]
            }
        }
        return []
    }

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`; the reason on failure.
    private static func write(_ data: Data, to path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary =
            (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            return "cannot create its folder '\(folder)'"
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return OutputTarget.reason(errno) }
        let failure = OutputTarget.writeAll(Array(data), to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed {
            unlink(temporary)
            return OutputTarget.reason(code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            return OutputTarget.reason(code)
        }
        return nil
    }
}

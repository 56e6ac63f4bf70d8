import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one: each is written to a temporary file in the same folder,
/// then renamed over its destination. Files it must not touch (the inputs of a conversion) are refused first.
public enum AtomicFileWriter {
    /// Writes `files`, creating folders as needed; nothing is written when one would replace a file in
    /// `protected` (compared after resolving symbolic links) or, with `replaceExisting` false, any existing file.
    /// Returns the diagnostics of what was refused or failed.
    public static func write(_ files: [OutputFile], protected: [String], replaceExisting: Bool) -> [Diagnostic] {
        let manager = FileManager.default
        let inputs = Set(protected.map(CanonicalPath.of))
        var refused: [Diagnostic] = []
        for file in files {
            if inputs.contains(CanonicalPath.of(file.path)) {
                refused.append(Diagnostic(
                    .error, code: "convert.overwrite_input", "refusing to overwrite the input file '\(file.path)'", at: nil,
                    suggestion: "write the conversion somewhere else"
                ))
            } else if !replaceExisting && manager.fileExists(atPath: file.path) {
                refused.append(Diagnostic(
                    .error, code: "convert.exists", "refusing to overwrite '\(file.path)'", at: nil, suggestion: "choose an empty folder"
                ))
            }
        }
        guard refused.isEmpty else { return refused }
        for file in files {
            if let failure = write(file) { return [failure] }
        }
        return []
    }

    private static func write(_ file: OutputFile) -> Diagnostic? {
        let folder = (file.path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((file.path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try file.data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
            guard rename(temporary, file.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                return Diagnostic(.error, code: "convert.write_failed", "cannot write '\(file.path)': \(reason)", at: nil)
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return Diagnostic(.error, code: "convert.write_failed", "cannot write '\(file.path)': \(error.localizedDescription)", at: nil)
        }
    }
}

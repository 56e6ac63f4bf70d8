import ArgumentParser
import Foundation
import Reporting

/// `--output FORMAT=FILE`: a report written to a file, besides the one on standard output.
struct ReportOutput: ExpressibleByArgument {
    let format: ReportFormat
    let path: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = ReportFormat(rawValue: String(argument[..<equals])) else { return nil }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }

    static var defaultCompletionKind: CompletionKind { .file() }
}

/// Writes report files atomically (a temporary file in the same folder, then a rename), never over an input.
enum ReportWriter {
    /// Writes `text` to `path`; refuses when `path` is one of `inputs` (compared after resolving links).
    static func write(_ text: String, to path: String, inputs: [String]) throws {
        let target = canonical(path)
        if inputs.map(canonical).contains(target) {
            Terminal.printError("error: refusing to write a report over the input file '\(path)'\n")
            throw ExitStatus.inputError
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).spbe-\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
        } catch {
            Terminal.printError("error: cannot write '\(path)': \(error.localizedDescription)\n")
            throw ExitStatus.inputError
        }
        // rename(2) replaces the target in one step: a reader sees the old report or the new one, never half.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            Terminal.printError("error: cannot write '\(path)': \(reason)\n")
            throw ExitStatus.inputError
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

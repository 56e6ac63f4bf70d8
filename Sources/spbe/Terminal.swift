import Diagnostics
import Foundation

/// Facts about where output goes.
enum Terminal {
    /// Whether `stream` is an interactive terminal.
    static func isTerminal(_ stream: FileHandle) -> Bool { isatty(stream.fileDescriptor) != 0 }

    /// Whether colour is wanted: `always`, `never`, or `auto` = a terminal and no `NO_COLOR` set.
    static func wantsColor(_ choice: ColorChoice, stream: FileHandle) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return !noColor && isTerminal(stream)
        }
    }

    /// Writes `text` to standard error, its control characters escaped (`TerminalText`): standard error carries
    /// only messages for people, and a CI log is shown by a terminal or a browser too.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.escaped(text).utf8))
    }

    /// Writes spbe's own terminal control sequence (the progress bar's "return and erase the line") to standard
    /// error as it is; never text from a file.
    static func printErrorControl(_ sequence: StaticString) {
        FileHandle.standardError.write(Data(bytes: sequence.utf8Start, count: sequence.utf8CodeUnitCount))
    }

    /// Writes `text` to standard output; on a terminal with its control characters escaped (`TerminalText`),
    /// elsewhere byte for byte, so a JSON or CSV report piped to a file is exact.
    static func printOutput(_ text: String) {
        guard !text.isEmpty else { return }
        let shown = isTerminal(.standardOutput) ? TerminalText.escaped(text) : text
        FileHandle.standardOutput.write(Data(shown.utf8))
    }

    /// Writes `bytes` (UTF-8 text) to standard output, escaped on a terminal as `printOutput(_: String)` does.
    static func printOutput(_ bytes: Data) {
        guard isTerminal(.standardOutput) else { return FileHandle.standardOutput.write(bytes) }
        printOutput(String(decoding: bytes, as: UTF8.self))
    }
}

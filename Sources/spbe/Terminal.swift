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

    /// Writes `text` to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `text` to standard output.
    static func printOutput(_ text: String) {
        guard !text.isEmpty else { return }
        printOutput(Data(text.utf8))
    }

    /// Writes `bytes` (UTF-8 text) to standard output.
    static func printOutput(_ bytes: Data) {
        FileHandle.standardOutput.write(bytes)
    }
}

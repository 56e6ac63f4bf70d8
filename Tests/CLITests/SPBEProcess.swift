import Foundation

/// Runs the built `spbe` binary the way a user does, from the package root, and captures what it prints.
struct SPBEProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root, so relative paths in outputs are the same on every machine.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `spbe` executable next to the test bundle in the build folder.
    static var executable: URL {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("spbe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/spbe")
    }

    /// Runs `spbe arguments…` with `NO_COLOR` set and no terminal, waiting at most `timeout` seconds.
    static func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> Result {
        try run(executable: executable, arguments, in: packageRoot, timeout: timeout)
    }

    /// Runs a shell command line in `directory`, with the built `spbe` first on the `PATH`, as a reader of the
    /// documentation would type it.
    static func run(shell command: String, in directory: URL, timeout: TimeInterval = 120) throws -> Result {
        try run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: directory, timeout: timeout)
    }

    private static func run(
        executable: URL, _ arguments: [String], in directory: URL, timeout: TimeInterval
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["PATH"] =
            Self.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        let stdout = Drain(output.fileHandleForReading)
        let stderr = Drain(errors.fileHandleForReading)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout.wait(), as: UTF8.self),
            stderr: String(decoding: stderr.wait(), as: UTF8.self)
        )
    }
}

/// Reads a pipe to its end on a background thread, so a child that fills both pipes cannot block.
private final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// Everything read; waits for the end of the pipe.
    func wait() -> Data {
        done.wait()
        return data
    }
}

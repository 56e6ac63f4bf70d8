import Foundation
import Testing

/// Escape sequences in inventory keys and values never reach the terminal: diagnostics on standard error and the
/// text report on a terminal show them as visible escapes.
@Suite("terminal escape injection")
struct TerminalEscapeTests {
    private static func inventory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-escape-\(getpid())-\(UUID().uuidString).yaml")
        let text = """
            spbe_inventory: 1
            opd: {id: "OPD-1", name: "Dinas \\e]0;pwned\\a Kominfo"}
            applications:
              - {id: "APP-\\e[2J1", name: A, type: khusus, hosting: server_opd, "host\\e[Hng": pdn}

            """
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a key with an escape sequence is escaped in the diagnostic")
    func diagnostics() throws {
        let result = try SPBEProcess.run([
            "check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--fail-on", "none",
            try Self.inventory(),
        ])
        #expect(!result.stderr.contains("\u{1B}"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown field 'host\\x1B[Hng'"), "\(result.stderr)")
    }

    @Test(
        "the text report on a terminal escapes the OPD name and subjects",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal")
    )
    func textReport() throws {
        let command = [
            SPBEProcess.executable.path, "check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30",
            "--fail-on", "none", "--color", "never", try Self.inventory(),
        ]
        .map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command + " 2>/dev/null", "/dev/null"]
        process.currentDirectoryURL = SPBEProcess.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Dinas \\x1B]0;pwned\\x07 Kominfo"), "\(text)")
        #expect(!text.contains("\u{1B}]0;") && !text.contains("\u{1B}[2J"), "\(text)")
    }
}

import Foundation
import Testing

/// An interrupted `spbe check --output` leaves the report file either as it was or complete, and never a
/// temporary file.
@Suite("interrupted runs", .serialized)
struct InterruptTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-interrupt-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        let inventories = url.appendingPathComponent("inventories")
        try? FileManager.default.createDirectory(at: inventories, withIntermediateDirectories: true)
        // A synthetic regency whose JSON report is about 7 MB: writing it takes long enough to be interrupted, and
        // a run is short enough for the nine runs below (the suite's longest test at 1,000 OPDs: 3 of 5 minutes).
        for index in 0..<250 {
            var text = "spbe_inventory: 1\nopd: {id: \"OPD-\(index)\", name: Dinas \(index)}\napplications:\n"
            for app in 0..<20 {
                text +=
                    "  - {id: A\(app), name: Aplikasi \(app), type: khusus, hosting: server_opd, security_audit_date: 2020-01-01}\n"
            }
            try? Data(text.utf8).write(to: inventories.appendingPathComponent(String(format: "opd-%05d.yaml", index)))
        }
        return url
    }()

    /// How a child ended.
    enum Ending: Equatable {
        case exit(Int32)
        case signal(Int32)
    }

    /// Starts `spbe check --output json=FILE` as a shell would: default signal actions, no signal blocked (a
    /// child started by `Process` inherits the test runner's blocked and ignored signals).
    private func start(output: URL) throws -> pid_t {
        let arguments = [
            SPBEProcess.executable.path, "check", "--pack",
            SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/packs/mini").path, "--as-of", "2025-06-30",
            "--quiet",
            "--fail-on", "none", "--output", "json=\(output.path)",
            Self.folder.appendingPathComponent("inventories").path,
        ]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        return pid
    }

    private func wait(_ pid: pid_t) -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7f == 0 ? .exit((status >> 8) & 0xff) : .signal(status & 0x7f)
    }

    /// Runs `spbe check --output json=FILE`, sending `signal` after `delay` seconds (never, when nil).
    private func run(output: URL, signal: Int32, after delay: TimeInterval?) throws -> Ending {
        let pid = try start(output: output)
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(pid, signal)
        }
        return wait(pid)
    }

    @Test("a signal while the report is being written removes the temporary file and keeps the old report")
    func whileWriting() throws {
        let output = Self.folder.appendingPathComponent("writing.json")
        try Data("{\"old\": true}".utf8).write(to: output)
        var caught = 0
        for signal in [SIGINT, SIGTERM, SIGINT] {
            let pid = try start(output: output)
            // Wait for the temporary file to appear, then interrupt.
            let deadline = Date().addingTimeInterval(60)
            var ending: Ending?
            while Date() < deadline, try leftovers().isEmpty {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    ending = status & 0x7f == 0 ? .exit((status >> 8) & 0xff) : .signal(status & 0x7f)
                    break
                }
                usleep(200)
            }
            if ending == nil {
                kill(pid, signal)
                ending = wait(pid)
                if ending == .signal(signal) || ending == .exit(128 + signal) { caught += 1 }
            }
            #expect(try leftovers().isEmpty)
            let data = try Data(contentsOf: output)
            let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(report?["old"] as? Bool == true || report?["schema_version"] as? Int == 4)
            try Data("{\"old\": true}".utf8).write(to: output)
        }
        #expect(caught > 0, "the temporary file was never seen: the run wrote it too fast to interrupt")
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test("SIGINT and SIGTERM at any moment leave no temporary file and no half-written report")
    func interrupted() throws {
        let output = Self.folder.appendingPathComponent("report.json")
        try? FileManager.default.removeItem(at: output)
        let started = Date()
        let whole = try run(output: output, signal: SIGINT, after: nil)
        let duration = Date().timeIntervalSince(started)
        #expect(whole == .exit(0))
        let complete = try Data(contentsOf: output)
        #expect(try JSONSerialization.jsonObject(with: complete) is [String: Any])

        var interruptedRuns = 0
        for (step, fraction) in [0.3, 0.6, 0.75, 0.85, 0.9, 0.95].enumerated() {
            let signal = step.isMultiple(of: 2) ? SIGINT : SIGTERM
            if step >= 3 { try? FileManager.default.removeItem(at: output) }  // also when there was no report before
            switch try run(output: output, signal: signal, after: duration * fraction) {
            case .signal(signal), .exit(128 + signal): interruptedRuns += 1
            case .exit(0): break  // it had finished
            case let ending: Issue.record("ended by \(ending) after a signal at \(fraction)")
            }
            #expect(try leftovers().isEmpty, "temporary files left after a signal at \(fraction) of the run")
            if let data = FileManager.default.contents(atPath: output.path) {
                #expect(
                    try JSONSerialization.jsonObject(with: data) is [String: Any],
                    "a half-written report at \(fraction)")
                #expect(data.count == complete.count)
            }
        }
        #expect(interruptedRuns > 0)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with output to /dev/null and reports its wall time and peak resident memory.
enum ChildProcess {
    /// Wall time (ms) and peak resident set (MiB) of `executable arguments…`; exits the benchmark if it fails to start.
    static func run(_ executable: String, _ arguments: [String]) -> (milliseconds: Double, peakMiB: Double, status: Int32) {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var status: Int32 = 0
        var usage = rusage()
        let elapsed = measure {
            guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
                FileHandle.standardError.write(Data("cannot start \(executable)\n".utf8))
                exit(2)
            }
            wait4(pid, &status, 0, &usage)
        }
        let exitCode = (status >> 8) & 0xFF
        return (elapsed, Double(usage.ru_maxrss) / 1024, exitCode)
    }
}

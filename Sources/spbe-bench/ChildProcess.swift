import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program with output to /dev/null and reports its wall time and peak resident memory.
enum ChildProcess {
    /// One run: wall time (ms), peak resident set (MiB), exit status (128 + the signal when killed by one), and
    /// CPU time (user and system, ms: unlike the wall time, not counting the time spent waiting for a core).
    typealias Run = (milliseconds: Double, peakMiB: Double, status: Int32, cpuMilliseconds: Double)

    /// Wall time (ms) and peak resident set (MiB) of `executable arguments…`, its standard output written to
    /// `output`; exits the benchmark if it fails to start.
    static func run(_ executable: String, _ arguments: [String], output: String = "/dev/null") -> Run {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var status: Int32 = 0
        var usage = rusage()
        let elapsed = measure {
            guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
                FileHandle.standardError.write(Data("cannot start \(executable)\n".utf8))
                exit(2)
            }
            wait4(pid, &status, 0, &usage)
        }
        // Exited: its status; killed by a signal: 128 + the signal, as shells report it.
        let signal = status & 0x7F
        let exitCode = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return (elapsed, Double(usage.ru_maxrss) / 1024, exitCode, cpuMilliseconds(usage))
    }

    /// The user and system time of `usage`, in milliseconds.
    static func cpuMilliseconds(_ usage: rusage) -> Double {
        let user = Double(usage.ru_utime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec) / 1000
        let system = Double(usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_stime.tv_usec) / 1000
        return user + system
    }

    /// `run`, failing unless the program exits with status 0: a crashed child would give meaningless times.
    static func succeeding(_ executable: String, _ arguments: [String]) throws -> Run {
        let result = run(executable, arguments)
        guard result.status == 0 else {
            throw ValidationError(
                "\(executable) \(arguments.joined(separator: " ")) exited with status \(result.status)")
        }
        return result
    }

    /// Whether `executable` names the Swift runtime among the shared libraries it loads (its dynamic section is
    /// near the start of the file).
    static func loadsSwiftRuntime(_ executable: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: executable) else { return false }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: 8 << 20)) ?? Data()
        return head.range(of: Data("libswiftCore.so".utf8)) != nil
    }
}

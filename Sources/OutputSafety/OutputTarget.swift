import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a file spbe writes (a report, a conversion, a template, `init`'s files) really goes, decided once for
/// every writer: never over an input, never twice in one run, and never replacing what is not a regular file.
///
/// - A path that does not exist, or a regular file, is written atomically: a temporary file beside it, then a
///   rename over it.
/// - A symbolic link is followed: the file it points to is written (atomically, beside that file), and the link
///   stays a link.
/// - A character device (`/dev/null`, `/dev/stdout`, a terminal) or a named pipe is written through, in place;
///   it is never replaced by a regular file.
/// - A folder, a block device or a socket is refused.
public enum OutputTarget: Sendable, Equatable {
    /// Written atomically at `path` (symbolic links resolved).
    case file(path: String)
    /// Written through, in place: a character device or a named pipe.
    case stream(path: String)

    /// What writing `path` means, or why it is refused: it is one of `inputs` or inside a folder of them, or it
    /// is not something a file can be written to.
    public static func of(_ path: String, inputs: ProtectedInputs) -> Result<OutputTarget, OutputRefusal> {
        if let refusal = inputs.refusal(for: path) { return .failure(refusal) }
        let resolved = CanonicalPath.of(path)
        var status = stat()
        guard lstat(resolved, &status) == 0 else {
            // Not there yet (or its folder is not): created by the atomic write, which reports any real error.
            return .success(.file(path: resolved))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .success(.file(path: resolved))
        case S_IFCHR, S_IFIFO: return .success(.stream(path: resolved))
        case S_IFDIR:
            return .failure(
                OutputRefusal(
                    code: "output.unwritable", "cannot write '\(path)': it is a folder",
                    suggestion: "give a file name inside it"))
        default:
            return .failure(
                OutputRefusal(
                    code: "output.unwritable", "cannot write '\(path)': it is a block device or a socket, not a file"))
        }
    }

    /// The first two of `paths` that name the same file (after resolving `.`, `..` and symbolic links), in order.
    public static func firstDuplicate(in paths: [String]) -> (first: String, second: String)? {
        var seen: [String: String] = [:]
        for path in paths {
            let canonical = CanonicalPath.of(path)
            if let first = seen[canonical] { return (first, path) }
            seen[canonical] = path
        }
        return nil
    }

    /// Writes `bytes` through to a character device or named pipe at `path`, in place; the reason on failure.
    /// A named pipe with no reader is refused at once rather than waited on.
    public static func writeThrough(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor: Int32
        switch openThrough(path) {
        case .failure(let refusal): return refusal.message
        case .success(let opened): descriptor = opened
        }
        let failure = writeAll(bytes, to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        return (failure ?? closed).map(OutputTarget.reason)
    }

    /// Opens a character device or named pipe at `path` for blocking writes in place; the reason on failure. A
    /// named pipe with no reader is refused at once rather than waited on.
    public static func openThrough(_ path: String) -> Result<Int32, WriteFailure> {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            return .failure(
                WriteFailure(
                    message: errno == ENXIO ? "it is a named pipe that nothing reads" : OutputTarget.reason(errno)))
        }
        // Blocking writes from here: a slow reader is waited for, not reported as EAGAIN.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return .success(descriptor)
    }

    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes; the `errno` of a failure.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return nil
    }

    /// The words for an `errno`, as the system gives them ("No space left on device"), never a guess.
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #else
            Darwin.write(descriptor, buffer, count)
        #endif
    }
}

/// Why a file is not written.
public struct OutputRefusal: Error, Sendable, Equatable {
    /// The stable diagnostic code: `convert.overwrite_input` for an input (the code predates reports' use of it),
    /// `output.unwritable` for a target that is not a file.
    public let code: String
    /// The message, naming the path.
    public let message: String
    /// What to do instead, when there is something to say.
    public let suggestion: String?

    /// Creates a refusal.
    public init(code: String, _ message: String, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.suggestion = suggestion
    }
}

/// The files a run read, which nothing it writes may replace: each file, and for a folder read as one inventory
/// (a CSV inventory's `opd.yaml` and collection files) every file inside it, existing or not, since a new file
/// there would be read as part of the inventory next time.
public struct ProtectedInputs: Sendable {
    private let files: Set<String>
    private let folders: Set<String>

    /// Protects `paths`: regular files as themselves, folders with everything directly inside them.
    public init(_ paths: [String]) {
        var files: Set<String> = []
        var folders: Set<String> = []
        for path in paths {
            let canonical = CanonicalPath.of(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: canonical, isDirectory: &isFolder), isFolder.boolValue {
                folders.insert(canonical)
            } else {
                files.insert(canonical)
            }
        }
        self.files = files
        self.folders = folders
    }

    /// No inputs: only the kind of target is checked.
    public static let none = ProtectedInputs([])

    /// Why writing `path` would replace an input, or nil.
    public func refusal(for path: String) -> OutputRefusal? {
        let canonical = CanonicalPath.of(path)
        if files.contains(canonical) || folders.contains(canonical) {
            return OutputRefusal(
                code: "convert.overwrite_input", "refusing to overwrite the input file '\(path)'",
                suggestion: "write it somewhere else")
        }
        let folder = (canonical as NSString).deletingLastPathComponent
        if folders.contains(folder) {
            return OutputRefusal(
                code: "convert.overwrite_input",
                "refusing to write '\(path)' inside the input folder '\(folder)', whose files are read as one inventory",
                suggestion: "write it somewhere else"
            )
        }
        return nil
    }
}

/// Why a file could not be written, in the system's words.
public struct WriteFailure: Error, Sendable {
    /// The reason, for example "No space left on device".
    public let message: String
}

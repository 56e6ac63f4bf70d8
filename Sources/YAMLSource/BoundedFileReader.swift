import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file within a size limit: the size is checked before reading and again while reading, so a
/// file that is huge, or grows while it is read, is refused without being loaded.
public enum BoundedFileReader {
    /// The bytes of a file, or the diagnostic that says why they could not be read.
    public enum Outcome: Sendable {
        case success([UInt8])
        case failure(Diagnostic)
    }

    /// The file's bytes, refusing folders, unreadable files and files over `limit` bytes without reading them whole.
    public static func read(path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.fileUnreadable(path, reason: reason(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.fileUnreadable(path, reason: reason(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(.fileUnreadable(path, reason: "it is a folder")) }
        if Int(status.st_size) > limit {
            return .failure(.fileTooLarge(path, bytes: Int(status.st_size), limit: limit))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.fileUnreadable(path, reason: reason(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // The file may grow while it is read: stop at the limit rather than read it all.
            if bytes.count > limit + 3 { return .failure(.fileTooLarge(path, bytes: bytes.count, limit: limit)) }
        }
        return .success(bytes)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ELOOP: "symbolic link loop"
        case EISDIR: "it is a folder"
        case ENAMETOOLONG: "the path is too long"
        default: String(cString: strerror(code))
        }
    }
}

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

    /// Bytes held in memory (an upload) as `read` would give them from a file called `path`: refused over `limit`.
    public static func held(_ bytes: [UInt8], path: String, limit: Int) -> Outcome {
        bytes.count > limit ? .failure(.fileTooLarge(path, bytes: bytes.count, limit: limit)) : .success(bytes)
    }

    /// The file's bytes, refusing folders, anything else that is not a regular file (a named pipe, a device, a
    /// socket), unreadable files and files over `limit` bytes without reading them whole.
    ///
    /// The file is opened without blocking and checked with `fstat` before any read: opening a named pipe
    /// blocks until a writer comes, and reading one or a device may never end.
    public static func read(path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.fileUnreadable(path, reason: reason(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.fileUnreadable(path, reason: reason(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.fileUnreadable(path, reason: "it is a folder"))
        case S_IFIFO: return .failure(.fileUnreadable(path, reason: "it is a named pipe, not a regular file"))
        case S_IFCHR, S_IFBLK: return .failure(.fileUnreadable(path, reason: "it is a device, not a regular file"))
        default: return .failure(.fileUnreadable(path, reason: "it is not a regular file"))
        }
        // Reads of a regular file never block; clearing the flag keeps it so on every system.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        if Int(status.st_size) > limit {
            return .failure(.fileTooLarge(path, bytes: Int(status.st_size), limit: limit))
        }
        // Read straight into the result, sized for the file as measured, with a byte more to notice that it grew.
        let measured = Int(status.st_size)
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: measured + 1) { buffer, count in
            count = fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor, failure: &failure)
        }
        // A file that grew since it was measured is read on in chunks, stopping at the limit rather than reading
        // it all.
        var more = bytes.count > measured
        while more, failure == nil, bytes.count <= limit + 3 {
            let chunk = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { buffer, count in
                count = fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor, failure: &failure)
            }
            bytes += chunk
            more = chunk.count == 64 * 1024
        }
        if let failure { return .failure(.fileUnreadable(path, reason: reason(failure))) }
        if bytes.count > limit + 3 { return .failure(.fileTooLarge(path, bytes: bytes.count, limit: limit)) }
        return .success(bytes)
    }

    /// Reads into `buffer` until it is full or the file ends; returns the bytes read, and sets `failure` to the
    /// error of a failed read.
    private static func fill(
        _ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, failure: inout Int32?
    ) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = systemRead(descriptor, base + filled, buffer.count - filled)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            filled += count
        }
        return filled
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

import Foundation

/// Files kept by content: uploaded inventories and rendered reports, each named by the SHA-256 of its bytes in a
/// folder beside the database. A blob is written to a temporary file, synced, then renamed into place, so a crash
/// leaves either no blob or the whole one; a blob is never rewritten.
public struct BlobStore: Sendable {
    /// The folder holding the blobs (`DATA/blobs`).
    public let folder: String

    /// A store in `folder`, created when missing.
    public init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The lowercase hex SHA-256 of `data`.
    public static func hash(_ data: Data) -> String {
        ContentHash.hex(data)
    }

    /// Stores `data` and returns its hash; storing the same bytes twice keeps one file.
    @discardableResult
    public func put(_ data: Data) throws -> String {
        let hash = Self.hash(data)
        let path = self.path(of: hash)
        if FileManager.default.fileExists(atPath: path) { return hash }
        let temporary = "\(folder)/.tmp-\(UUID().uuidString)"
        // Created here, not by `FileManager.createFile`, which writes even an empty file atomically: through a
        // temporary file of its own and a rename.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        do {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return hash
    }

    /// The bytes of the blob `hash`, nil when there is none (or `hash` is not a hash).
    public func data(_ hash: String) -> Data? {
        guard Self.isHash(hash) else { return nil }
        return FileManager.default.contents(atPath: path(of: hash))
    }

    /// The file of the blob `hash` (which must be a hash: 64 lowercase hex digits).
    public func path(of hash: String) -> String {
        precondition(Self.isHash(hash), "a blob is named by its hash")
        return "\(folder)/\(hash)"
    }

    /// Whether `text` is a blob name: 64 lowercase hex digits, so never a path.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

import Foundation
import Testing
import YAMLSource

@Suite("reading files within a size limit")
struct BoundedFileReaderTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "spbe-bounded-\(UUID().uuidString).yaml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a file is read whole, byte for byte, whatever its size")
    func wholeFiles() throws {
        for size in [0, 1, 4095, 4096, 70_000, 200_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let path = try temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            guard case .success(let read) = BoundedFileReader.read(path: path, limit: 1 << 20) else {
                Issue.record("could not read \(size) bytes")
                continue
            }
            #expect(read == bytes)
        }
    }

    @Test("a file over the limit is refused before it is read")
    func overLimit() throws {
        let path = try temporaryFile(Array(repeating: 0x61, count: 5000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let diagnostic) = BoundedFileReader.read(path: path, limit: 4999) else {
            Issue.record("read a file over the limit")
            return
        }
        #expect(diagnostic.code == "input.too_large")
        #expect(diagnostic.message.contains("(5000 bytes; the limit is 4999 bytes)"))
    }

    @Test("a device or a named pipe is refused before any read, and opening a pipe without a writer does not block")
    func notRegular() throws {
        guard case .failure(let device) = BoundedFileReader.read(path: "/dev/zero", limit: 200_000) else {
            Issue.record("read /dev/zero")
            return
        }
        #expect(device.message == "cannot read '/dev/zero': it is a device, not a regular file")
        let pipe = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-fifo-\(getpid())-\(UUID().uuidString)"
        ).path
        #expect(mkfifo(pipe, 0o644) == 0)
        defer { unlink(pipe) }
        guard case .failure(let named) = BoundedFileReader.read(path: pipe, limit: 200_000) else {
            Issue.record("read a named pipe")
            return
        }
        #expect(named.message == "cannot read '\(pipe)': it is a named pipe, not a regular file")
    }
}

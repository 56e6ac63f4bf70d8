import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The inventories' parts of a report that holds them until the run's end (`StreamingReporter.holdsInventories`),
/// kept in a temporary file that no folder names (unlinked at once, so nothing is left behind however the process
/// ends): memory holds their offsets only. A part that cannot be written there is kept in memory instead.
final class SpooledParts: HeldParts {
    private enum Place {
        case file(offset: Int, count: Int)
        case memory([UInt8])
    }

    private var places: [Place] = []
    private var end = 0
    private let descriptor: Int32

    /// An empty spool in the system's temporary folder.
    init() {
        var template = Array((NSTemporaryDirectory() + "/spbe-parts-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if descriptor >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds the next inventory's part, written from its own bytes (no copy is made of a part the file takes).
    func append(_ part: Data) {
        guard descriptor >= 0, write(part, at: end) else { return places.append(.memory(Array(part))) }
        places.append(.file(offset: end, count: part.count))
        end += part.count
    }

    var count: Int { places.count }

    func part(_ position: Int) -> [UInt8] { part(position, prefix: .max) }

    func part(_ position: Int, prefix length: Int) -> [UInt8] {
        switch places[position] {
        case .memory(let part): return Array(part.prefix(length))
        case .file(let offset, let stored):
            // Perf: read straight into the array's uninitialised storage; zeroing it first and reading through a
            // slice of it cost as much as writing the part (callgrind, 100 OPDs of spbe-bench, SARIF and HTML).
            let count = min(stored, length)
            return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                var done = 0
                while done < count {
                    let read = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                    if read < 0 && errno == EINTR { continue }
                    // The file is this process's own and unlinked: a short read is an I/O error, shown as a short
                    // part.
                    guard read > 0 else { break }
                    done += read
                }
                initialized = done
            }
        }
    }

    /// Writes all of `bytes` at `offset`; false when the file cannot take them (no space left, say).
    private func write(_ bytes: Data, at offset: Int) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                done += written
            }
            return true
        }
    }
}

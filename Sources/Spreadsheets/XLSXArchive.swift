import Diagnostics
import Foundation
import ZIPFoundation

/// The zip container of a workbook, read within `SheetLimits`: the file's size is checked before opening, the
/// number of entries while listing them, and each part's size before inflating (the size the zip declares) and
/// while inflating (the bytes actually produced), so a zip bomb is refused after at most the limit's worth of work.
struct XLSXArchive {
    let path: String
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: SheetLimits
    private var inflated = 0

    /// Opens the workbook at `path`.
    init(path: String, limits: SheetLimits) throws(SheetFailure) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else {
            throw SheetFailure(.workbookInvalid(path, "no such file, or it cannot be read"))
        }
        guard size <= limits.maxFileBytes else {
            throw SheetFailure(
                .workbookTooLarge(path, "it is \(size) bytes; the limit is \(limits.maxFileBytes) bytes"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheetFailure(.workbookInvalid(path, "no such file, or it cannot be read"))
        }
        try self.init(data: data, path: path, limits: limits)
    }

    /// Opens the workbook `data` (an upload held in memory), called `path` in diagnostics.
    init(data: Data, path: String, limits: SheetLimits) throws(SheetFailure) {
        self.path = path
        self.limits = limits
        guard data.count <= limits.maxFileBytes else {
            throw SheetFailure(
                .workbookTooLarge(path, "it is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes"))
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            // The signature of an OLE2 compound file: what Excel writes for a password-protected workbook (the
            // encrypted zip inside), and for the old `.xls` format.
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw SheetFailure(.workbookProtected(path))
            }
            throw SheetFailure(.workbookInvalid(path, "it is not a zip file (an .xlsx workbook is one)"))
        }
        var entries: [String: Entry] = [:]
        var listed = 0
        for entry in archive {
            // Every entry counts, not only distinct names: a directory of one name repeated is as long to list.
            listed += 1
            guard listed <= limits.maxEntries else {
                throw SheetFailure(
                    .workbookTooLarge(path, "its zip directory lists more than \(limits.maxEntries) entries"))
            }
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.entries = entries
    }

    /// Whether the workbook has a part at `name`.
    func contains(_ name: String) -> Bool { entry(name) != nil }

    /// The inflated bytes of the part at `name` (`xl/workbook.xml`), or nil when there is none.
    mutating func part(_ name: String) throws(SheetFailure) -> Data? {
        guard let entry = entry(name) else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let partLimit = min(limits.maxPartBytes, limits.maxTotalBytes - inflated)
        guard declared <= partLimit else { throw tooLarge(name) }
        var data = Data()
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= partLimit else { throw PartLimitExceeded() }
                data.append(chunk)
            }
        } catch is PartLimitExceeded {
            throw tooLarge(name)
        } catch {
            throw SheetFailure(.workbookInvalid(path, "its part '\(name)' is damaged"))
        }
        // ZIPFoundation computes the checksum of what it inflated; comparing it with the directory's is ours to do.
        guard checksum == entry.checksum else {
            throw SheetFailure(
                .workbookInvalid(path, "its part '\(name)' is damaged (its CRC-32 checksum does not match)"))
        }
        inflated += data.count
        return data
    }

    private func entry(_ name: String) -> Entry? {
        entries[name] ?? entries.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    private func tooLarge(_ name: String) -> SheetFailure {
        SheetFailure(
            .workbookTooLarge(
                path,
                "its part '\(name)' inflates past the limit (\(limits.maxPartBytes) bytes a part, \(limits.maxTotalBytes) in all)"
            ))
    }

    private struct PartLimitExceeded: Error {}
}

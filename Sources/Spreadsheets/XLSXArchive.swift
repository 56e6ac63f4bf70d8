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
        self.path = path
        self.limits = limits
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else {
            throw SheetFailure(.workbookInvalid(path, "no such file, or it cannot be read"))
        }
        guard size <= limits.maxFileBytes else {
            throw SheetFailure(.workbookTooLarge(path, "it is \(size) bytes; the limit is \(limits.maxFileBytes) bytes"))
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw SheetFailure(.workbookInvalid(path, "it is not a zip file (an .xlsx workbook is one)"))
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < limits.maxEntries else {
                throw SheetFailure(.workbookTooLarge(path, "its zip directory lists more than \(limits.maxEntries) entries"))
            }
            entries[entry.path] = entry
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
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= partLimit else { throw PartLimitExceeded() }
                data.append(chunk)
            }
        } catch is PartLimitExceeded {
            throw tooLarge(name)
        } catch {
            throw SheetFailure(.workbookInvalid(path, "its part '\(name)' is damaged"))
        }
        inflated += data.count
        return data
    }

    private func entry(_ name: String) -> Entry? {
        entries[name] ?? entries.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    private func tooLarge(_ name: String) -> SheetFailure {
        SheetFailure(.workbookTooLarge(
            path, "its part '\(name)' inflates past the limit (\(limits.maxPartBytes) bytes a part, \(limits.maxTotalBytes) in all)"
        ))
    }

    private struct PartLimitExceeded: Error {}
}

import Foundation
import Spreadsheets
import ZIPFoundation

/// Puts an upload where the CLI's reader can load it: a file is held in memory under its safe name, which is the
/// path its reports and diagnostics name (never the server's folders, and the same for the same upload, so the
/// reports of an upload sent again are stored once), a zip of a CSV folder is unpacked within bounds (no path
/// traversal, no links, at most `SheetLimits.default`'s entries and inflated bytes) into a fresh folder under the
/// data folder's `tmp`, removed when done.
///
/// Perf: a file upload is not written out (nor removed after). On ext4 without a journal, whose inode allocator
/// passes over every recently freed inode (perf: `find_inode_bit`, `recently_deleted`), creating files was up to a
/// fifth of an upload's CPU time under load, and each file made and removed made the next ones slower to create.
struct UploadStaging {
    /// The kinds of upload accepted, by file extension.
    enum Kind: String, Sendable {
        case xlsx, zip, yaml, json
    }

    /// Why an upload was refused before loading.
    struct Refusal: Error, Sendable {
        let message: String
    }

    /// The staging folder, made only for what is on disk (removed by `remove()`): diagnostics name files relative
    /// to it.
    let folder: String
    /// What the reader loads: the file, or the unpacked CSV folder.
    let path: String
    /// The file's bytes, which the reader loads as `path`; nil when what it loads is on disk (an unpacked CSV
    /// folder, or a file staged `onDisk`).
    let held: Data?

    /// The kind of upload `fileName` names, nil when not accepted.
    static func kind(of fileName: String) -> Kind? {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "xlsx": .xlsx
        case "zip": .zip
        case "yaml", "yml": .yaml
        case "json": .json
        default: nil
        }
    }

    /// `fileName` reduced to letters, digits, `.`, `-` and `_` (at most 100), never starting with a dot: the
    /// name the staged file gets, so diagnostics show the user's name without it ever being a path.
    static func safeName(_ fileName: String, kind: Kind) -> String {
        let base = (fileName as NSString).lastPathComponent
        var kept = String.UnicodeScalarView()
        for scalar in base.unicodeScalars where kept.count < 100 {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar) {
                kept.append(scalar)
            }
        }
        let trimmed = String(String(kept).drop { $0 == "." })
        return Self.kind(of: trimmed) == kind ? trimmed : "upload.\(kind.rawValue)"
    }

    /// Stages `data` (uploaded as `fileName`) under `tmpRoot`; a file upload is written out only `onDisk`, for
    /// readers that look for their inputs there.
    static func stage(
        _ data: Data, fileName: String, kind: Kind, tmpRoot: String, limits: SheetLimits = .default,
        onDisk: Bool = false
    ) throws -> UploadStaging {
        let folder = "\(tmpRoot)/\(UUID().uuidString)"
        let name = safeName(fileName, kind: kind)
        if kind != .zip, !onDisk { return UploadStaging(folder: folder, path: name, held: data) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            if kind != .zip {
                try data.write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
                return UploadStaging(folder: folder, path: "\(folder)/\(name)", held: nil)
            }
            let root = "\(folder)/\((name as NSString).deletingPathExtension)"
            try unzip(data, into: root, limits: limits)
            return UploadStaging(folder: folder, path: csvFolder(in: root), held: nil)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// Removes the staging folder, when one was made.
    func remove() {
        if held == nil { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Unpacks a zip into `root`, refusing entries that climb out of it, links, and more entries or inflated bytes
    /// than `limits` allow (checked while inflating, not only from the declared sizes).
    static func unzip(_ data: Data, into root: String, limits: SheetLimits) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Refusal(message: "the file is not a readable zip archive")
        }
        var entries = 0
        var total = 0
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for entry in archive {
            entries += 1
            guard entries <= limits.maxEntries else {
                throw Refusal(message: "the zip has more than \(limits.maxEntries) entries")
            }
            let components = entry.path.split(separator: "/", omittingEmptySubsequences: true)
            guard !entry.path.hasPrefix("/"), !entry.path.contains("\\"),
                !components.contains(where: { $0 == ".." || $0 == "." }),
                !components.isEmpty
            else { throw Refusal(message: "the zip entry '\(entry.path)' points outside its folder") }
            switch entry.type {
            case .directory:
                try FileManager.default.createDirectory(
                    atPath: "\(root)/\(components.joined(separator: "/"))", withIntermediateDirectories: true)
                continue
            case .symlink:
                throw Refusal(message: "the zip entry '\(entry.path)' is a link")
            case .file:
                break
            }
            guard entry.uncompressedSize <= UInt64(limits.maxPartBytes) else {
                throw Refusal(message: "the zip entry '\(entry.path)' is larger than \(limits.maxPartBytes) bytes")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    guard bytes.count + chunk.count <= limits.maxPartBytes, total <= limits.maxTotalBytes else {
                        throw Refusal(message: "the zip inflates to more than \(limits.maxTotalBytes) bytes")
                    }
                    bytes.append(chunk)
                }
            } catch let refusal as Refusal {
                throw refusal
            } catch {
                throw Refusal(message: "the zip entry '\(entry.path)' cannot be read")
            }
            let target = "\(root)/\(components.joined(separator: "/"))"
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: target))
        }
    }

    /// The CSV inventory folder in an unpacked zip: its root when `opd.yaml` is there, else its only subfolder.
    private static func csvFolder(in root: String) -> String {
        if FileManager.default.fileExists(atPath: "\(root)/opd.yaml") { return root }
        let children =
            (try? FileManager.default.contentsOfDirectory(atPath: root))?.filter {
                !$0.hasPrefix(".") && $0 != "__MACOSX"
            } ?? []
        if children.count == 1 {
            var isDirectory: ObjCBool = false
            let child = "\(root)/\(children[0])"
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                return child
            }
        }
        return root
    }
}

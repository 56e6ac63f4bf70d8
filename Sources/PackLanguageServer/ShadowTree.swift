import Foundation
import YAMLSource

/// A temporary copy of a pack folder in which open documents replace their files, so the pack loader, which
/// reads files, sees what the author is typing.
///
/// A file at `/a/b/c.yaml` is mirrored at `ROOT/a/b/c.yaml`; unchanged files and the base packs a relative
/// `extends:` names are symbolic links to the originals, so base packs load and every path maps back by dropping
/// `ROOT`. The tree is removed by `remove()`.
struct ShadowTree {
    /// The temporary folder everything is mirrored under.
    let root: String

    /// Creates an empty tree in a new temporary folder.
    init() throws {
        let name = "spbe-lsp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Where `path` (absolute) lies in the tree.
    func mirrored(_ path: String) -> String { root + PathNames.normalized(path) }

    /// `path` with the tree's root dropped, for positions in diagnostics.
    func original(_ path: String) -> String {
        let normalized = PathNames.normalized(path)
        return normalized.hasPrefix(root + "/") ? String(normalized.dropFirst(root.count)) : path
    }

    /// Mirrors one file with `text` as its content.
    func write(_ text: String, for path: String) throws {
        let target = mirrored(path)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
    }

    /// Mirrors a pack folder (or one-file pack): open documents from `overlay`, other files as links, and the
    /// base packs named by relative `extends:` entries as links to the originals.
    func mirrorPack(_ pack: String, overlay: [String: String]) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: pack, isDirectory: &isFolder) else { return }
        let files: [String]
        if isFolder.boolValue {
            try FileManager.default.createDirectory(atPath: mirrored(pack), withIntermediateDirectories: true)
            files = ((try? FileManager.default.contentsOfDirectory(atPath: pack)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .map { (pack as NSString).appendingPathComponent($0) }
        } else {
            files = [pack]
        }
        let folder = isFolder.boolValue ? pack : (pack as NSString).deletingLastPathComponent
        for file in files {
            let text: String
            if let open = overlay[file] {
                text = open
                try write(open, for: file)
            } else {
                try link(file)
                text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            }
            for base in Self.relativeBases(in: text, path: file) {
                let target = PathNames.normalized((folder as NSString).appendingPathComponent(base))
                if !FileManager.default.fileExists(atPath: mirrored(target)) { try? link(target) }
            }
        }
    }

    /// Makes `mirrored(path)` a symbolic link to `path`.
    private func link(_ path: String) throws {
        let target = mirrored(path)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: path)
    }

    /// The relative paths a pack file's `extends:` names.
    static func relativeBases(in text: String, path: String) -> [String] {
        guard case .success(let document) = YAMLReader.parse(bytes: Array(text.utf8), path: path),
            let entries = document.root?.mappingEntries,
            let extends = entries.first(where: { $0.key.scalar == "extends" })?.value.sequenceItems
        else { return [] }
        return extends.compactMap(\.scalar).filter { !$0.hasPrefix("/") }
    }

    /// Deletes the tree (links are removed, never followed).
    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Path spelling helpers.
enum PathNames {
    /// `path` with `.` and `dir/..` removed.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

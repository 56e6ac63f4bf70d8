import Foundation

/// What an open file is, judged by its first format key and where it lies, and the pack it belongs to.
public enum DocumentKind: Equatable, Sendable {
    /// A file of the pack at `pack` (a folder, or the file itself for a one-file pack).
    case pack(pack: String)
    /// A fixture in the `tests/` folder of the pack at `pack`.
    case fixture(pack: String)
    /// A waiver file, checked against the nearest pack above it (nil: the default pack).
    case waivers(pack: String?)
    /// An inventory, checked against the default pack's schema.
    case inventory
    /// Anything else: no diagnostics.
    case other

    /// Classifies the file at `path` with content `text`.
    public static func of(path: String, text: String) -> DocumentKind {
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json") else { return .other }
        let key = firstFormatKey(text)
        let folder = (path as NSString).deletingLastPathComponent
        switch key {
        case "spbe_pack_test":
            return .fixture(pack: (folder as NSString).deletingLastPathComponent)
        case "spbe_waivers":
            return .waivers(pack: nearestPack(above: folder))
        case "spbe_inventory":
            return .inventory
        default:
            if isPackFolder(folder) { return .pack(pack: folder) }
            if key == "spbe_pack" { return .pack(pack: path) }
            return .other
        }
    }

    /// The first of `spbe_pack`, `spbe_pack_test`, `spbe_waivers`, `spbe_inventory` at the start of a line.
    static func firstFormatKey(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            for key in ["spbe_pack_test", "spbe_pack", "spbe_waivers", "spbe_inventory"]
            where line.hasPrefix(key + ":") || line.hasPrefix("\"\(key)\"") {
                return key
            }
        }
        return nil
    }

    /// Whether `folder` holds a `pack.yaml`.
    static func isPackFolder(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("pack.yaml"))
    }

    /// The nearest folder at or above `folder` that holds a `pack.yaml`.
    static func nearestPack(above folder: String) -> String? {
        var current = folder
        for _ in 0..<32 {
            if isPackFolder(current) { return current }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
        return nil
    }
}

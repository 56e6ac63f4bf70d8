import Foundation

/// The packs that come with spbe (`rules/spbe-2020`, `rules/inventory`, …), which `extends:` may name by their
/// folder's name alone: `extends: [spbe-2020]`.
public enum BundledPacks {
    /// The folder holding the bundled packs: `rules/` next to the executable or one of its parent folders (a build
    /// inside the checkout, or an installation's `share/spbe/rules`), else the checkout this was built from, else
    /// under the current folder; nil when none holds `spbe-2020/pack.yaml`.
    public static let folder: String? = {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath()
        var parent = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(parent.appendingPathComponent("rules"))
            candidates.append(parent.appendingPathComponent("share/spbe/rules"))
            parent = parent.deletingLastPathComponent()
        }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("rules"))
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("rules"))
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("spbe-2020/pack.yaml").path)
        }?.path
    }()

    /// The names of the bundled packs, sorted.
    public static var names: [String] {
        guard let folder else { return [] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("\($0)/pack.yaml"))
        }.sorted()
    }

    /// The path of the bundled pack `name`, when there is one.
    public static func path(of name: String) -> String? {
        guard let folder, names.contains(name) else { return nil }
        return (folder as NSString).appendingPathComponent(name)
    }
}

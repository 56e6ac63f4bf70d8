import Foundation

/// Finds the bundled SPBE pack when `--pack` is not given.
///
/// Looks, in order, in `rules/spbe-2020` next to the executable or any of its parent folders (a `swift run`
/// or release build inside the checkout, or an installation with `share/spbe/rules`), then in the source
/// checkout the binary was built from, then under the current folder.
enum PackLocator {
    static let bundledPack = "rules/spbe-2020"

    static func bundledPackPath() -> String? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent(bundledPack))
            candidates.append(folder.appendingPathComponent("share/spbe").appendingPathComponent(bundledPack))
            folder = folder.deletingLastPathComponent()
        }
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent(bundledPack))
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(bundledPack))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("pack.yaml").path) }?
            .path
    }
}

import Foundation

/// Paths of the shared test fixtures (`Tests/Fixtures`), found from this file's location.
enum FixturePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func pack(_ name: String) -> String { root.appendingPathComponent("packs/\(name)").path }
    static func inventory(_ name: String) -> String { root.appendingPathComponent("inventories/\(name)").path }
}

import Foundation

/// The golden files of the command line's tests (`Tests/CLITests/Fixtures/golden`), which the library's runs
/// must match byte for byte.
enum CLIGolden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The golden file `name`, decoded from its bytes (String(contentsOf:) would drop a byte order mark).
    static func text(_ name: String) throws -> String {
        String(
            decoding: try Data(contentsOf: root.appendingPathComponent("Tests/CLITests/Fixtures/golden/\(name)")),
            as: UTF8.self)
    }
}

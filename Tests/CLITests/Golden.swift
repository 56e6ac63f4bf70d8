import Foundation
import Testing

/// Compares output with a golden file in `Tests/CLITests/Fixtures/golden`; `UPDATE_GOLDEN=1` rewrites it.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // Decoded byte for byte: String(contentsOf:encoding:) would drop a byte order mark (the CSV report's).
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(
            actual == expected, "output differs from golden file \(name); rerun with UPDATE_GOLDEN=1 to accept",
            sourceLocation: sourceLocation)
    }
}

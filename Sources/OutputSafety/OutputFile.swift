import Foundation

/// A file an export or a template writes: its path and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Where it goes.
    public let path: String
    /// What it holds.
    public let data: Data

    /// Creates an output file.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

import Foundation

/// One spelling per file, so that paths written differently (relative, with `..`, through a symbolic link) can be
/// compared: a report is never written over an input, a pack never extends itself.
public enum CanonicalPath {
    /// `path` made absolute (against the current folder), with `.` and `..` removed and symbolic links resolved.
    public static func of(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

import Diagnostics

/// A spreadsheet that cannot be read at all (not a zip, a zip bomb, malformed XML): the one diagnostic that
/// says why, carried as an error so the readers can stop at once.
struct SheetFailure: Error, Sendable {
    /// What to tell the user.
    let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

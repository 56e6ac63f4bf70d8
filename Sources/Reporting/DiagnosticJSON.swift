import Diagnostics
import Foundation

/// Diagnostics as a JSON array, for editors and CI: `file`, `line`, `column`, `sheet` (workbooks only), `severity`, `code`, `message`,
/// `suggestion`, `notes`, with sorted keys.
public enum DiagnosticJSON {
    private struct Entry: Encodable {
        let file: String?
        let line: Int?
        let column: Int?
        let sheet: String?
        let severity: String
        let code: String
        let message: String
        let suggestion: String?
        let notes: [String]
    }

    /// The diagnostics, in the order given, as pretty-printed JSON ending with a newline.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map { diagnostic in
            Entry(
                file: diagnostic.location?.file, line: diagnostic.location?.line, column: diagnostic.location?.column,
                sheet: diagnostic.location?.sheet,
                severity: diagnostic.severity.rawValue, code: diagnostic.code, message: diagnostic.message,
                suggestion: diagnostic.suggestion, notes: diagnostic.notes
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

import Diagnostics
import YAMLSource

/// Puts a pack file in the canonical layout without losing a comment or changing a value.
///
/// The text is edited in place, line by line (a YAML event stream cannot carry comments): the keys of each rule
/// and indicator are put in the documented order (`id`, `title`, `indicator`, … for a rule), each key moving with
/// the lines below it; trailing spaces are removed and the file ends with one line break. Anything the
/// formatter is unsure of is left as written: an item whose keys are not all written one per line at the same
/// indentation, or with comment lines between its keys. Before a result is returned, both texts are read as YAML
/// and compared; a file whose data would differ in any way is returned unchanged.
public enum PackFormatter {
    /// Keys of a rule, in their canonical order.
    public static let ruleKeys = [
        "id", "aliases", "title", "indicator", "severity", "tags", "each", "where", "require", "message",
        "recommendation", "references", "note",
    ]
    /// Keys of an indicator, in their canonical order.
    public static let indicatorKeys = [
        "id", "number", "part", "name", "aspect", "weight", "scale", "target", "effort", "references", "note",
        "levels",
    ]

    /// The outcome of formatting one text.
    public enum Outcome: Equatable, Sendable {
        /// The canonical text (equal to the input when nothing changes).
        case formatted(String)
        /// The text is not valid YAML: nothing is formatted.
        case invalid(Diagnostic)
    }

    /// Formats the text of the pack file `path` (the path is only used in diagnostics).
    public static func format(_ text: String, path: String) -> Outcome {
        guard case .success(let before) = YAMLReader.parse(bytes: Array(text.utf8), path: path) else {
            if case .failure(let diagnostic) = YAMLReader.parse(bytes: Array(text.utf8), path: path) {
                return .invalid(diagnostic)
            }
            return .formatted(text)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines = lines.map(Self.trimmingTrailingSpaces)
        var output: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            output.append(line)
            index += 1
            let order: [String]? =
                switch line {
                case "rules:": ruleKeys
                case "indicators:": indicatorKeys
                default: nil
                }
            guard let order else { continue }
            let end = sectionEnd(lines, from: index)
            output += KeyOrder(order: order).reorder(Array(lines[index..<end]))
            index = end
        }
        let result = output.joined(separator: "\n") + "\n"
        guard case .success(let after) = YAMLReader.parse(bytes: Array(result.utf8), path: path),
            YAMLEquivalence.same(before.root, after.root)
        else { return .formatted(text) }
        return .formatted(result)
    }

    /// The index of the first line after a top-level section's body: the next line that starts in column 1 with
    /// anything but a comment.
    private static func sectionEnd(_ lines: [String], from start: Int) -> Int {
        var index = start
        while index < lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#", first != "-" { return index }
            index += 1
        }
        return index
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
        return String(line)
    }
}

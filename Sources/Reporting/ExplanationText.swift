import Engine
import Expressions

/// The text of an explanation: one subject after the other, each sub-expression on a line of its own, indented
/// under the one it is part of.
public enum ExplanationText {
    /// The lines of `subjects`' explanations, a blank line after each.
    public static func render(_ subjects: [ExplainedSubject]) -> String {
        var lines: [String] = []
        for subject in subjects {
            let place = subject.location.map { " (\($0))" } ?? ""
            lines.append("\(subject.label)\(place): \(subject.outcome)")
            if let filter = subject.filter {
                lines.append("  where")
                render(filter, depth: 2, into: &lines)
            }
            if let condition = subject.condition {
                lines.append("  require")
                render(condition, depth: 2, into: &lines)
                let causes = subject.outcome == "not evidenced" ? condition.unknownCauses : []
                if !causes.isEmpty { lines.append("  unknown because: " + causes.joined(separator: "; ")) }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ node: Explanation, depth: Int, into lines: inout [String]) {
        let note = node.note.map { "   ← \($0)" } ?? ""
        lines.append(String(repeating: "  ", count: depth) + "\(node.shownValue)  \(node.text)\(note)")
        for child in node.children { render(child, depth: depth + 1, into: &lines) }
    }
}

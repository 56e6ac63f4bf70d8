/// A `matches()` pattern, compiled once when the expression is compiled.
///
/// `Regex` is not declared `Sendable`, but a compiled regex is immutable once its program is built; the
/// initializer runs one match so that lazy build happens before the pattern is shared between workers.
final class CompiledPattern: @unchecked Sendable {
    /// The pattern as written.
    let source: String
    let regex: Regex<AnyRegexOutput>

    /// Compiles `source`; throws the regex parser's error.
    init(_ source: String) throws {
        self.source = source
        regex = try Regex(source)
        _ = "".contains(regex)
    }

    /// Whether the pattern occurs anywhere in `text` (unanchored, like a search).
    func matches(_ text: String) -> Bool { text.contains(regex) }
}

/// Rejects patterns whose backtracking can blow up even on short inputs: a repeated group that itself
/// contains a repetition (`(a+)+`, `(x*y?)*`), and backreferences (`\1`).
enum PatternSafety {
    /// Why the pattern is unsafe, or nil when it is fine.
    static func problem(in pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        // For each open group: whether a repetition occurs inside it.
        var groups: [Bool] = []
        var index = 0
        var inClass = false
        var lastGroupRepeats = false
        while index < scalars.count {
            let scalar = scalars[index]
            var closedRepeatingGroup = false
            switch scalar {
            case "\\":
                if index + 1 < scalars.count, ("1"..."9").contains(scalars[index + 1]), !inClass {
                    return "backreferences are not supported"
                }
                index += 1
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: groups.append(false)
            case ")" where !inClass:
                if let repeats = groups.popLast() {
                    closedRepeatingGroup = repeats
                    if repeats, !groups.isEmpty { groups[groups.count - 1] = true }
                }
            case "*", "+", "{":
                if inClass { break }
                if lastGroupRepeats { return "a repeated group contains a repetition, which can take exponential time" }
                if !groups.isEmpty { groups[groups.count - 1] = true }
            default: break
            }
            lastGroupRepeats = closedRepeatingGroup
            index += 1
        }
        return nil
    }
}

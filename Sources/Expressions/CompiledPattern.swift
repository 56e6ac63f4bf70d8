/// A `matches()` pattern, compiled once when the expression is compiled, to an automaton searched in time
/// linear in the text (see `PatternProgram`); immutable, so shared freely between workers.
final class CompiledPattern: Sendable {
    let program: PatternProgram
    /// The pattern checked byte by byte, when it has that shape.
    private let fixed: FixedPattern?

    /// Compiles `source`; throws its first problem.
    init(_ source: String) throws(PatternError) {
        program = try PatternProgram(source)
        fixed = FixedPattern(program)
    }

    /// Cost units of searching a text of `length` UTF-8 bytes: the search visits at most every instruction at
    /// every position, so a large program costs more per character.
    func cost(length: Int) -> Int { (length + 1) * max(1, program.instructions.count / 16) }

    /// Whether the pattern occurs anywhere in `text` (unanchored, like a search).
    func matches(_ text: String) -> Bool { fixed?.matches(text) ?? program.search(text) }
}

/// Rejects what the automaton cannot or should not run, with the clearest message: backreferences (`\1`) and
/// a repeated group that itself contains a repetition (`(a+)+`, `(x*y?)*`), which is never needed and would
/// multiply the program's size.
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
                if lastGroupRepeats { return "a repeated group contains a repetition (such as (a+)+); repeat it once" }
                if !groups.isEmpty { groups[groups.count - 1] = true }
            default: break
            }
            lastGroupRepeats = closedRepeatingGroup
            index += 1
        }
        return nil
    }
}

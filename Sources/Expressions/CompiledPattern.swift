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

/// Rejects what the automaton cannot run, with the clearest message: backreferences (`\1`). Nested repetitions
/// such as `([a-z0-9-]+\.)+go\.id` are fine: the automaton searches in time linear in the text whatever the
/// pattern, and a counted repetition that would make the program too large is refused when it is built.
enum PatternSafety {
    /// Why the pattern cannot run and the offset (in scalars) of the offending part, or nil when it is fine.
    static func problem(in pattern: String) -> (reason: String, offset: Int)? {
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        var inClass = false
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                if index + 1 < scalars.count, ("1"..."9").contains(scalars[index + 1]), !inClass {
                    return ("backreferences are not supported", index)
                }
                index += 1
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            default: break
            }
            index += 1
        }
        return nil
    }
}

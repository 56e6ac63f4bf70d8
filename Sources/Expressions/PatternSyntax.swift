/// The syntax tree of a `matches()` pattern: the regular-expression subset that compiles to an automaton.
///
/// Literals, `.`, classes (`[a-z]`, `[^…]`, `\d \w \s` and their negations), anchors (`^ $ \b \B`), groups
/// (`(…)`, `(?:…)`), case-insensitivity (`(?i)`, `(?-i)`, `(?i:…)`), alternation and repetition (`* + ? {n}
/// {n,} {n,m}`, lazy forms accepted). Backreferences and lookaround are not regular and are rejected.
indirect enum PatternNode: Sendable, Equatable {
    case empty
    case scalar(Unicode.Scalar, caseless: Bool)
    /// Any scalar but a line feed.
    case any
    case set(ScalarSet)
    case assertion(PatternAssertion)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// `max` nil: unbounded.
    case repetition(PatternNode, min: Int, max: Int?)
}

/// A zero-width test of the position.
enum PatternAssertion: Sendable, Equatable {
    /// `^`: the start of the text.
    case start
    /// `$`: the end of the text.
    case end
    /// `\b` (true) and `\B` (false): whether a word scalar is on exactly one side.
    case wordBoundary(Bool)
}

/// A character class.
struct ScalarSet: Sendable, Equatable {
    enum Item: Sendable, Equatable {
        case range(UInt32, UInt32)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
    }

    var items: [Item] = []
    var negated = false
    var caseless = false

    /// Not inlined, nor is `PatternCase.isWord`: inlined into the pattern search, their Unicode property lookups
    /// make every search set up stack storage for the properties' types, though most searches never call them.
    @inline(never) func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = Self.matches(items, scalar)
        if !found, caseless {
            found = PatternCase.variants(of: scalar).contains { Self.matches(items, $0) }
        }
        return found != negated
    }

    private static func matches(_ items: [Item], _ scalar: Unicode.Scalar) -> Bool {
        items.contains { item in
            switch item {
            case .range(let low, let high): low <= scalar.value && scalar.value <= high
            case .digit(let negated): PatternCase.isDigit(scalar) != negated
            case .word(let negated): PatternCase.isWord(scalar) != negated
            case .space(let negated): scalar.properties.isWhitespace != negated
            }
        }
    }
}

/// Case folding and the predefined classes, by Unicode scalar.
enum PatternCase {
    /// The scalar's lower- and upper-case forms that are single scalars.
    static func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping].compactMap { mapping in
            let scalars = mapping.unicodeScalars
            return scalars.count == 1 ? scalars.first : nil
        }
    }

    /// Whether two scalars are equal ignoring case.
    static func equalIgnoringCase(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        // The other cases of an ASCII scalar are ASCII: only A-Z and a-z have them, each other's.
        if a.isASCII, b.isASCII { return lowercasedASCII(a) == lowercasedASCII(b) }
        return a == b || variants(of: a).contains(b) || variants(of: b).contains(a)
    }

    private static func lowercasedASCII(_ scalar: Unicode.Scalar) -> UInt32 {
        ("A"..."Z").contains(scalar) ? scalar.value + 0x20 : scalar.value
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }

    /// Not inlined: see `ScalarSet.contains`.
    @inline(never) static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }
}

/// Why a pattern was rejected.
struct PatternError: Error, CustomStringConvertible {
    let description: String
}

/// Parses a `matches()` pattern into a `PatternNode` by recursive descent: alternation, then sequences of
/// repeated atoms. Nesting is bounded by the 200-character pattern limit.
struct PatternParser {
    /// The largest count allowed in `{n,m}`.
    static let maxCount = 1_000

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var caseless = false

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    /// The tree of `pattern`, or the first problem in it.
    static func parse(_ pattern: String) throws(PatternError) -> PatternNode {
        var parser = PatternParser(pattern)
        let node = try parser.alternation()
        if parser.index < parser.scalars.count { throw PatternError(description: "unmatched ')'") }
        return node
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func alternation() throws(PatternError) -> PatternNode {
        let saved = caseless
        defer { caseless = saved }  // `(?i)` lasts to the end of its group
        var branches = [try sequence()]
        while current == "|" {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(PatternError) -> PatternNode {
        var items: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let atom = try atom() else { continue }
            items.append(try quantified(atom))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// One atom; nil for a flag group such as `(?i)`, which only changes the flags.
    private mutating func atom() throws(PatternError) -> PatternNode? {
        guard let scalar = current else { throw PatternError(description: "unexpected end of pattern") }
        index += 1
        switch scalar {
        case "(": return try group()
        case "[": return .set(try set())
        case ".": return .any
        case "^": return .assertion(.start)
        case "$": return .assertion(.end)
        case "\\": return try escape(inSet: false)
        case "*", "+", "?", "{": throw PatternError(description: "nothing to repeat before '\(scalar)'")
        default: return .scalar(scalar, caseless: caseless)
        }
    }

    private mutating func group() throws(PatternError) -> PatternNode? {
        if current == "?" {
            index += 1
            switch current {
            case ":":
                index += 1
                return try closeGroup(try alternation())
            case "i", "-":
                return try flagGroup()
            case "=", "!", "<":
                throw PatternError(description: "lookaround and named groups are not supported")
            default:
                throw PatternError(description: "unsupported group '(?\(current.map(String.init) ?? "")'")
            }
        }
        return try closeGroup(try alternation())
    }

    private mutating func closeGroup(_ node: PatternNode) throws(PatternError) -> PatternNode {
        guard current == ")" else { throw PatternError(description: "expected ')'") }
        index += 1
        return node
    }

    /// `(?i)`, `(?-i)`, `(?i:…)`, `(?-i:…)`.
    private mutating func flagGroup() throws(PatternError) -> PatternNode? {
        var on = true
        if current == "-" {
            on = false
            index += 1
        }
        guard current == "i" else { throw PatternError(description: "only the flag 'i' is supported") }
        index += 1
        switch current {
        case ")":
            index += 1
            caseless = on
            return nil
        case ":":
            index += 1
            let saved = caseless
            caseless = on
            let node = try alternation()
            caseless = saved
            return try closeGroup(node)
        default:
            throw PatternError(description: "expected ')'")
        }
    }

    private mutating func quantified(_ atom: PatternNode) throws(PatternError) -> PatternNode {
        var node = atom
        while let scalar = current {
            let bounds: (Int, Int?)
            switch scalar {
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "?": bounds = (0, 1)
            case "{":
                guard let counted = try counts() else { return node }
                bounds = counted
            default: return node
            }
            if scalar != "{" { index += 1 }
            if case .assertion = node { throw PatternError(description: "an anchor cannot be repeated") }
            if case .repetition = node { throw PatternError(description: "a repetition cannot be repeated directly") }
            if current == "?" { index += 1 }  // lazy: the same language
            if current == "+" { throw PatternError(description: "possessive repetition is not supported") }
            node = .repetition(node, min: bounds.0, max: bounds.1)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}` after the `{`; nil (nothing consumed) when the brace is a literal.
    private mutating func counts() throws(PatternError) -> (Int, Int?)? {
        var probe = index + 1
        func number() -> Int? {
            var value: Int?
            while probe < scalars.count, let digit = Int(String(scalars[probe])), scalars[probe].isASCII {
                value = min((value ?? 0) * 10 + digit, Self.maxCount + 1)
                probe += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if probe < scalars.count, scalars[probe] == "," {
            probe += 1
            high = number()
        }
        guard probe < scalars.count, scalars[probe] == "}" else { return nil }
        index = probe + 1
        if low > Self.maxCount || (high ?? 0) > Self.maxCount {
            throw PatternError(description: "repetition counts go up to \(Self.maxCount)")
        }
        if let high, high < low { throw PatternError(description: "the repetition {\(low),\(high)} is empty") }
        return (low, high)
    }

    private mutating func set() throws(PatternError) -> ScalarSet {
        var result = ScalarSet(caseless: caseless)
        if current == "^" {
            result.negated = true
            index += 1
        }
        var first = true
        while true {
            guard let scalar = current else { throw PatternError(description: "expected ']'") }
            if scalar == "]" && !first { break }
            first = false
            index += 1
            var low: Unicode.Scalar = scalar
            if scalar == "\\" {
                switch try escape(inSet: true) {
                case .set(let inner):
                    result.items += inner.items
                    continue
                case .scalar(let escaped, _): low = escaped
                default: throw PatternError(description: "invalid escape in a class")
                }
            } else if scalar == "[" && current == ":" {
                throw PatternError(description: "POSIX classes such as [:alpha:] are not supported")
            }
            if current == "-", let next = peek(1), next != "]" {
                index += 1
                var high = next
                index += 1
                if next == "\\" {
                    guard case .scalar(let escaped, _) = try escape(inSet: true) else {
                        throw PatternError(description: "invalid range in a class")
                    }
                    high = escaped
                }
                guard low.value <= high.value else { throw PatternError(description: "invalid range \(low)-\(high)") }
                result.items.append(.range(low.value, high.value))
            } else {
                result.items.append(.range(low.value, low.value))
            }
        }
        index += 1
        return result
    }

    /// The escape after a `\`.
    private mutating func escape(inSet: Bool) throws(PatternError) -> PatternNode {
        guard let scalar = current else { throw PatternError(description: "the pattern ends with '\\'") }
        index += 1
        func set(_ item: ScalarSet.Item) -> PatternNode { .set(ScalarSet(items: [item], caseless: caseless)) }
        switch scalar {
        case "d": return set(.digit(negated: false))
        case "D": return set(.digit(negated: true))
        case "w": return set(.word(negated: false))
        case "W": return set(.word(negated: true))
        case "s": return set(.space(negated: false))
        case "S": return set(.space(negated: true))
        case "n": return .scalar("\n", caseless: false)
        case "t": return .scalar("\t", caseless: false)
        case "r": return .scalar("\r", caseless: false)
        case "b" where !inSet: return .assertion(.wordBoundary(true))
        case "B" where !inSet: return .assertion(.wordBoundary(false))
        case "1"..."9": throw PatternError(description: "backreferences are not supported")
        default:
            guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else {
                throw PatternError(description: "unsupported escape '\\\(scalar)'")
            }
            return .scalar(scalar, caseless: caseless)
        }
    }
}

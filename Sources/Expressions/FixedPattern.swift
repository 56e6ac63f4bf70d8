/// A pattern of one fixed shape, checked byte by byte without the automaton: `^`, then positions that each hold
/// one ASCII scalar (a literal, or a class holding only ASCII scalars), then `$`, as code formats are written
/// (`^[1-8][.][0-9]{2}[.][0-9]{2}$`). A text matches exactly when it has one byte per position, each an ASCII
/// scalar its position holds.
struct FixedPattern: Sendable {
    private let positions: [ASCIIBitmap]

    /// The fixed form of `program`; nil when it has another shape, or a position that may hold a scalar outside
    /// ASCII (a negated class, `\d`, anything case-insensitive: the Kelvin sign is a `k` ignoring case).
    init?(_ program: PatternProgram) {
        let instructions = program.instructions
        guard instructions.count >= 3, case .assertion(.start) = instructions[0],
            case .assertion(.end) = instructions[instructions.count - 2],
            case .match = instructions[instructions.count - 1]
        else { return nil }
        var positions: [ASCIIBitmap] = []
        for instruction in instructions[1..<instructions.count - 2] {
            switch instruction {
            case .scalar(let scalar, caseless: false) where scalar.isASCII:
                positions.append(ASCIIBitmap(ScalarSet(items: [.range(scalar.value, scalar.value)])))
            case .set(let set, let ascii) where Self.holdsOnlyASCII(set):
                positions.append(ascii)
            default:
                return nil
            }
        }
        self.positions = positions
    }

    /// Whether `text` matches.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == positions.count else { return false }
            for (byte, position) in zip(bytes, positions) where byte >= 0x80 || !position.contains(Unicode.Scalar(byte))
            {
                return false
            }
            return true
        }
    }

    private static func holdsOnlyASCII(_ set: ScalarSet) -> Bool {
        !set.negated && !set.caseless
            && set.items.allSatisfy { item in
                if case .range(_, let high) = item { return high < 0x80 }
                return false
            }
    }
}

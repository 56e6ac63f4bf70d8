/// A `matches()` pattern compiled to a Thompson automaton and searched by simulating every state at once, as
/// RE2 and Go's regexp do: time is linear in the text times the program's size, whatever the pattern, so no
/// pattern can backtrack catastrophically.
struct PatternProgram: Sendable {
    /// The most instructions a pattern may compile to, repetitions expanded.
    static let maxInstructions = 5_000

    enum Instruction: Sendable {
        case scalar(Unicode.Scalar, caseless: Bool)
        case any
        case set(ScalarSet)
        case assertion(PatternAssertion)
        /// Continue at both targets.
        case split(Int, Int)
        case jump(Int)
        case match
    }

    let instructions: [Instruction]

    /// Compiles `pattern`; throws its first problem.
    init(_ pattern: String) throws(PatternError) {
        var builder = Builder()
        try builder.emit(try PatternParser.parse(pattern))
        builder.instructions.append(.match)
        instructions = builder.instructions
    }

    /// Whether the pattern matches somewhere in `text`.
    func search(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        var current = StateSet(capacity: instructions.count)
        var next = StateSet(capacity: instructions.count)
        for position in 0...input.count {
            add(0, at: position, in: input, to: &current)  // a match may start anywhere
            if current.contains(instructions.count - 1) { return true }
            guard position < input.count else { break }
            let scalar = input[position]
            next.clear()
            for pc in current.members {
                let advances = switch instructions[pc] {
                case .scalar(let expected, let caseless): expected == scalar || (caseless && PatternCase.equalIgnoringCase(expected, scalar))
                case .any: scalar != "\n"
                case .set(let set): set.contains(scalar)
                default: false
                }
                if advances { add(pc + 1, at: position + 1, in: input, to: &next) }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds `pc` and every state reachable from it without reading a scalar (following splits, jumps and the
    /// assertions that hold at `position`).
    private func add(_ start: Int, at position: Int, in input: [Unicode.Scalar], to set: inout StateSet) {
        var stack = [start]
        while let pc = stack.popLast() {
            guard set.insert(pc) else { continue }
            switch instructions[pc] {
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .jump(let target):
                stack.append(target)
            case .assertion(let assertion):
                if holds(assertion, at: position, in: input) { stack.append(pc + 1) }
            default:
                break
            }
        }
    }

    private func holds(_ assertion: PatternAssertion, at position: Int, in input: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .start:
            return position == 0
        case .end:
            return position == input.count
        case .wordBoundary(let wanted):
            let before = position > 0 && PatternCase.isWord(input[position - 1])
            let after = position < input.count && PatternCase.isWord(input[position])
            return (before != after) == wanted
        }
    }

    /// Thompson's construction, one fragment per node, appended in order.
    private struct Builder {
        var instructions: [Instruction] = []

        mutating func emit(_ node: PatternNode) throws(PatternError) {
            guard instructions.count < PatternProgram.maxInstructions else {
                throw PatternError(description: "the pattern is too large once its repetitions are expanded")
            }
            switch node {
            case .empty: break
            case .scalar(let scalar, let caseless): instructions.append(.scalar(scalar, caseless: caseless))
            case .any: instructions.append(.any)
            case .set(let set): instructions.append(.set(set))
            case .assertion(let assertion): instructions.append(.assertion(assertion))
            case .sequence(let items): for item in items { try emit(item) }
            case .alternation(let branches): try emitAlternation(branches[...])
            case .repetition(let inner, let min, let max): try emitRepetition(inner, min: min, max: max)
            }
        }

        private mutating func emitAlternation(_ branches: ArraySlice<PatternNode>) throws(PatternError) {
            guard let first = branches.first else { return }
            guard branches.count > 1 else { return try emit(first) }
            let split = placeholder()
            try emit(first)
            let jump = placeholder()
            let second = instructions.count
            try emitAlternation(branches.dropFirst())
            instructions[split] = .split(split + 1, second)
            instructions[jump] = .jump(instructions.count)
        }

        private mutating func emitRepetition(_ inner: PatternNode, min: Int, max: Int?) throws(PatternError) {
            for _ in 0..<min { try emit(inner) }
            guard let max else {
                // x*: L1: split L2, L3; L2: x; jump L1; L3:
                let split = placeholder()
                try emit(inner)
                instructions.append(.jump(split))
                instructions[split] = .split(split + 1, instructions.count)
                return
            }
            // x{0,k}: k nested optional copies, each skipping to the end.
            var splits: [Int] = []
            for _ in min..<max {
                splits.append(placeholder())
                try emit(inner)
            }
            for split in splits { instructions[split] = .split(split + 1, instructions.count) }
        }

        private mutating func placeholder() -> Int {
            instructions.append(.match)
            return instructions.count - 1
        }
    }
}

/// A set of program counters with constant-time insert, membership and clear, in insertion order.
private struct StateSet {
    private var dense: [Int]
    private var sparse: [Int]
    private(set) var count = 0

    init(capacity: Int) {
        dense = [Int](repeating: 0, count: capacity)
        sparse = [Int](repeating: 0, count: capacity)
    }

    func contains(_ pc: Int) -> Bool {
        let slot = sparse[pc]
        return slot < count && dense[slot] == pc
    }

    /// Inserts `pc`; false when it was already there.
    mutating func insert(_ pc: Int) -> Bool {
        guard !contains(pc) else { return false }
        dense[count] = pc
        sparse[pc] = count
        count += 1
        return true
    }

    mutating func clear() { count = 0 }

    var members: ArraySlice<Int> { dense[0..<count] }
}

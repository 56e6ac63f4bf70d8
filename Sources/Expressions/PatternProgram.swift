/// A `matches()` pattern compiled to a Thompson automaton and searched by simulating every state at once, as
/// RE2 and Go's regexp do: time is linear in the text times the program's size, whatever the pattern, so no
/// pattern can backtrack catastrophically.
struct PatternProgram: Sendable {
    /// The most instructions a pattern may compile to, repetitions expanded.
    static let maxInstructions = 5_000

    enum Instruction: Sendable {
        case scalar(Unicode.Scalar, caseless: Bool)
        case any
        /// A class, with its answers for ASCII scalars worked out when compiled.
        case set(ScalarSet, ascii: ASCIIBitmap)
        case assertion(PatternAssertion)
        /// Continue at both targets.
        case split(Int, Int)
        case jump(Int)
        case match
    }

    let instructions: [Instruction]
    /// Whether a match can only start at the start of the text: every path from the first instruction meets `^`
    /// before it reads a scalar or matches. The search then ends as soon as no thread is left.
    let anchored: Bool

    /// Compiles `pattern`; throws its first problem.
    init(_ pattern: String) throws(PatternError) {
        var builder = Builder()
        try builder.emit(try PatternParser.parse(pattern))
        builder.instructions.append(.match)
        instructions = builder.instructions
        anchored = Self.startsAnchored(instructions)
    }

    private static func startsAnchored(_ instructions: [Instruction]) -> Bool {
        var seen = [Bool](repeating: false, count: instructions.count)
        var stack = [0]
        while let pc = stack.popLast() {
            guard !seen[pc] else { continue }
            seen[pc] = true
            switch instructions[pc] {
            case .assertion(.start): continue
            case .assertion: stack.append(pc + 1)  // other assertions may hold at any position
            case .split(let first, let second): stack += [first, second]
            case .jump(let target): stack.append(target)
            case .scalar, .any, .set, .match: return false
            }
        }
        return true
    }

    /// Whether the pattern matches somewhere in `text`.
    func search(_ text: String) -> Bool {
        let count = instructions.count
        // Two state sets of two arrays each, then the branches `add` leaves for later: at most one per split.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5 * count) { scratch in
            scratch.initialize(repeating: 0)
            var current = StateSet(UnsafeMutableBufferPointer(rebasing: scratch[0..<2 * count]))
            var next = StateSet(UnsafeMutableBufferPointer(rebasing: scratch[2 * count..<4 * count]))
            let branches = UnsafeMutableBufferPointer(rebasing: scratch[(4 * count)...])
            // The text is read one scalar ahead: a word boundary at a position looks at the scalars on both sides.
            var scalars = text.unicodeScalars.makeIterator()
            var scalar = scalars.next()
            add(0, between: nil, and: scalar, to: &current, branches: branches)
            while true {
                if current.contains(count - 1) { return true }
                guard let read = scalar else { return false }
                let following = scalars.next()
                next.clear()
                for pc in current.members where reads(instructions[Int(pc)], read) {
                    add(Int(pc) + 1, between: read, and: following, to: &next, branches: branches)
                }
                if !anchored { add(0, between: read, and: following, to: &next, branches: branches) }
                if next.isEmpty { return false }  // no thread left, and none can start
                swap(&current, &next)
                scalar = following
            }
        }
    }

    /// Whether `instruction` reads `scalar` and moves past it.
    private func reads(_ instruction: Instruction, _ scalar: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let expected, let caseless):
            expected == scalar || (caseless && PatternCase.equalIgnoringCase(expected, scalar))
        case .any: scalar != "\n"
        case .set(_, let ascii) where scalar.isASCII: ascii.contains(scalar)  // binds no class: none copied, retained
        case .set(let set, _): set.contains(scalar)
        default: false
        }
    }

    /// Adds `start` and every state reachable from it without reading a scalar: splits, jumps and the assertions
    /// that hold between the scalars `before` and `after` (nil at the start and the end of the text). A split's
    /// second branch waits in `branches` while the first is followed.
    private func add(
        _ start: Int, between before: Unicode.Scalar?, and after: Unicode.Scalar?, to set: inout StateSet,
        branches: UnsafeMutableBufferPointer<Int32>
    ) {
        var pending = 0
        var pc = start
        while true {
            if set.insert(pc) {
                switch instructions[pc] {
                case .split(let first, let second):
                    branches[pending] = Int32(second)
                    pending += 1
                    pc = first
                    continue
                case .jump(let target):
                    pc = target
                    continue
                case .assertion(let assertion) where holds(assertion, between: before, and: after):
                    pc += 1
                    continue
                default:
                    break
                }
            }
            guard pending > 0 else { return }
            pending -= 1
            pc = Int(branches[pending])
        }
    }

    private func holds(
        _ assertion: PatternAssertion, between before: Unicode.Scalar?, and after: Unicode.Scalar?
    ) -> Bool {
        switch assertion {
        case .start:
            return before == nil
        case .end:
            return after == nil
        case .wordBoundary(let wanted):
            let wordBefore = before.map(PatternCase.isWord) ?? false
            let wordAfter = after.map(PatternCase.isWord) ?? false
            return (wordBefore != wordAfter) == wanted
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
            case .set(let set): instructions.append(.set(set, ascii: ASCIIBitmap(set)))
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

/// A set of program counters with constant-time insert, membership and clear, in insertion order (a sparse
/// set), kept in storage the search lends it.
private struct StateSet {
    private let dense: UnsafeMutableBufferPointer<Int32>
    private let sparse: UnsafeMutableBufferPointer<Int32>
    private var count = 0

    /// An empty set of the counters below half the size of `storage`, which must be initialized.
    init(_ storage: UnsafeMutableBufferPointer<Int32>) {
        let half = storage.count / 2
        dense = UnsafeMutableBufferPointer(rebasing: storage[..<half])
        sparse = UnsafeMutableBufferPointer(rebasing: storage[half...])
    }

    func contains(_ pc: Int) -> Bool {
        let slot = Int(sparse[pc])
        return slot < count && dense[slot] == pc
    }

    /// Inserts `pc`; false when it was already there.
    mutating func insert(_ pc: Int) -> Bool {
        guard !contains(pc) else { return false }
        dense[count] = Int32(pc)
        sparse[pc] = Int32(count)
        count += 1
        return true
    }

    mutating func clear() { count = 0 }

    var isEmpty: Bool { count == 0 }

    /// The counters in the order they were inserted.
    var members: Slice<UnsafeMutableBufferPointer<Int32>> { dense[..<count] }
}

/// Which of the 128 ASCII scalars a class holds, one bit each: most texts are ASCII, and a bit answers at once
/// where `ScalarSet.contains` walks the class's items and looks up Unicode properties.
struct ASCIIBitmap: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ set: ScalarSet) {
        for value in UInt8(0)..<128 where set.contains(Unicode.Scalar(value)) {
            if value < 64 { low |= 1 << value } else { high |= 1 << (value - 64) }
        }
    }

    /// Whether the class holds `scalar`, which must be ASCII.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 64 ? low >> value : high >> (value - 64)) & 1 == 1
    }
}

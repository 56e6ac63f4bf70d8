/// An inventory's SARIF results as its part holds them: one after the other, each after the separator that stands
/// between two results in the log (a comma, and in an indented log the next line), with the end of each and its
/// rank for `--sarif-max-results`. A log that keeps every result copies the block whole.
struct SARIFResultBlock {
    /// The results and the separators between them.
    private(set) var bytes: [UInt8] = []
    /// Where each result ends in `bytes`.
    private(set) var ends: [Int] = []
    /// Each result's rank for the cut, most severe first (`SARIFReporter.rank`).
    private(set) var ranks: [UInt8] = []
    /// What stands between two results.
    let separator: [UInt8]

    /// An empty block whose results will be separated by `separator`.
    init(separator: [UInt8], capacity: Int = 1 << 16) {
        self.separator = separator
        bytes.reserveCapacity(capacity)
    }

    /// Adds a result of `rank`, written into the block by `write` after its separator (none before the first).
    mutating func add(rank: UInt8, _ write: (inout [UInt8]) -> Void) {
        if !ends.isEmpty { bytes += separator }
        write(&bytes)
        ends.append(bytes.count)
        ranks.append(rank)
    }

    /// Adds each of `results`, encoded as they stand in the log (indented when `pretty`).
    mutating func append(_ results: [SARIFLog.Result], pretty: Bool) {
        let (encoded, resultEnds) = SARIFLog.Result.encoded(
            results, indent: SARIFReporter.resultIndent, pretty: pretty)
        for (result, (start, end)) in zip(results, zip([0] + resultEnds, resultEnds)) {
            add(rank: SARIFReporter.rank(result)) { $0 += encoded[start..<end] }
        }
    }

    /// The part of an inventory at `source` holding these results: its source, the ranks, the ends (4 bytes each,
    /// little-endian) and the block, framed.
    func framed(source: String) -> [UInt8] {
        var endBytes: [UInt8] = []
        endBytes.reserveCapacity(ends.count * 4)
        for end in ends {
            let value = UInt32(end)
            endBytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        return FramedPart.frame([Array(source.utf8)[...], ranks[...], endBytes[...], bytes[...]])
    }

    /// A part's block read back: the fields `framed` wrote.
    struct Reading {
        /// Each result's rank.
        let ranks: ArraySlice<UInt8>
        /// The results with their separators.
        let block: ArraySlice<UInt8>
        private let ends: ArraySlice<UInt8>
        private let separatorCount: Int

        /// The fields of a framed part, its results separated by `separator`.
        init(fields: [ArraySlice<UInt8>], separator: [UInt8]) {
            ranks = fields[1]
            ends = fields[2]
            block = fields[3]
            separatorCount = separator.count
        }

        /// The `position`-th result, without its separator.
        func result(_ position: Int) -> ArraySlice<UInt8> {
            let start = position == 0 ? 0 : end(position - 1) + separatorCount
            return block[(block.startIndex + start)..<(block.startIndex + end(position))]
        }

        private func end(_ position: Int) -> Int {
            let at = ends.startIndex + 4 * position
            return Int(ends[at]) | Int(ends[at + 1]) << 8 | Int(ends[at + 2]) << 16 | Int(ends[at + 3]) << 24
        }
    }
}

import DataModel

/// Finds the buckets of a lookup (`LookupPlan`) that a record's value belongs to, without hashing the value with
/// `Hasher` for most values: every record of every inventory is sorted this way, once per looked-up field.
///
/// - Texts, when every looked-up text is ASCII: an ASCII value is found by its bytes in a small open-addressed
///   table. Byte equality is `String` equality between two ASCII texts, and an ASCII value can equal no other
///   text of the lookup; a value that is not ASCII may still equal an ASCII text (the Kelvin sign `\u{212A}` is
///   canonically `K`), so it is left to the dictionary.
/// - Whole numbers within a short range: a value is an index into an array.
/// - Anything else: `Dictionary`, which is `Value` equality itself.
struct BucketIndex: Sendable {
    /// The buckets of each looked-up value; what every other form stands in for.
    private let dictionary: [Value: [Int]]
    private let form: Form

    private enum Form: Sendable {
        case ascii(ASCIITable)
        case integers(lowest: Int, buckets: [[Int]])
        case dictionary
    }

    /// Integer ranges at most this wide are arrays.
    private static let widestIntegerRange = 1024

    /// An index of `bucketsOfValue`: the buckets each looked-up value belongs to.
    init(_ bucketsOfValue: [Value: [Int]]) {
        dictionary = bucketsOfValue
        form = Self.form(of: bucketsOfValue)
    }

    /// The buckets `value` belongs to (none when it is not looked up).
    func buckets(of value: Value) -> [Int] {
        switch (form, value) {
        case (.ascii(let table), .string(let text)):
            if let buckets = table.buckets(of: text) { return buckets }
        case (.ascii, _):
            // Only a text equals a text.
            return []
        case (.integers(let lowest, let buckets), .int(let integer)):
            let (offset, overflow) = integer.subtractingReportingOverflow(lowest)
            return !overflow && offset >= 0 && offset < buckets.count ? buckets[offset] : []
        case (.integers, _):
            return []
        case (.dictionary, _):
            break
        }
        return dictionary[value] ?? []
    }

    private static func form(of bucketsOfValue: [Value: [Int]]) -> Form {
        var texts: [(utf8: [UInt8], buckets: [Int])] = []
        var integers: [(value: Int, buckets: [Int])] = []
        for (value, buckets) in bucketsOfValue {
            switch value {
            case .string(let text) where text.utf8.allSatisfy({ $0 < 0x80 }): texts.append((Array(text.utf8), buckets))
            case .int(let integer): integers.append((integer, buckets))
            default: return .dictionary
            }
        }
        if integers.isEmpty, !texts.isEmpty { return .ascii(ASCIITable(texts)) }
        guard texts.isEmpty, let lowest = integers.map(\.value).min(), let highest = integers.map(\.value).max(),
            case (let width, false) = highest.subtractingReportingOverflow(lowest), width < widestIntegerRange
        else {
            return .dictionary
        }
        var buckets = [[Int]](repeating: [], count: width + 1)
        for (value, valueBuckets) in integers { buckets[value - lowest] = valueBuckets }
        return .integers(lowest: lowest, buckets: buckets)
    }
}

/// ASCII texts and their buckets in an open-addressed table, found by an FNV-1a hash of their bytes. The texts
/// sit end to end in one byte array, so a probe reads no array reference; a class, so the index hands out one
/// reference to its arrays rather than a copy of each.
private final class ASCIITable: Sendable {
    /// By slot: whether a text is in it, the text's hash, its range in `bytes`, its buckets.
    private let taken: [Bool]
    private let hashes: [UInt64]
    private let ranges: [Range<Int>]
    private let bucketLists: [[Int]]
    private let bytes: [UInt8]
    /// `slots - 1`, the slot count being a power of two at least twice the number of texts: probes stay short.
    private let mask: Int

    init(_ texts: [(utf8: [UInt8], buckets: [Int])]) {
        var capacity = 4
        while capacity < texts.count * 2 { capacity *= 2 }
        var hashes = [UInt64](repeating: 0, count: capacity)
        var ranges = [Range<Int>](repeating: 0..<0, count: capacity)
        var bucketLists = [[Int]](repeating: [], count: capacity)
        var bytes: [UInt8] = []
        var taken = [Bool](repeating: false, count: capacity)
        for text in texts {
            let hash = text.utf8.withUnsafeBufferPointer { Self.hash($0)! }
            var position = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while taken[position] { position = (position + 1) & (capacity - 1) }
            taken[position] = true
            hashes[position] = hash
            ranges[position] = bytes.count..<bytes.count + text.utf8.count
            bucketLists[position] = text.buckets
            bytes += text.utf8
        }
        (self.taken, self.hashes, self.ranges, self.bucketLists, self.bytes) = (
            taken, hashes, ranges, bucketLists, bytes
        )
        mask = capacity - 1
    }

    /// The buckets of `text` (none when it is not in the table); nil when `text` is not ASCII.
    func buckets(of text: String) -> [Int]? {
        var text = text
        guard let slot = text.withUTF8(slot(of:)) else { return nil }
        return slot < 0 ? [] : bucketLists[slot]
    }

    /// The slot of the text `utf8`, −1 when it is not in the table; nil when it is not ASCII.
    private func slot(of utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let hash = Self.hash(utf8) else { return nil }
        return bytes.withUnsafeBufferPointer { bytes in
            var position = Int(truncatingIfNeeded: hash) & mask
            while taken[position] {
                if hashes[position] == hash,
                    UnsafeBufferPointer(rebasing: bytes[ranges[position]]).hasSameBytes(as: utf8)
                {
                    return position
                }
                position = (position + 1) & mask
            }
            return -1
        }
    }

    /// FNV-1a of `bytes`; nil when one of them is not ASCII.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return high < 0x80 ? hash : nil
    }
}

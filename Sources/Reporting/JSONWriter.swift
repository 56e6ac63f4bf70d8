import DataModel

/// Writes JSON straight into UTF-8 bytes, member by member, in the order it is given: compact (no whitespace)
/// or indented by two spaces for people. The JSON report is written with it as it streams; nothing is built
/// first and encoded after.
struct JSONWriter {
    /// What has been written.
    private(set) var bytes: [UInt8] = []
    /// Indented, `"key": value`, one member or element a line.
    let pretty: Bool
    /// How many objects and arrays are open.
    private(set) var depth: Int
    /// Whether the container just opened has no member or element yet.
    private var empty = true
    /// Whether a key was written and its value is next.
    private var afterKey = false

    /// Whether a pretty key is followed by ` : ` (as `SortedJSONEncoder` and Foundation write it) instead of `: `.
    let spacedColon: Bool

    /// A writer whose output stands `depth` containers deep, in a container that already has members or
    /// elements when `continuing` (for a part of a larger document). With `inPlace`, the first value starts where
    /// the writer is, as after a key: the line and indent before it are the document's.
    init(
        pretty: Bool, depth: Int = 0, continuing: Bool = false, inPlace: Bool = false, spacedColon: Bool = false,
        capacity: Int = 1 << 14
    ) {
        self.pretty = pretty
        self.depth = depth
        self.spacedColon = spacedColon
        empty = !continuing
        afterKey = inPlace
        bytes.reserveCapacity(capacity)
    }

    /// Makes the next value start in place again, as the first did with `inPlace`: for values written one after
    /// the other into the same bytes, each to be taken apart (a SARIF part's results).
    mutating func nextInPlace() {
        empty = true
        afterKey = true
    }

    /// Takes what has been written, leaving the writer empty at the same depth.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key; its value is written next.
    ///
    /// Perf: a key is one of the report's own names, which need no escaping, so its bytes are copied as they are;
    /// escaping them was 9% of a SARIF run (perf, 100 OPDs of spbe-bench).
    mutating func key(_ name: StaticString) {
        assert(
            name.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C } },
            "a key that needs escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        endKey()
    }

    /// A member's key taken from data, escaped where JSON requires it; its value is written next.
    mutating func key(text name: String) {
        separate()
        write(string: name)
        endKey()
    }

    private mutating func endKey() {
        if pretty && spacedColon { bytes.append(0x20) }
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    mutating func string(_ text: String) {
        beforeValue()
        write(string: text)
    }

    /// A text, or null.
    mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    /// Bytes already UTF-8 (a finding's message), as a JSON string.
    mutating func string(utf8 text: [UInt8]) {
        beforeValue()
        text.withUnsafeBufferPointer { write(utf8: $0) }
    }

    /// A 64-bit hash as a string of 16 lowercase hexadecimal digits (a fingerprint).
    mutating func hex(_ value: UInt64) {
        beforeValue()
        bytes.append(UInt8(ascii: "\""))
        let end = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 16))
        bytes.withUnsafeMutableBufferPointer {
            FindingFingerprint.write(value, into: UnsafeMutableBufferPointer(rebasing: $0[end..<end + 16]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Perf: written in place (`append(decimal:)`); a `String` of each number was 2% of writing the JSON report
    /// (callgrind, 100 OPDs of spbe-bench).
    mutating func int(_ value: Int) {
        beforeValue()
        bytes.append(decimal: value)
    }

    mutating func int(_ value: Int?) {
        guard let value else { return null() }
        int(value)
    }

    /// A decimal rounded to four places (`0.03`, never `0.029999999999999916`); a whole number without a
    /// fraction; null when not finite.
    mutating func number(_ value: Double) {
        guard let rounded = Self.rounded(value) else { return null() }
        beforeValue()
        if rounded == rounded.rounded(), abs(rounded) < 9_007_199_254_740_992 {
            bytes.append(contentsOf: String(Int64(rounded)).utf8)
        } else {
            bytes.append(contentsOf: rounded.description.utf8)
        }
    }

    /// `value` as `number` writes it: rounded to four places; nil when not finite.
    static func rounded(_ value: Double) -> Double? {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded.isFinite ? rounded : nil
    }

    mutating func number(_ value: Double?) {
        guard let value else { return null() }
        number(value)
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        bool(value)
    }

    mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// An array of texts.
    mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    /// Members of the open object, which has members already, as a writer made at this depth and `continuing`
    /// wrote them (kept from an earlier document): appended as they are.
    mutating func members(_ written: [UInt8]) {
        assert(!empty && !afterKey, "members follow other members")
        bytes.append(contentsOf: written)
    }

    /// Closes an array that a writer of the document's beginning opened, and `elements` were written into by
    /// writers of their own: the writer goes on in the array's container.
    mutating func endArray(openedElsewhere elements: Int) {
        empty = elements == 0
        depth += 1
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        beforeValue()
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty && !empty { newline() }
        bytes.append(bracket)
        empty = false
    }

    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    /// The comma before a member or element that is not its container's first, and in pretty output its line.
    private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        if pretty && depth > 0 { newline() }
        empty = false
    }

    /// Perf: the indent is copied from a line of spaces; appending a repeated space was 3% of a SARIF run, whose
    /// results stand deep (perf, 1,000 OPDs of spbe-bench).
    private mutating func newline() {
        bytes.append(0x0A)
        var indent = 2 * depth
        while indent > 0 {
            let run = min(indent, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<run])
            indent -= run
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func write(string text: String) {
        var text = text
        text.withUTF8 { write(utf8: $0) }
    }

    private mutating func write(utf8 text: UnsafeBufferPointer<UInt8>) {
        bytes.append(jsonString: text)
    }
}

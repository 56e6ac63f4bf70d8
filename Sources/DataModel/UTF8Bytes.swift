import Diagnostics

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text`: in one copy from the string's own buffer, or, for a short string stored inline
    /// (which has no buffer to lend), from a copy of its bytes, never byte by byte through its UTF-8 view, the
    /// generic path `append(contentsOf: text.utf8)` takes for such strings.
    public mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            var inline = text
            inline.withUTF8 { append(contentsOf: $0) }
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends `number` in decimal without building a `String` of it: its digits are written last first into 20
    /// bytes on the stack (`Int.min` and its sign) and appended at once.
    public mutating func append(decimal number: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends `location` as `SourceLocation.description` writes it; a file's `file:line:column` without making a
    /// `String` of it.
    public mutating func append(location: SourceLocation) {
        guard location.sheet == nil else { return append(utf8: location.description) }
        append(utf8: location.file)
        append(UInt8(ascii: ":"))
        append(decimal: location.line)
        append(UInt8(ascii: ":"))
        append(decimal: location.column)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether these bytes are `other`'s, compared one by one: the generic `elementsEqual` walks two iterators
    /// and cost several times as much on the short names and codes the readers match.
    @inlinable
    public func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        for index in indices where self[index] != other[index] { return false }
        return true
    }
}

extension UnsafeRawBufferPointer {
    /// Where `needle` first starts in these bytes (nil when it does not, or is empty): a scan for its first byte,
    /// then a comparison, over the buffer itself rather than through generic collection slices.
    public func firstOffset(of needle: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var start = 0
        while start <= count - needle.count {
            guard let found = self[start...(count - needle.count)].firstIndex(of: first) else { return nil }
            if (1..<needle.count).allSatisfy({ self[found + $0] == needle[$0] }) { return found }
            start = found + 1
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// Where `needle` first starts in these bytes (`UnsafeRawBufferPointer.firstOffset(of:)`).
    public func firstOffset(of needle: [UInt8]) -> Int? {
        withUnsafeBytes { bytes in needle.withUnsafeBytes { bytes.firstOffset(of: $0) } }
    }
}

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

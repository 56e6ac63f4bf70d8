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

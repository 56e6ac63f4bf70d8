/// Pretty-printed JSON made compact: the frame of a compact SARIF log (its runs' tools and rules, encoded once a
/// run by `SortedJSONEncoder`, which only indents) loses the whitespace between its tokens.
enum JSONCompaction {
    /// `json` (a whole document or a piece of one that starts and ends outside its strings) without the spaces,
    /// tabs and line breaks between its tokens; the strings are kept as they are.
    static func compact(_ json: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        var (inString, escaped) = (false, false)
        for byte in json {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                out.append(byte)
            } else if byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D {
                out.append(byte)
            }
        }
        return out
    }
}

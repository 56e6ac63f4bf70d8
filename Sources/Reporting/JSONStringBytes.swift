extension [UInt8] {
    /// Appends `text` as a JSON string: quoted, escaped where JSON requires it (quote, backslash, control
    /// characters; `/` and non-ASCII as they are).
    ///
    /// Perf: the runs between escapes are copied whole; a byte at a time was a third of writing the JSON report
    /// (spbe-bench --format json, callgrind).
    mutating func append(jsonString text: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var start = 0
        for index in text.indices {
            let byte = text[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            appendEscape(byte)
            start = index + 1
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        append(UInt8(ascii: "\""))
    }

    /// Appends `text` as a JSON string (see `append(jsonString:)` for bytes).
    mutating func append(jsonString text: String) {
        var text = text
        text.withUTF8 { append(jsonString: $0) }
    }

    /// Appends UTF-8 `text` as a JSON string (see `append(jsonString:)` for bytes).
    mutating func append(jsonString text: [UInt8]) {
        text.withUnsafeBufferPointer { append(jsonString: $0) }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        append(0x5C)
        switch byte {
        case 0x22, 0x5C: append(byte)
        case 0x0A: append(0x6E)
        case 0x0D: append(0x72)
        case 0x09: append(0x74)
        default:
            append(contentsOf: [0x75, 0x30, 0x30])
            for digit in [byte >> 4, byte & 0xF] { append(digit < 10 ? 0x30 + digit : 0x57 + digit) }
        }
    }
}

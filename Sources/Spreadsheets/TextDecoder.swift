import Diagnostics

/// Turns the bytes of a text file from a spreadsheet program into a string, by `TextEncodingChoice`.
enum TextDecoder {
    /// The text, or the diagnostic that says why the bytes are not text in the chosen encoding. A UTF-8 byte
    /// order mark is dropped; a UTF-16 one (little or big endian, as Excel's "Unicode text" starts) decides the
    /// encoding whatever was chosen; other files with NUL bytes are refused.
    static func decode(_ input: [UInt8], path: String, encoding: TextEncodingChoice) -> Result<String, SheetFailure> {
        var bytes = input[...]
        let start = SourceLocation(file: path, line: 1, column: 1)
        if let littleEndian = bytes.starts(with: [0xFF, 0xFE]) ? true : bytes.starts(with: [0xFE, 0xFF]) ? false : nil {
            guard let text = utf16(bytes.dropFirst(2), littleEndian: littleEndian) else {
                return .failure(
                    SheetFailure(.sheetEncoding("'\(path)' starts as UTF-16 text but is not valid UTF-16", at: start)))
            }
            if text.unicodeScalars.contains("\0") { return .failure(SheetFailure(.sheetBinary(path))) }
            return .success(text)
        }
        let hadByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadByteOrderMark { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) { return .failure(SheetFailure(.sheetBinary(path))) }
        switch encoding {
        case .windows1252:
            return .success(Windows1252.decode(bytes))
        case .utf8, .auto:
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            if encoding == .auto && !hadByteOrderMark { return .success(Windows1252.decode(bytes)) }
            return .failure(
                SheetFailure(
                    .sheetEncoding("the file is not valid UTF-8 text", at: firstInvalidByte(in: bytes, path: path))))
        }
    }

    /// UTF-16 code units from byte pairs in the given order; nil for an odd byte count or an unpaired surrogate.
    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var text = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.append(scalar)
            case .emptyInput: return String(text)
            case .error: return nil
            }
        }
    }

    /// The line and column (in Unicode scalars) of the first byte that is not valid UTF-8.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return SourceLocation(file: path, line: line, column: column)
            }
        }
    }
}

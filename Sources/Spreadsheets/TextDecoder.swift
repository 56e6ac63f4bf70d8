import Diagnostics

/// Turns the bytes of a text file from a spreadsheet program into a string, by `TextEncodingChoice`.
enum TextDecoder {
    /// The text, or the diagnostic that says why the bytes are not text in the chosen encoding. A UTF-8 byte
    /// order mark is dropped; UTF-16 files and files with NUL bytes are refused.
    static func decode(_ input: [UInt8], path: String, encoding: TextEncodingChoice) -> Result<String, SheetFailure> {
        var bytes = input[...]
        let start = SourceLocation(file: path, line: 1, column: 1)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(SheetFailure(.sheetEncoding("'\(path)' is UTF-16 text, which spbe does not read", at: start)))
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
            return .failure(SheetFailure(.sheetEncoding("the file is not valid UTF-8 text", at: firstInvalidByte(in: bytes, path: path))))
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
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return SourceLocation(file: path, line: line, column: column)
            }
        }
    }
}

import Diagnostics

/// Reads a YAML or JSON file within `YAMLLimits`: size, binary content and UTF-8 are checked before parsing,
/// then the text is composed into position-keeping nodes.
public enum YAMLReader {
    /// Reads and composes the file at `path`. JSON files (`.json`) are read as the YAML they are a subset of,
    /// with tab indentation allowed.
    public static func read(path: String, limits: YAMLLimits = .default) -> YAMLReadResult {
        let bytes: [UInt8]
        switch BoundedFileReader.read(path: path, limit: limits.maxFileBytes) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let read): bytes = read
        }
        return parse(bytes: bytes, path: path, limits: limits)
    }

    /// Composes `bytes` as the content of the file `path` (which is only used in positions).
    public static func parse(bytes input: [UInt8], path: String, limits: YAMLLimits = .default) -> YAMLReadResult {
        switch prepare(bytes: input, path: path, limits: limits) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let prepared): return compose(prepared, limits: limits)
        }
    }

    /// Checks `bytes` as the content of the file `path` before any parsing: the byte order mark dropped, size,
    /// binary content and UTF-8 checked, JSON tabs made spaces.
    public static func prepare(bytes input: [UInt8], path: String, limits: YAMLLimits = .default) -> YAMLInput.Outcome {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.count > limits.maxFileBytes {
            return .failure(.fileTooLarge(path, bytes: bytes.count, limit: limits.maxFileBytes))
        }
        if bytes.contains(0) { return .failure(.binaryFile(path)) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.invalidUTF8(at: firstInvalidUTF8(in: bytes, path: path)))
        }
        if path.lowercased().hasSuffix(".json") {
            // JSON allows tabs between tokens and never inside strings, where YAML rejects them as indentation.
            for index in bytes.indices where bytes[index] == 0x09 { bytes[index] = 0x20 }
        }
        return .success(YAMLInput(path: path, bytes: bytes, text: text))
    }

    /// Composes a prepared input into position-keeping nodes.
    public static func compose(_ input: YAMLInput, limits: YAMLLimits = .default) -> YAMLReadResult {
        let source = YAMLSourceText(path: input.path, text: input.text)
        var composer = YAMLComposer(path: input.path, limits: limits, source: source)
        switch composer.compose(input.bytes) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let root): return .success(YAMLDocument(path: input.path, text: input.text, root: root))
        }
    }

    /// The line and column (in Unicode scalars) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8(in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in bytes.indices where bytes[index] == 0x0A || index == bytes.count - 1 {
            let end = bytes[index] == 0x0A ? index : index + 1
            let slice = bytes[lineStart..<end]
            if String(validating: slice, as: UTF8.self) == nil {
                var iterator = slice.makeIterator()
                var decoder = UTF8()
                var column = 1
                while case .scalarValue = decoder.decode(&iterator) { column += 1 }
                return SourceLocation(file: path, line: line, column: column)
            }
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(file: path, line: line, column: 1)
    }
}

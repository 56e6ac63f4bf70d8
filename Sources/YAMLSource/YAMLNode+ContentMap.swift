import Diagnostics

extension YAMLNode {
    /// Where each part of a scalar's text is in the file, so an expression written in the scalar reports errors
    /// at their real line and column; nil for sequences and mappings.
    ///
    /// Each source line of the scalar is found again in the scalar's text (after folding and indentation are
    /// removed) and anchored there. A line that cannot be found (one rewritten by escapes) gets no anchor and
    /// is mapped from the one before it.
    public var contentMap: SourceMap? {
        guard case .scalar(let scalar) = content else { return nil }
        let start = contentStart(scalar.style)
        // On one line, the anchor found below would be the scalar's start: no need to look for it.
        guard let source, scalar.end.line > start.line else { return SourceMap.starting(at: start) }
        let text = Array(scalar.text.unicodeScalars)
        var anchors: [SourceMap.Anchor] = []
        var cursor = 0
        let lastLine = max(start.line, scalar.end.line)
        for fileLine in start.line...lastLine {
            guard let line = source.line(fileLine) else { break }
            let scalars = Array(line.unicodeScalars)
            var column = fileLine == start.line ? start.column - 1 : 0
            while column < scalars.count, scalars[column] == " " || scalars[column] == "\t" { column += 1 }
            guard column < scalars.count else { continue }
            let probe = Array(scalars[column..<min(scalars.count, column + 12)])
            guard let found = Self.find(probe, in: text, from: cursor) else { continue }
            let (textLine, textColumn) = Self.position(of: found, in: text)
            anchors.append(
                SourceMap.Anchor(
                    textLine: textLine, textColumn: textColumn,
                    file: SourceMap.Segment(line: fileLine, column: column + 1)
                ))
            cursor = found + 1
        }
        if anchors.isEmpty { return SourceMap.starting(at: start) }
        return SourceMap(file: start.file, anchors: anchors)
    }

    /// Where the content begins: after the opening quote, or on the line after a block scalar's `|` or `>`.
    private func contentStart(_ style: ScalarStyle) -> SourceLocation {
        switch style {
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: location.file, line: location.line, column: location.column + 1)
        case .literal, .folded:
            return SourceLocation(file: location.file, line: location.line + 1, column: 1)
        case .plain:
            return location
        }
    }

    /// The first index at or after `start` where `probe` occurs in `text`, trying shorter prefixes of the probe
    /// when a longer one runs into a trailing quote or comment.
    private static func find(_ probe: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int) -> Int? {
        var length = probe.count
        while length > 0 {
            let needle = probe[0..<length]
            if start + length <= text.count {
                for index in start...(text.count - length) where text[index..<(index + length)] == needle {
                    return index
                }
            }
            length /= 2
        }
        return nil
    }

    /// The 0-based line and column of `offset` in `text`.
    private static func position(of offset: Int, in text: [Unicode.Scalar]) -> (Int, Int) {
        var line = 0
        var lineStart = 0
        for index in 0..<offset where text[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart)
    }
}

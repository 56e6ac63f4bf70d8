/// Text made safe to print to a terminal: whatever an inventory, a pack or a file name holds, printing it cannot
/// move the cursor, clear the screen, set the window title, write the clipboard or reorder the line.
///
/// Every control character except line feed and tab is written as a visible escape: C0 controls and DEL as
/// `\x1B`, C1 controls (U+0080 to U+009F, which some terminals obey as escape sequences) and the bidirectional
/// overrides and isolates (U+202A to U+202E, U+2066 to U+2069) as `\u{202E}`. Colour and style sequences
/// (`ESC [ digits ; digits m`, select graphic rendition) are kept, so spbe's own colours still show; they can
/// only change how text looks.
public enum TerminalText {
    /// `text` with its control characters escaped; `text` itself when it has none (the common case costs a scan).
    public static func escaped(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = graphicRenditionEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = scalars.index(after: end)
                continue
            }
            if needsEscape(scalar) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
            index = scalars.index(after: index)
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
    }

    /// The index of the `m` ending a select-graphic-rendition sequence that starts at `start` (an ESC), or nil.
    private static func graphicRenditionEnd(
        _ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index
    ) -> String.UnicodeScalarView.Index? {
        var index = scalars.index(after: start)
        guard index < scalars.endIndex, scalars[index] == "[" else { return nil }
        index = scalars.index(after: index)
        var length = 0
        while index < scalars.endIndex, length < 32 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index = scalars.index(after: index)
            length += 1
        }
        return nil
    }
}

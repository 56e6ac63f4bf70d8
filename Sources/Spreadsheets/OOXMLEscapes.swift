/// The `_xHHHH_` escapes of Office Open XML strings (ECMA-376 §22.9.2.19): characters XML 1.0 cannot hold, such
/// as a carriage return (`_x000D_`), written as their code in hexadecimal; `_x005F_` escapes a literal `_`.
enum OOXMLEscapes {
    /// `text` with every escape replaced by its character.
    static func decode(_ text: String) -> String {
        guard holdsEscapeStart(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Whether `text` holds `_x`, which every escape starts with (a byte scan: most cells hold none).
    private static func holdsEscapeStart(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "_"), byte == UInt8(ascii: "x") { return true }
            previous = byte
        }
        return false
    }

    /// `text` ready for a workbook: control characters other than tab and line feed escaped, and the `_` of any
    /// text that would read as an escape escaped itself, so `decode` gives `text` back.
    static func encode(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0xFFFE
                || scalar.value == 0xFFFF
            {
                result += hex(scalar.value)
            } else if scalar == "_", looksLikeEscape(scalars, at: index) {
                result += hex(0x5F)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: 4 - digits.count) + digits + "_"
    }
}

import Foundation

/// How indexes are shown to people: two decimals, computed from the full-precision value.
enum IndexFormatting {
    /// `3.12` for 3.1249…; rounding half away from zero on the third decimal.
    static func twoDecimals(_ value: Double) -> String {
        String(format: "%.2f", (value * 100).rounded() / 100)
    }

    /// An index gain with three decimals (one level of a light indicator moves the index by about 0.013).
    static func gain(_ value: Double) -> String {
        String(format: "%.3f", (value * 1000).rounded() / 1000)
    }

    /// A weight as written in the pack: `2.5`, `13`, `1.3`.
    static func weight(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

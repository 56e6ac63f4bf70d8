import DataModel
import Engine
import Foundation
import Packs

/// How indexes are shown to people: two decimals, computed from the full-precision value.
enum IndexFormatting {
    /// `3.12` for 3.1249…, `2.60` for 2.595: the one rounding predicates are decided on (`IndexRounding`).
    static func twoDecimals(_ value: Double) -> String {
        // Beyond any index a pack can produce, the plain rounding writes every digit.
        value.magnitude < 1e9 ? IndexRounding.text(value) : fixed(value, decimals: 2)
    }

    /// `≥ 2.6`, or `> 1.5` for a band whose edge belongs to the band below.
    static func edge(of plan: PredicatePlan) -> String {
        (plan.inclusive ? "≥ " : "> ") + Value.format(plan.minimum)
    }

    /// An index gain with three decimals (one level of a light indicator moves the index by about 0.013).
    static func gain(_ value: Double) -> String {
        fixed(value, decimals: 3)
    }

    /// `value` rounded half away from zero to `decimals` (0 to 4) places and written with exactly that many, as
    /// `String(format: "%.Nf")` writes the rounded value (a minus sign for negative values and negative zero), but
    /// with integer arithmetic: a report writes several per inventory, and `String(format:)` goes through C varargs
    /// and dynamic casts each time.
    static func fixed(_ value: Double, decimals: Int) -> String {
        precondition((0...4).contains(decimals), "indexes are written with up to four decimals")
        let scale = [1, 10, 100, 1000, 10000][decimals]
        let scaled = (value.magnitude * Double(scale)).rounded()
        guard value.isFinite, scaled < 1e15 else {
            return String(format: "%.\(decimals)f", (value * Double(scale)).rounded() / Double(scale))
        }
        let units = Int(scaled)
        var text = value.sign == .minus ? "-" : ""
        text += String(units / scale)
        guard decimals > 0 else { return text }
        let fraction = String(units % scale)
        return text + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A weight as written in the pack: `2.5`, `13`, `1.3`.
    static func weight(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// The one rounding of an index that every report shows and every predicate is decided on: half up to two
/// decimals, as results are published.
///
/// The index is a weighted sum in binary floating point, so a value that is exactly 2.595 on paper may be stored
/// as 2.59499999999999997; it is first rounded to eight decimals, which removes that noise and nothing a pack's
/// weights (at most four decimals) can produce, then half up to two. Domain and aspect indexes are never rounded
/// before the index is computed from them: only what is shown is.
public enum IndexRounding {
    /// How near an edge between two bands a full-precision index must be (inclusive) to be called borderline.
    public static let borderlineDistance = 0.005 + 1e-9

    /// The index as shown, in hundredths: 260 for 2.595, 259 for 2.5949 (clamped to ±10⁹, NaN as 0).
    public static func hundredths(_ value: Double) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? Int.max : Int.min) }
        let clamped = min(max(value, -1e9), 1e9)
        let snapped = (clamped * 1e8).rounded() / 1e6
        return Int(snapped.rounded(.toNearestOrAwayFromZero))
    }

    /// The index as shown: `2.60` for 2.595. Values that are no index (not finite, or beyond ±10⁹) are written as
    /// Swift writes them.
    public static func text(_ value: Double) -> String {
        guard value.isFinite, value.magnitude < 1e9 else { return "\(value)" }
        let hundredths = hundredths(value)
        let sign = hundredths < 0 ? "-" : ""
        let digits = String(hundredths.magnitude % 100)
        return sign + String(hundredths.magnitude / 100) + "." + (digits.count == 1 ? "0" : "") + digits
    }
}

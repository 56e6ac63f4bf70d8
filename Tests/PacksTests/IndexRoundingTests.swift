import Packs
import Testing

/// The one rounding every report shows and every predicate is decided on.
@Suite("index rounding and predicate bands")
struct IndexRoundingTests {
    @Test(
        "half up to two decimals, after removing binary noise",
        arguments: [
            (2.595, "2.60"), (2.5949, "2.59"), (1.795, "1.80"), (3.495, "3.50"), (4.195, "4.20"), (1.0, "1.00"),
            (0.0, "0.00"), (2.594999, "2.59"), (2.594999999999, "2.60"), (4.999, "5.00"), (0.005, "0.01"),
        ])
    func rounding(_ value: Double, _ shown: String) {
        #expect(IndexRounding.text(value) == shown)
        #expect(IndexRounding.hundredths(value) == Int(shown.replacingOccurrences(of: ".", with: "")))
    }

    @Test("a sum that is 2.595 on paper rounds as 2.595")
    func noisySum() {
        let sum = (0.5 * 5 + 0.095 * 1)  // 2.5949999999999998
        #expect(IndexRounding.text(sum) == "2.60")
    }

    @Test("`min` includes the edge, `above` puts it in the band below, on the value shown")
    func edges() {
        let lower = Predicate(name: "Baik", minimum: 2.6)
        #expect(lower.admits(hundredths: 260) && !lower.admits(hundredths: 259))
        #expect(abs(lower.lowestIndex - 2.595) < 1e-12)
        let upper = Predicate(name: "Cukup", minimum: 1.5, inclusive: false)
        #expect(upper.admits(hundredths: 151) && !upper.admits(hundredths: 150))
        #expect(abs(upper.lowestIndex - 1.505) < 1e-12)
    }
}

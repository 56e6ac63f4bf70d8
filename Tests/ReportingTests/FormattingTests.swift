import Foundation
import Testing

@testable import Reporting

@Suite("numbers as reports write them")
struct FormattingTests {
    /// Index-like values, gains, halves on the rounding digit, negatives and zeros of both signs.
    private static let values: [Double] =
        [
            0, -0.0, 1, 3.1249, 3.125, 3.135, 2.675, 4.999, 4.9951, 0.0126, 0.0125, 0.0005, -0.004, -0.005, -1.2345,
            12.5, 100, 0.1 + 0.2, 1e-9, 123_456.789,
        ] + (0...500).map { Double($0) * 0.0117 }

    @Test("fixed decimals are what String(format:) writes for the rounded value")
    func fixedDecimals() {
        for decimals in 0...3 {
            let scale = [1.0, 10, 100, 1000][decimals]
            for value in Self.values {
                let expected = String(format: "%.\(decimals)f", (value * scale).rounded() / scale)
                #expect(
                    IndexFormatting.fixed(value, decimals: decimals) == expected, "\(value) to \(decimals) decimals")
            }
        }
    }

    @Test("values out of the integer range, and not finite, are still written")
    func outOfRange() {
        #expect(IndexFormatting.twoDecimals(1e20) == String(format: "%.2f", 1e20))
        #expect(IndexFormatting.twoDecimals(.infinity) == String(format: "%.2f", Double.infinity))
        #expect(IndexFormatting.gain(-.infinity) == String(format: "%.3f", -Double.infinity))
    }

    @Test(
        "numbers are written digit by digit into the text buffer",
        arguments: [
            0, 7, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min,
        ])
    func bufferNumbers(_ number: Int) {
        var buffer = TextBuffer(capacity: 0)
        buffer.write(number)
        #expect(buffer.utf8 == Array(String(number).utf8))
    }
}

@Suite("radar chart")
struct RadarChartTests {
    @Test("axis values are written as the report writes an index, halves rounded away from zero")
    func labelsRoundLikeTheIndex() {
        let svg = RadarChart(axes: [("D1", "Kebijakan", 3.125), ("D2", "Tata Kelola", 2.675), ("D3", "Manajemen", 0)])
            .svg(label: "Radar")
        #expect(svg.contains(">D1 \(IndexFormatting.twoDecimals(3.125))</text>"))
        #expect(svg.contains(">D1 3.13</text>"))
        #expect(svg.contains(">D2 \(IndexFormatting.twoDecimals(2.675))</text>"))
        #expect(svg.contains(">D3 0.00</text>"))
    }
}

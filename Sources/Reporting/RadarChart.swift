import Foundation

/// A radar (spider) chart of values 0–5 on three or more axes, drawn as inline SVG: rings for levels 1–5, an
/// axis per value, the values as a filled polygon, and the labels around.
struct RadarChart {
    /// Short axis labels (ids), full names for the tooltip, and values (0–5), clockwise from the top.
    let axes: [(label: String, name: String, value: Double)]
    /// Width and height of the square drawing, in CSS pixels.
    var size = 360.0

    /// The chart as SVG, named `label` for assistive technology (its `<title>` and `aria-label`).
    func svg(label: String) -> String {
        guard axes.count >= 3 else { return "" }
        let center = size / 2
        let radius = size / 2 - 80
        func point(_ axis: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(axes.count)
            return (center + cos(angle) * radius * value / 5, center + sin(angle) * radius * value / 5)
        }
        func polygon(_ values: [Double]) -> String {
            values.enumerated().map { axis, value in
                let (x, y) = point(axis, value)
                return "\(format(x)),\(format(y))"
            }.joined(separator: " ")
        }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" viewBox=\"0 0 \(format(size)) \(format(size))\" width=\"\(format(size))\" height=\"\(format(size))\" role=\"img\" aria-label=\"\(XMLText.escape(label))\">",
            "<title>\(XMLText.escape(label))</title>",
            Self.grids.grid(axes: axes.count, size: size) {
                var grid = (1...5).map { level in
                    "<polygon points=\"\(polygon(Array(repeating: Double(level), count: axes.count)))\" fill=\"none\" stroke=\"#c9ced9\" stroke-width=\"1\"/>"
                }
                for axis in axes.indices {
                    let (x, y) = point(axis, 5)
                    grid.append(
                        "<line x1=\"\(format(center))\" y1=\"\(format(center))\" x2=\"\(format(x))\" y2=\"\(format(y))\" stroke=\"#c9ced9\" stroke-width=\"1\"/>"
                    )
                }
                return grid.joined(separator: "\n")
            },
        ]
        parts.append(
            "<polygon points=\"\(polygon(axes.map { min(max($0.value, 0), 5) }))\" fill=\"rgba(181,18,27,0.25)\" stroke=\"#b5121b\" stroke-width=\"2\"/>"
        )
        for (axis, entry) in axes.enumerated() {
            let (x, y) = point(axis, 5.6)
            let anchor = abs(x - center) < 1 ? "middle" : (x < center ? "end" : "start")
            parts.append(
                "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\" dominant-baseline=\"middle\" font-size=\"12\">"
                    + "<title>\(XMLText.escape(entry.name))</title>" + XMLText.escape(entry.label)
                    + " \(IndexFormatting.twoDecimals(entry.value))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The rings and axes of each shape of chart (a pack's number of aspects), the same in every chart of that
    /// many axes and that size: drawn once. Perf: they are most of a chart's coordinates, and the chart was 3% of the HTML report (spbe-bench,
    /// 1,000 OPDs, one worker).
    private static let grids = Grids()

    private final class Grids: @unchecked Sendable {
        // @unchecked: `drawn` is read and written under `lock` only.
        private struct Shape: Hashable {
            let axes: Int
            let size: Double
        }

        private let lock = NSLock()
        private var drawn: [Shape: String] = [:]

        func grid(axes: Int, size: Double, draw: () -> String) -> String {
            let shape = Shape(axes: axes, size: size)
            if let grid = lock.withLock({ drawn[shape] }) { return grid }
            let grid = draw()
            lock.withLock { drawn[shape] = grid }
            return grid
        }
    }

    /// One decimal. Perf: `String(format:)`, through C varargs, was 7% of the HTML report (callgrind, 100 OPDs
    /// of spbe-bench), for about 40 coordinates a chart.
    private func format(_ value: Double) -> String { IndexFormatting.fixed(value, decimals: 1) }
}

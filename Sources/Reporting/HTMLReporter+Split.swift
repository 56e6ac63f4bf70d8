import Engine

/// The HTML report as a folder (`--split`): `index.html` with the pemdas' summaries, heatmaps with their legend,
/// cross-OPD findings and an overview linking every inventory's page, and `opd-N.html` for the N-th inventory (in
/// input order, from 1), which links back to the index. Links are relative, so the folder can be moved or served
/// as it is; each page is a whole document with the same style, landmarks and print rules as the single page.
extension HTMLReporter {
    /// The name of the `position`-th inventory's page (0-based).
    public static func pageName(position: Int) -> String { "opd-\(position + 1).html" }

    /// The folder's pages, written one by one to `file` (name, bytes): the index first, then each inventory's.
    public func assembleSplit(_ report: Report, parts: any HeldParts, file: (String, [UInt8]) -> Void) {
        let words = ReportWords(language: report.language)
        let subject =
            report.regencies.count == 1 ? e(report.regencies[0].name) : e("\(parts.count) \(words.inventories)")
        var index = head(report, subject: subject) + begin(report) + regencies(report, count: parts.count)
        index += Array(
            "\n<section class=\"overview\"><h2>\(e(words.summaryTitle))</h2><table><thead><tr><th>OPD</th><th>\(e(words.estimatedIndex))</th><th>\(e(words.findings))</th></tr></thead><tbody>"
                .utf8)
        for position in 0..<parts.count {
            let fields = FramedPart.fields(of: parts.part(position))
            index += Array("\n<tr><td><a href=\"\(Self.pageName(position: position))\">".utf8) + fields[0] + fields[1]
        }
        index += Array("\n</tbody></table></section>".utf8) + end(report, count: parts.count)
        file("index.html", index)
        for position in 0..<parts.count {
            let fields = FramedPart.fields(of: parts.part(position))
            let page =
                head(report, subject: String(decoding: fields[0], as: UTF8.self)) + begin(report)
                + Array(
                    "\n<nav class=\"back\"><a href=\"index.html\">← \(e(words.summaryTitle))</a></nav>\n<section class=\"inventory\" id=\"opd-\(position + 1)\">\n"
                        .utf8) + fields[2] + end(report, count: parts.count)
            file(Self.pageName(position: position), page)
        }
    }
}

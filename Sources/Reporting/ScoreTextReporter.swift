import Engine

/// Renders a score breakdown for a terminal: index and predicate, then domains, aspects and indicators.
public struct ScoreTextReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The breakdown as text, ending with a newline.
    public func render(_ report: ScoreReport) -> String {
        let words = ReportWords(language: report.language)
        let metadata = report.pack.pack.metadata
        var out = ["\(metadata.id) \(metadata.version) · \(metadata.framework)"]
        if metadata.provisional { out.append("! " + words.provisional) }
        if let index = report.score.index {
            let predicate = report.score.predicate.map { " \($0)" } ?? ""
            out.append("\(words.estimatedIndex): \(IndexFormatting.twoDecimals(index))\(predicate)  (\(report.label))")
            if let edge = report.score.borderlineEdge { out.append("! " + words.borderline(index: index, edge: edge)) }
        } else {
            out.append(words.noOfficialIndex)
        }
        if let before = report.scoreBefore {
            let changes = report.assumptions.map {
                "\(report.pack.indicators[$0.indicator].spec.id) \($0.from)→\($0.to)"
            }
            var line = "\(words.assuming) \(changes.joined(separator: ", ")); \(words.before): "
            if let old = before.index {
                line += IndexFormatting.twoDecimals(old) + (before.predicate.map { " \($0)" } ?? "")
                if let new = report.score.index { line += " (" + signed(new - old) + ")" }
            } else {
                line += "-"
            }
            out.append(line)
        }
        if !report.missing.isEmpty {
            out.append(words.missingLevels + ": " + report.missing.joined(separator: ", "))
        }
        let pack = report.pack
        for (domainIndex, domain) in pack.framework.domains.enumerated() {
            out.append("")
            out.append(
                "\(domain.id) \(domain.name)  \(words.weight) \(format(domain.weight))  \(indexText(report.score.domains[domainIndex].index))"
            )
            for aspect in domain.aspects {
                let aspectIndex = pack.aspects.firstIndex { $0.id == aspect.id }!
                out.append(
                    "  \(aspect.id) \(aspect.name)  \(words.weight) \(format(aspect.weight))  \(indexText(report.score.aspects[aspectIndex].index))"
                )
                for indicator in pack.indicators where indicator.aspectIndex == aspectIndex {
                    out.append(contentsOf: indicatorLines(indicator, report: report, words: words))
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func indicatorLines(_ indicator: CompiledIndicator, report: ScoreReport, words: ReportWords) -> [String] {
        let spec = indicator.spec
        let level = report.levels[indicator.index]
        let name = report.pack.framework.scale(spec.scaleID)?.name(of: level) ?? "-"
        var lines = [
            "    \(spec.id) \(spec.name)  \(words.level) \(level) \(name)  \(words.weight) \(format(spec.weight))"
        ]
        if let next = report.nextLevel(of: indicator) {
            var text = "      \(words.next) \(next.level)"
            if let state = next.state, state == .notEvidenced { text += " (\(words.notEvidenced))" }
            if let description = next.description { text += ": \(description)" }
            lines.append(text)
        }
        return lines
    }

    private func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + IndexFormatting.twoDecimals(value)
    }

    private func indexText(_ value: Double?) -> String { value.map(IndexFormatting.twoDecimals) ?? "-" }

    private func format(_ value: Double) -> String { IndexFormatting.weight(value) }
}

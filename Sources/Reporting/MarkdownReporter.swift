import DataModel
import Engine
import Packs

/// Renders a report as Markdown for issue trackers and wikis: per inventory the index, what to fix first, the
/// level of every indicator, and the findings grouped by indicator with their location and recommendation.
public struct MarkdownReporter: StreamingReporter {
    /// Creates a reporter.
    public init() {}

    /// The title lines: the pack, its version and framework, the evaluation date.
    public func begin(_ report: Report) -> [UInt8] {
        let words = ReportWords(language: report.language)
        let metadata = report.pack.pack.metadata
        var out = [
            "# \(metadata.title.text(in: report.language))", "",
            "`\(metadata.id)` \(metadata.version) · \(metadata.framework) · \(words.asOf) \(report.asOf)",
        ]
        if metadata.provisional { out += ["", "> **\(words.provisional)**"] }
        return Array(out.joined(separator: "\n").utf8)
    }

    /// One inventory's section, each line after a line break.
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        let digest = ReportDigest(evaluation: evaluation, report: report)
        var bytes = lines(summary(digest))
        findings(digest, into: &bytes)
        return bytes
    }

    /// The inventories that could not be reported, then each pemda's section, each line after a line break.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        lines(failureLines(report) + report.regencies.flatMap { regency(RegencyDigest(regency: $0, report: report)) })
    }

    /// The final line break.
    public func end(_ report: Report, count: Int) -> [UInt8] { [0x0A] }

    /// The pemdas come before the inventories.
    public var holdsInventories: Bool { true }

    /// The title, the pemdas, the inventories, the final line break.
    public func assemble(_ report: Report, parts: any HeldParts, write: ([UInt8]) -> Void) {
        write(begin(report))
        write(regencies(report, count: parts.count))
        for position in 0..<parts.count { write(parts.part(position)) }
        write(end(report, count: parts.count))
    }

    /// `lines`, each after a line break: what they add to the lines before them once joined.
    private func lines(_ lines: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines {
            bytes.append(0x0A)
            bytes += line.utf8
        }
        return bytes
    }

    private func regency(_ digest: RegencyDigest) -> [String] {
        let words = digest.words
        let regency = digest.regency
        var out = [
            "", "## \(regency.name)", "", "`\(regency.folder)`, \(regency.members.count) \(words.inventoriesOf)", "",
            "**\(words.pemdaIndex): \(digest.joint.index ?? "-")** — \(words.pemdaBasis)", "",
        ]
        if let note = digest.joint.borderlineNote { out += ["> **!** \(note)", ""] }
        out += [
            "### \(words.opdTable)", "", "| OPD | \(words.simulatedIndex) | \(words.passRate) | \(words.weakest) |",
            "| --- | --- | --- | --- |",
        ]
        for row in digest.rows {
            let name = row.evaluation.opdName.isEmpty ? row.evaluation.source : row.evaluation.opdName
            out.append(
                "| \(cell(name)) | \(row.index) | \(RegencyDigest.percent(row.passRate)) | \(row.weakest.joined(separator: ", ")) |"
            )
        }
        let shared = digest.sharedIndicators
        if !shared.isEmpty {
            out += ["", "### \(words.pemdaLevelTitle)", ""]
            out += shared.map { "- **\($0.id)** \(cell($0.name)): \(words.level) \($0.level) — \(cell($0.reason))" }
        }
        if !regency.crossFindings.isEmpty {
            out += ["", "### \(words.crossFindings)"]
            for finding in regency.crossFindings {
                out += ["", "**\(digest.headline(finding.kind))**: `\(finding.topic)`", ""]
                out += finding.subjects.map { "- \(digest.describe($0)) — `\($0.location)`" }
            }
        }
        return out
    }

    /// An inventory's title, index, priorities and indicator table.
    private func summary(_ digest: ReportDigest) -> [String] {
        let words = digest.words
        var out = ["", "## \(digest.title)", "", "`\(digest.evaluation.source)`", ""]
        if let index = digest.index {
            var line = "**\(words.estimatedIndex): \(index)**"
            if let waived = digest.indexWithWaivers { line += " (\(words.withWaivers): \(waived))" }
            out.append(line + " — \(words.simulation)")
            if let note = digest.borderlineNote { out += ["", "> **!** \(note)"] }
        } else {
            out.append(words.noOfficialIndex)
        }
        let recommendations = digest.recommendations
        if !recommendations.isEmpty {
            out += ["", "### \(words.priorities)", ""]
            for (rank, item) in recommendations.enumerated() {
                let spec = digest.pack.indicators[item.indicatorIndex].spec
                var line =
                    "\(rank + 1). **\(spec.id) \(cell(spec.name))**: \(words.level) \(item.fromLevel) → \(item.toLevel), "
                    + "+\(IndexFormatting.gain(item.gain)) \(words.index), \(words.effort) \(Value.format(item.effort))"
                if let needs = digest.needs(item) { line += " — \(needs)" }
                out.append(line)
            }
            if let plan = digest.plan {
                out += [
                    "",
                    "\(words.planTitle) **\(plan.predicate)** (\(IndexFormatting.edge(of: plan))): \(digest.steps(plan)); "
                        + "\(words.totalEffort) \(Value.format(plan.effort)) → \(words.index) \(IndexFormatting.twoDecimals(plan.index))",
                ]
            }
        }
        out += [
            "", "### \(words.indicatorsTitle)", "",
            "| \(words.indicator) | \(words.level) | \(words.target) | |", "| --- | --- | --- | --- |",
        ]
        for indicator in digest.pack.indicators {
            let level = digest.evaluation.indicators[indicator.index].level
            let mark = indicator.spec.target.map { level >= $0 ? "✓" : "✗" } ?? ""
            out.append(
                "| \(indicator.spec.id) \(cell(indicator.spec.name)) | \(level) \(cell(digest.levelName(indicator))) | "
                    + "\(indicator.spec.target.map(String.init) ?? "-") | \(mark) |")
        }
        return out
    }

    /// An inventory's findings, grouped by indicator, each line after a line break, written straight into `bytes`
    /// with each finding's message. Perf: a line per finding built by interpolation was a third of the Markdown
    /// report (callgrind, 100 OPDs of spbe-bench).
    private func findings(_ digest: ReportDigest, into bytes: inout [UInt8]) {
        let words = digest.words
        let language = digest.report.language
        let groups = digest.findingsByIndicator
        guard !groups.isEmpty else {
            bytes += lines(["", "_\(words.noFindings)_"])
            return
        }
        bytes += lines(["", "### \(words.findings)"])
        // A rule's recommendation is written at its first failure only, as in the HTML report: it is the same text
        // for every subject.
        var advised = Set<Int>()
        for (indicator, findings) in groups {
            bytes += lines(["", "#### " + (indicator.map { "\($0.spec.id) \($0.spec.name)" } ?? words.otherRules), ""])
            for finding in findings {
                let spec = digest.pack.rules[finding.ruleIndex].spec
                bytes += "\n- **".utf8
                bytes += digest.badgeWords(finding).utf8
                bytes += "** `".utf8
                bytes += spec.id.utf8
                bytes += "` ".utf8
                if !finding.writeMessage(into: &bytes) { bytes += spec.title.text(in: language).utf8 }
                bytes += " — `".utf8
                bytes.append(location: finding.location)
                bytes.append(UInt8(ascii: "`"))
                if !advised.contains(finding.ruleIndex), let todo = digest.todo(finding) {
                    advised.insert(finding.ruleIndex)
                    bytes += "  \n  → ".utf8
                    bytes += todo.utf8
                }
            }
        }
    }

    /// `text` with each `|`, which would end a table cell, written as `/`. Perf: most texts hold none, and are
    /// given back as they are; Foundation's `replacingOccurrences` on every cell was 8% of the Markdown report
    /// (callgrind, 100 OPDs of spbe-bench).
    private func cell(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(UInt8(ascii: "|")) }) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: "|") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}

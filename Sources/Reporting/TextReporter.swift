import DataModel
import Engine
import Packs

/// Renders a report for a terminal: per inventory, the index, then each domain with its indicators,
/// and under each indicator the failing and not-evidenced findings with their location and what to do.
public struct TextReporter: StreamingReporter {
    /// Whether to use ANSI colours.
    public let colors: Bool

    /// Creates a reporter.
    public init(colors: Bool = false) { self.colors = colors }

    /// The first lines: pack, framework, evaluation date.
    public func begin(_ report: Report) -> [UInt8] {
        let words = ReportWords(language: report.language)
        let metadata = report.pack.pack.metadata
        var head = ["\(metadata.id) \(metadata.version) · \(metadata.framework) · \(words.asOf) \(report.asOf)"]
        if metadata.provisional { head.append(paint("! " + words.provisional, .yellow)) }
        return Array((head.joined(separator: "\n") + "\n").utf8)
    }

    /// One inventory's part, as UTF-8 bytes ready to be written out.
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        // About two lines of 100 bytes per finding and one per indicator: one allocation for most sections.
        var out = TextBuffer(capacity: 256 * evaluation.findings.count + 128 * evaluation.indicators.count + 2048)
        out.line("")
        inventory(evaluation, report: report, words: ReportWords(language: report.language), into: &out)
        return out.utf8
    }

    /// The pemdas.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        let lines = report.regencies.flatMap { regencyLines(RegencyDigest(regency: $0, report: report)) }
        return Array(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// The waivers that need attention, and the summary line (from `report.totals`).
    public func end(_ report: Report, count: Int) -> [UInt8] {
        let words = ReportWords(language: report.language)
        return Array(
            ((waiverLines(report, words: words) + failureLines(report) + ["", summary(report, words: words)])
                .joined(separator: "\n") + "\n")
                .utf8)
    }

    /// One inventory's lines, each ending with a newline, written to `out`.
    private func inventory(
        _ evaluation: InventoryEvaluation, report: Report, words: ReportWords, into out: inout TextBuffer
    ) {
        let pack = report.pack
        let title = evaluation.opdName.isEmpty ? evaluation.source : evaluation.opdName
        out.line(paint(title, .bold) + "  (\(evaluation.source))")
        if let index = evaluation.score.index {
            let predicate = evaluation.score.predicate.map { " \($0)" } ?? ""
            var text = "\(words.estimatedIndex): " + paint(IndexFormatting.twoDecimals(index) + predicate, .bold)
            if let waived = evaluation.scoreWithWaivers?.index {
                let waivedPredicate = evaluation.scoreWithWaivers?.predicate.map { " \($0)" } ?? ""
                text += "; \(words.withWaivers): \(IndexFormatting.twoDecimals(waived))\(waivedPredicate)"
            }
            out.line(text + "  (\(words.simulation))")
        } else {
            out.line(words.noOfficialIndex)
        }
        let digest = ReportDigest(evaluation: evaluation, report: report)
        if let note = digest.borderlineNote { out.line("! " + note) }
        if let delta = digest.baselineDelta {
            var text =
                "\(words.sinceBaseline): \(delta.new) \(words.newCount), \(delta.unchanged) \(words.unchangedCount), "
                + "\(delta.fixed.count) \(words.fixedCount)"
            if let change = delta.indexChange {
                text += "; \(words.index) \(change >= 0 ? "+" : "")\(IndexFormatting.twoDecimals(change))"
            }
            out.line(text)
        }
        let findingsByIndicator = digest.findingsByIndicatorIndex
        for (domainIndex, domain) in pack.framework.domains.enumerated() {
            let domainIndexText = evaluation.score.domains[domainIndex].index.map(IndexFormatting.twoDecimals) ?? "-"
            out.line("")
            out.line(paint("\(domain.id) \(domain.name)", .bold) + "  \(domainIndexText)")
            for indicator in pack.indicators where indicator.domainIndex == domainIndex {
                out.line(indicatorLine(indicator, evaluation: evaluation, pack: pack, words: words))
                findings(
                    findingsByIndicator[indicator.index] ?? [], in: evaluation, report: report, words: words, into: &out
                )
            }
        }
        for text in priorityLines(digest, words: words) { out.line(text) }
        if let other = findingsByIndicator[-1], !other.isEmpty {
            out.line("")
            out.line(paint(words.otherRules, .bold))
            findings(other, in: evaluation, report: report, words: words, into: &out)
        }
    }

    private func indicatorLine(
        _ indicator: CompiledIndicator, evaluation: InventoryEvaluation, pack: CompiledPack, words: ReportWords
    ) -> String {
        let result = evaluation.indicators[indicator.index]
        let spec = indicator.spec
        let levelName = pack.framework.scale(spec.scaleID)?.name(of: result.level) ?? "-"
        var line = "  \(spec.id) \(spec.name)  \(words.level) \(result.level) \(levelName)"
        if let target = spec.target {
            let mark = result.level >= target ? paint("✓", .green) : paint("✗", .red)
            line += " (\(words.target) \(target)) \(mark)"
        }
        return line
    }

    /// Each finding with its location and, after the last failure of each run of one rule's findings, the
    /// rule's recommendation, once (a rule failing on 30 applications is one thing to do, not 30).
    private func findings(
        _ findings: [SubjectResult], in evaluation: InventoryEvaluation, report: Report, words: ReportWords,
        into out: inout TextBuffer
    ) {
        var start = findings.startIndex
        while start < findings.endIndex {
            let rule = report.pack.rules[findings[start].ruleIndex]
            let end = findings[start...].firstIndex { $0.ruleIndex != rule.index } ?? findings.endIndex
            let run = findings[start..<end]
            let open = run.indices.filter { run[$0].outcome == .fail && run[$0].waiver == nil }
            for index in run.indices {
                finding(run[index], rule: rule, in: evaluation, report: report, words: words, into: &out)
                if index == open.last, let recommendation = rule.spec.recommendation {
                    out.write("        → ")
                    if open.count > 1 { out.write("\(open.count) \(words.findingsCount): ") }
                    out.line(recommendation.text(in: report.language))
                }
            }
            start = end
        }
    }

    private func finding(
        _ finding: SubjectResult, rule: CompiledRule, in evaluation: InventoryEvaluation, report: Report,
        words: ReportWords,
        into out: inout TextBuffer
    ) {
        let severity = rule.spec.severity
        out.write("    ")
        if report.baselineState(finding, in: evaluation) == .new { out.write(paint(words.new, .yellow) + " ") }
        if finding.waiver != nil {
            out.write(paint(words.waived, .cyan) + " " + severity.label)
        } else if finding.outcome == .fail {
            out.write(paint(severity.label, severity >= .high ? .red : .yellow))
        } else {
            out.write(paint("?", .cyan))
        }
        out.write(" ")
        out.write(rule.spec.id)
        out.write("  ")
        if !out.writeMessage(of: finding) { out.write(rule.spec.title.text(in: report.language)) }
        out.line("")
        out.write("        ")
        out.write(finding.location)
        out.line("")
        if let position = finding.waiver {
            let waiver = report.waivers.waivers[position]
            out.line(
                "        \(words.waiver): \(waiver.reason) (\(words.approvedBy) \(waiver.approvedBy), \(words.until) \(waiver.until); \(waiver.location))"
            )
        }
    }

    /// The top recommendations and the cheapest plan to the next predicate band.
    private func priorityLines(_ digest: ReportDigest, words: ReportWords) -> [String] {
        let top = digest.recommendations
        guard !top.isEmpty else { return [] }
        var out = ["", paint(words.priorities, .bold)]
        for (rank, item) in top.enumerated() {
            let indicator = digest.report.pack.indicators[item.indicatorIndex].spec
            out.append(
                "  \(rank + 1). \(indicator.id) \(indicator.name): \(words.level) \(item.fromLevel) → \(item.toLevel)  "
                    + "+\(IndexFormatting.gain(item.gain)) \(words.index), \(words.effort) \(Value.format(item.effort))"
            )
            if let next = digest.needs(item) { out.append("     \(next)") }
        }
        if let plan = digest.plan {
            out.append(
                "  \(words.planTitle) \(plan.predicate) (\(IndexFormatting.edge(of: plan))): \(digest.steps(plan))"
                    + "; \(words.totalEffort) \(Value.format(plan.effort)) → \(words.index) \(IndexFormatting.twoDecimals(plan.index))"
            )
        }
        return out
    }

    /// How many recommendations the text report lists per inventory.
    static let topRecommendations = 5

    /// A pemda as a whole: the joint index and domains, the OPD table, what to fix first, the cross-OPD findings.
    private func regencyLines(_ digest: RegencyDigest) -> [String] {
        let words = digest.words
        let regency = digest.regency
        var out = [
            "", paint("\(regency.name)  (\(regency.folder), \(regency.members.count) \(words.inventoriesOf))", .bold),
        ]
        let joint = digest.joint
        out.append("\(words.pemdaIndex): " + paint(joint.index ?? "-", .bold) + "  (\(words.pemdaBasis))")
        if let note = joint.borderlineNote { out.append("! " + note) }
        for part in regency.pemda.score.domains {
            out.append("  \(part.id) \(part.name)  \(part.index.map(IndexFormatting.twoDecimals) ?? "-")")
        }
        out += ["", paint(words.opdTable, .bold)]
        let rows = digest.rows
        let width =
            rows.map { ($0.evaluation.opdName.isEmpty ? $0.evaluation.source : $0.evaluation.opdName).count }.max() ?? 0
        for row in rows {
            let name = row.evaluation.opdName.isEmpty ? row.evaluation.source : row.evaluation.opdName
            let padded = name + String(repeating: " ", count: max(0, width - name.count))
            out.append(
                "  \(padded)  \(words.simulatedIndex) \(row.index)  \(words.passRate) \(RegencyDigest.percent(row.passRate))  \(words.weakest): \(row.weakest.joined(separator: ", "))"
            )
        }
        let shared = digest.sharedIndicators
        if !shared.isEmpty {
            out += ["", paint(words.pemdaLevelTitle, .bold)]
            out += shared.map { "  \($0.id) \($0.name): \(words.level) \($0.level) — \($0.reason)" }
        }
        out.append(
            contentsOf: priorityLines(ReportDigest(evaluation: regency.pemda, report: digest.report), words: words))
        if !regency.crossFindings.isEmpty {
            out += ["", paint(words.crossFindings, .bold)]
            for finding in regency.crossFindings {
                out.append("  \(digest.headline(finding.kind)): \(finding.topic)")
                for subject in finding.subjects {
                    out.append("    \(digest.describe(subject))  \(subject.location)")
                }
            }
        }
        return out
    }

    /// The waivers that need attention: expired ones (findings themselves), expiring and unused ones.
    private func waiverLines(_ report: Report, words: ReportWords) -> [String] {
        let attention = report.waiverStatuses.filter { $0.status != .active }
        guard !attention.isEmpty else { return [] }
        var out = ["", paint(words.waivers, .bold)]
        for (waiver, status) in attention {
            let text =
                switch status {
                case .expired: paint(words.waiverExpired, .red)
                case .expiring: paint(words.waiverExpiring, .yellow)
                case .unused, .active: words.waiverUnused
                }
            out.append("  \(waiver.ruleID) \(waiver.subject) \(words.until) \(waiver.until): \(text)")
            out.append("        \(waiver.location)")
        }
        return out
    }

    private func summary(_ report: Report, words: ReportWords) -> String {
        let totals = report.totals
        let (failed, notEvidenced, passed, waived) = (totals.failed, totals.notEvidenced, totals.passed, totals.waived)
        var line =
            "\(totals.inventories) \(words.inventories), \(report.pack.evaluationOrder.count) \(words.rules): "
            + paint("\(failed) \(words.failed)", failed > 0 ? .red : .green)
            + (waived > 0 ? " (\(waived) \(words.waiver))" : "")
            + ", \(notEvidenced) \(words.notEvidenced), \(passed) \(words.passed)"
        if let failOn = report.failOn, report.failsThreshold {
            line += "; \(report.blockingFindings) \(words.thresholdFailed) (\(failOn.rawValue))"
        }
        return line
    }

    private enum Color: String {
        case bold = "1"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    private func paint(_ text: String, _ color: Color) -> String {
        colors ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}

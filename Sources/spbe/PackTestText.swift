import PackTesting

/// The text output of `spbe pack test`: failing cases with their diffs, optional coverage, the count line.
struct PackTestText {
    let report: PackTestReport
    let coverage: Bool
    /// Rules and indicators a base pack declares: its own fixtures cover them, so a child's coverage leaves them out.
    var inherited: Set<String> = []

    func render() -> String {
        var lines: [String] = []
        for result in report.results where !result.passed {
            lines.append("FAIL \(result.testCase.location) \(result.testCase.name)")
            lines += result.problems.map { "    " + $0 }
        }
        if coverage { lines += coverageLines() }
        lines.append("\(report.passed) passed, \(report.failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The percentage of rules that some fixture makes pass and some makes fail; 0 for a pack without rules.
    var ruleCoverage: Double {
        let own = report.coverage.ruleIDs.filter { !inherited.contains($0) }
        guard !own.isEmpty else { return 0 }
        let incomplete = report.coverage.incompleteRules.filter { !inherited.contains($0) }
        return Double(own.count - incomplete.count) * 100 / Double(own.count)
    }

    /// A percentage with at most one decimal: `87.5%`, `100%`.
    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + "%"
    }

    private func coverageLines() -> [String] {
        let measured = report.coverage
        var lines = ["", "Coverage"]
        let own = measured.ruleIDs.filter { !inherited.contains($0) }
        let complete = own.count - measured.incompleteRules.filter { !inherited.contains($0) }.count
        let base = inherited.isEmpty ? "" : " of this pack's own (a base pack's fixtures cover its rules)"
        lines.append(
            "  rules\(base) passed and failed by some fixture: \(complete) of \(own.count) (\(Self.percent(ruleCoverage)))"
        )
        for (index, id) in measured.ruleIDs.enumerated()
        where !inherited.contains(id) && !(measured.rulePassed[index] && measured.ruleFailed[index]) {
            let missing = [
                measured.rulePassed[index] ? nil : "never passes", measured.ruleFailed[index] ? nil : "never fails",
            ]
            lines.append("    \(id): \(missing.compactMap { $0 }.joined(separator: ", "))")
        }
        let unreached = measured.unreachedLevels
        let indicators = measured.indicatorIDs.indices.filter { !inherited.contains(measured.indicatorIDs[$0]) }
        let reached = indicators.filter { unreached[$0].isEmpty }.count
        lines.append("  indicators whose every level is some fixture's result: \(reached) of \(indicators.count)")
        for index in indicators {
            let levels = measured.reachedLevels[index].sorted().map(String.init).joined(separator: " ")
            let missing =
                unreached[index].isEmpty ? "" : "; never \(unreached[index].map(String.init).joined(separator: ", "))"
            lines.append(
                "    \(measured.indicatorIDs[index]): levels \(levels.isEmpty ? "none" : levels) of \(measured.declaredLevels[index])\(missing)"
            )
        }
        lines.append("")
        return lines
    }
}

import PackTesting

/// The text output of `spbe pack test`: failing cases with their diffs, optional coverage, the count line.
struct PackTestText {
    let report: PackTestReport
    let coverage: Bool

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

    private func coverageLines() -> [String] {
        let measured = report.coverage
        var lines = ["", "Coverage"]
        let complete = measured.ruleIDs.count - measured.incompleteRules.count
        lines.append("  rules passed and failed by some fixture: \(complete) of \(measured.ruleIDs.count)")
        for (index, id) in measured.ruleIDs.enumerated() where !(measured.rulePassed[index] && measured.ruleFailed[index]) {
            let missing = [measured.rulePassed[index] ? nil : "never passes", measured.ruleFailed[index] ? nil : "never fails"]
            lines.append("    \(id): \(missing.compactMap { $0 }.joined(separator: ", "))")
        }
        let unreached = measured.unreachedLevels
        let reached = unreached.filter(\.isEmpty).count
        lines.append("  indicators whose every level is some fixture's result: \(reached) of \(measured.indicatorIDs.count)")
        for (index, id) in measured.indicatorIDs.enumerated() {
            let levels = measured.reachedLevels[index].sorted().map(String.init).joined(separator: " ")
            let missing = unreached[index].isEmpty ? "" : "; never \(unreached[index].map(String.init).joined(separator: ", "))"
            lines.append("    \(id): levels \(levels.isEmpty ? "none" : levels) of \(measured.declaredLevels[index])\(missing)")
        }
        lines.append("")
        return lines
    }
}

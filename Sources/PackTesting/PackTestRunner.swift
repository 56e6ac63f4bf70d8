import DataModel
import Diagnostics
import Engine
import Inventories

/// Runs a pack's fixtures against the compiled pack and compares every expectation.
public struct PackTestRunner {
    /// The pack under test.
    public let pack: CompiledPack
    /// The cost budget of each case's evaluation.
    public let budget: EvaluationBudget

    /// Creates a runner for `pack`.
    public init(pack: CompiledPack, budget: EvaluationBudget = .default) {
        self.pack = pack
        self.budget = budget
    }

    /// Runs every case of `files`; the report lists each failing case with a readable diff, and the coverage.
    public func run(_ files: [PackTestFile]) -> PackTestReport {
        var results: [PackTestCaseResult] = []
        var coverage = PackCoverage(pack: pack)
        var diagnostics: [Diagnostic] = []
        let loader = InventoryLoader(schema: pack.schema)
        for file in files {
            for testCase in file.cases {
                let loaded = loader.load(root: testCase.inventory, file: file.path)
                diagnostics += loaded.diagnostics
                guard let inventory = loaded.inventory else {
                    results.append(
                        PackTestCaseResult(
                            testCase: testCase, problems: ["the inventory does not load (see the errors above)"]
                        ))
                    continue
                }
                let evaluation: InventoryEvaluation
                do throws(CostExceeded) {
                    evaluation = try Evaluator(pack: pack, asOf: testCase.asOf, budget: budget).evaluate(inventory)
                } catch {
                    diagnostics.append(error.diagnostic)
                    results.append(
                        PackTestCaseResult(
                            testCase: testCase, problems: ["evaluation went over its cost budget (see the error above)"]
                        ))
                    continue
                }
                coverage.record(evaluation)
                results.append(
                    PackTestCaseResult(testCase: testCase, problems: compare(testCase.expectation, evaluation)))
            }
        }
        return PackTestReport(results: results, coverage: coverage, diagnostics: diagnostics)
    }

    private func compare(_ expectation: PackTestExpectation, _ evaluation: InventoryEvaluation) -> [String] {
        var problems: [String] = []
        let ruleIDs = pack.rules.map(\.spec.id)
        for outcome in Outcome.allCases {
            for (ruleID, expected) in (expectation.subjects[outcome] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let ruleIndex = ruleIDs.firstIndex(of: ruleID) else {
                    let hint = Suggestion.didYouMean(ruleID, among: ruleIDs).map { "; \($0)" } ?? ""
                    problems.append("\(expected.location): the pack has no rule '\(ruleID)'\(hint)")
                    continue
                }
                let actual = Set(
                    evaluation.subjects.filter { $0.ruleIndex == ruleIndex && $0.outcome == outcome }.map(\.subject))
                let wanted = Set(expected.subjects)
                guard actual != wanted else { continue }
                var line =
                    "\(ruleID) \(outcome.rawValue): expected [\(wanted.sorted().joined(separator: ", "))], got [\(actual.sorted().joined(separator: ", "))]"
                let missing = wanted.subtracting(actual).sorted().map { subject in
                    "- \(subject) (is \(outcomeOf(subject, ruleIndex: ruleIndex, in: evaluation)))"
                }
                let extra = actual.subtracting(wanted).sorted().map { "+ \($0)" }
                line += (missing + extra).map { "\n      \($0)" }.joined()
                problems.append(line)
            }
        }
        let indicatorIDs = pack.indicators.map(\.spec.id)
        for (indicatorID, expected) in expectation.levels.sorted(by: { $0.key < $1.key }) {
            guard let index = indicatorIDs.firstIndex(of: indicatorID) else {
                let hint = Suggestion.didYouMean(indicatorID, among: indicatorIDs).map { "; \($0)" } ?? ""
                problems.append("\(expected.location): the pack has no indicator '\(indicatorID)'\(hint)")
                continue
            }
            let indicator = pack.indicators[index]
            guard (indicator.lowestLevel...indicator.highestLevel).contains(expected.value) else {
                problems.append(
                    "\(expected.location): \(indicatorID) has levels \(indicator.lowestLevel) to \(indicator.highestLevel) (its scale's lowest level is \(indicator.lowestLevel)), not \(expected.value)"
                )
                continue
            }
            let result = evaluation.indicators[index]
            if result.level != expected.value {
                let states = result.levelStates.enumerated().map { "\($0 + 1) \($1.rawValue)" }.joined(separator: ", ")
                problems.append("\(indicatorID) level: expected \(expected.value), got \(result.level) (\(states))")
            }
        }
        if let expected = expectation.index {
            let actual = evaluation.score.index
            if actual.map({ (($0 - expected.value) * 100).rounded() != 0 }) ?? true {
                problems.append("index: expected \(expected.value), got \(actual.map { String($0) } ?? "none")")
            }
        }
        return problems
    }

    private func outcomeOf(_ subject: String, ruleIndex: Int, in evaluation: InventoryEvaluation) -> String {
        evaluation.subjects.first { $0.ruleIndex == ruleIndex && $0.subject == subject }?.outcome.rawValue
            ?? "not a subject"
    }
}

/// The outcome of one fixture case.
public struct PackTestCaseResult: Sendable {
    /// The case.
    public let testCase: PackTestCase
    /// Every expectation that did not hold, as readable lines; empty when the case passed.
    public let problems: [String]
    /// Whether every expectation held.
    public var passed: Bool { problems.isEmpty }
}

/// The outcome of a pack's fixtures.
public struct PackTestReport: Sendable {
    /// Each case, in file order.
    public let results: [PackTestCaseResult]
    /// Which rules and levels the fixtures exercise.
    public let coverage: PackCoverage
    /// Problems loading the fixtures' inventories.
    public let diagnostics: [Diagnostic]

    /// Cases whose expectations all held.
    public var passed: Int { results.filter(\.passed).count }
    /// Cases with at least one failed expectation.
    public var failed: Int { results.count - passed }
}

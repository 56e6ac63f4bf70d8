import Engine

/// Which rules the fixtures make pass and fail, and which indicator levels they reach.
public struct PackCoverage: Sendable {
    /// Rule ids in pack order.
    public let ruleIDs: [String]
    /// Indicator ids in pack order.
    public let indicatorIDs: [String]
    /// Levels declared per indicator, in pack order.
    public let declaredLevels: [Int]
    /// Per rule: some fixture subject passed it.
    public private(set) var rulePassed: [Bool]
    /// Per rule: some fixture subject failed it.
    public private(set) var ruleFailed: [Bool]
    /// Per indicator: the highest level some fixture reached.
    public private(set) var highestLevel: [Int]
    /// Per indicator: the levels some fixture ends at exactly (its estimated level), lowest first.
    public private(set) var reachedLevels: [Set<Int>]

    init(pack: CompiledPack) {
        ruleIDs = pack.rules.map(\.spec.id)
        indicatorIDs = pack.indicators.map(\.spec.id)
        declaredLevels = pack.indicators.map(\.levels.count)
        rulePassed = Array(repeating: false, count: pack.rules.count)
        ruleFailed = Array(repeating: false, count: pack.rules.count)
        highestLevel = Array(repeating: 0, count: pack.indicators.count)
        reachedLevels = Array(repeating: [], count: pack.indicators.count)
    }

    mutating func record(_ evaluation: InventoryEvaluation) {
        for subject in evaluation.subjects {
            switch subject.outcome {
            case .pass: rulePassed[subject.ruleIndex] = true
            case .fail: ruleFailed[subject.ruleIndex] = true
            case .notEvidenced, .notApplicable: break
            }
        }
        for result in evaluation.indicators {
            highestLevel[result.indicatorIndex] = max(highestLevel[result.indicatorIndex], result.level)
            reachedLevels[result.indicatorIndex].insert(result.level)
        }
    }

    /// Rules that no fixture makes both pass and fail.
    public var incompleteRules: [String] {
        ruleIDs.indices.filter { !(rulePassed[$0] && ruleFailed[$0]) }.map { ruleIDs[$0] }
    }

    /// Per indicator in pack order: the declared levels (1 to its last) that no fixture ends at.
    public var unreachedLevels: [[Int]] {
        indicatorIDs.indices.map { index in
            declaredLevels[index] < 1 ? [] : (1...declaredLevels[index]).filter { !reachedLevels[index].contains($0) }
        }
    }

    /// Whether, for every indicator, each declared level is some fixture's estimated level.
    public var reachesEveryLevel: Bool { unreachedLevels.allSatisfy(\.isEmpty) }

    /// Whether every rule is both passed and failed by some fixture.
    public var coversEveryRule: Bool { incompleteRules.isEmpty }
}

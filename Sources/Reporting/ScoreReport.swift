import DataModel
import Engine
import Packs

/// What a score is computed from, which decides how it is labelled in every output.
public enum ScoreBasis: Sendable {
    /// One OPD's inventory: a simulation, not an official figure.
    case opd(name: String)
    /// All inventories of a pemda together: the level each indicator reaches on their joint evidence.
    case pemda(name: String, inventories: Int)
    /// Levels filled in directly (the official self-assessment form).
    case selfAssessment(file: String)
}

/// An index breakdown by domain, aspect and indicator, with what blocks each indicator's next level.
public struct ScoreReport: Sendable {
    /// The pack whose weights are used.
    public let pack: CompiledPack
    /// What the levels come from.
    public let basis: ScoreBasis
    /// Level per indicator, in pack order.
    public let levels: [Int]
    /// Per indicator, the state of each level when levels were estimated from an inventory.
    public let levelStates: [[LevelState]]?
    /// Indicator keys (`16`, `35-2`) that were missing from a self-assessment and counted at their scale's lowest
    /// level.
    public let missing: [String]
    /// The score.
    public let score: Score
    /// Language of the report's words.
    public let language: String
    /// Levels changed by `--assume`, as (indicator position, level before, level assumed), in pack order.
    public private(set) var assumptions: [(indicator: Int, from: Int, to: Int)] = []
    /// The score before the assumptions; nil when nothing is assumed.
    public private(set) var scoreBefore: Score?

    /// Creates a report and computes its score.
    public init(
        pack: CompiledPack, basis: ScoreBasis, levels: [Int], levelStates: [[LevelState]]?, missing: [String] = [],
        language: String = "id"
    ) {
        self.pack = pack
        self.basis = basis
        self.levels = levels
        self.levelStates = levelStates
        self.missing = missing
        self.language = language
        score = Scorer(pack: pack).score(levels: levels)
    }

    /// The report with some indicator levels assumed (a what-if): levels and score are the assumed ones, and
    /// `scoreBefore` keeps the real score.
    public func assuming(_ levels: [Int: Int]) -> ScoreReport {
        var changed = self.levels
        var assumptions: [(indicator: Int, from: Int, to: Int)] = []
        for (indicator, level) in levels.sorted(by: { $0.key < $1.key }) where changed[indicator] != level {
            assumptions.append((indicator, changed[indicator], level))
            changed[indicator] = level
        }
        var result = ScoreReport(
            pack: pack, basis: basis, levels: changed, levelStates: levelStates, missing: missing, language: language
        )
        result.assumptions = assumptions
        result.scoreBefore = score
        return result
    }

    /// The label every output carries.
    public var label: String {
        let english = language == "en"
        switch basis {
        case .opd(let name):
            return english
                ? "OPD-level simulation for \(name), not an official figure"
                : "simulasi tingkat OPD untuk \(name), bukan nilai resmi"
        case .pemda(let name, let count):
            return english
                ? "pemda-level estimate for \(name) from \(count) inventories"
                : "estimasi tingkat pemda untuk \(name) dari \(count) inventaris"
        case .selfAssessment(let file):
            return english ? "from the self-assessment levels in \(file)" : "dari tingkat penilaian mandiri di \(file)"
        }
    }

    /// The next level of an indicator and why it is not reached, or nil at level 5.
    public func nextLevel(of indicator: CompiledIndicator) -> (level: Int, description: String?, state: LevelState?)? {
        let next = levels[indicator.index] + 1
        guard next <= 5 else { return nil }
        let spec = indicator.spec.levels.first { $0.level == next }
        let state = levelStates.flatMap { states in
            next - 1 < states[indicator.index].count ? states[indicator.index][next - 1] : nil
        }
        return (next, spec?.description?.text(in: language), state)
    }
}

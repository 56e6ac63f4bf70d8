import DataModel
import Diagnostics
import Expressions

/// The supporting evidence (*data dukung*) of one level of an indicator, and the records that hold it.
public struct LevelEvidence: Sendable {
    /// The level (1–5).
    public let level: Int
    /// Whether its criteria hold on the inventory.
    public let state: LevelState
    /// What an assessor asks for at this level, as the pack lists it.
    public let evidence: [String]
    /// What the level needs, phrased for people.
    public let description: String?
    /// Records that on their own satisfy the level's criteria (the evidence to show), in inventory order.
    public let witnesses: [Witness]
}

/// A record that holds evidence.
public struct Witness: Sendable {
    /// The collection (`documents`), or the header's name for the OPD itself.
    public let collection: String
    /// The record's key.
    public let record: String
    /// Where it is.
    public let location: SourceLocation
}

/// For each indicator, the evidence of the level reached and of the next one.
public struct IndicatorEvidence: Sendable {
    /// Position in `CompiledPack.indicators`.
    public let indicatorIndex: Int
    /// The level reached.
    public let level: Int
    /// The current level's evidence (when the level is at least 1), then the next level's (below 5).
    public let levels: [LevelEvidence]
}

/// Finds which records evidence each met level: a record is a witness when the level's criteria hold on the
/// inventory with that record alone in its collection. The evidence checklist an officer takes to the
/// evaluation interview is built from it.
public struct EvidenceFinder {
    /// The pack.
    public let pack: CompiledPack
    /// The evaluation date.
    public let asOf: Day
    /// Language of the level descriptions.
    public let language: String
    /// The most witnesses listed per level.
    public static let maxWitnesses = 5
    /// The search for one level's witnesses spends at most `perRule` units; past that it lists those found.
    public let budget: EvaluationBudget

    /// Creates a finder.
    public init(pack: CompiledPack, asOf: Day, language: String = "id", budget: EvaluationBudget = .default) {
        self.pack = pack
        self.asOf = asOf
        self.language = language
        self.budget = budget
    }

    /// The evidence of every indicator of `evaluation`, which must be the evaluation of `inventory`.
    public func evidence(_ inventory: InventoryData, evaluation: InventoryEvaluation) -> [IndicatorEvidence] {
        let context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count, lookups: pack.lookups)
        for summary in evaluation.rules {
            context.ruleVerdicts[summary.ruleIndex] = summary.verdict
        }
        return pack.indicators.map { indicator in
            let result = evaluation.indicators[indicator.index]
            let shown = [result.level, result.level + 1].filter { (1...indicator.levels.count).contains($0) }
            let levels = shown.map { level in
                let spec = indicator.spec.levels[level - 1]
                let state = result.levelStates[level - 1]
                let holders =
                    state == .met
                    ? indicator.levels[level - 1].map { self.witnesses(of: $0, in: inventory, context: context) } ?? []
                    : []
                return LevelEvidence(
                    level: level, state: state, evidence: spec.evidence,
                    description: spec.description?.text(in: language),
                    witnesses: holders
                )
            }
            return IndicatorEvidence(indicatorIndex: indicator.index, level: result.level, levels: levels)
        }
    }

    private func witnesses(of criterion: CompiledExpression, in inventory: InventoryData, context: EvaluationContext)
        -> [Witness]
    {
        let records = Set(criterion.referencedFields.map(\.record))
        var found: [Witness] = []
        context.resetCost(limit: budget.perRule)
        for (slot, collection) in pack.schema.collections.enumerated() where records.contains(collection.name) {
            for record in inventory.collections[slot] {
                guard found.count < Self.maxWitnesses else { return found }
                var collections = inventory.collections
                collections[slot] = [record]
                context.inventory = InventoryData(
                    source: inventory.source, header: inventory.header, collections: collections)
                if criterion.truth(context) == true {
                    found.append(Witness(collection: collection.name, record: record.key, location: record.location))
                }
                if context.costExceeded { break }
            }
        }
        if found.isEmpty, records.contains(pack.schema.header.name) {
            found.append(
                Witness(collection: pack.schema.header.name, record: "opd", location: inventory.header.location))
        }
        context.inventory = nil
        return found
    }
}

import DataModel

/// A pemda (regency or city) evaluated as a whole: the folder that holds its own inventory (`opd.kind: pemda`)
/// and one inventory per OPD.
public struct RegencyEvaluation: Sendable {
    /// The folder.
    public let folder: String
    /// The pemda's name (the `pemda` field of its own inventory, else its `name`).
    public let name: String
    /// The joint evaluation: every indicator's level from the evidence of all the inventories together.
    public let pemda: InventoryEvaluation
    /// Positions of the folder's inventories among the run's evaluations, in input order.
    public let members: [Int]
    /// What shows only across OPDs.
    public let crossFindings: [CrossOPDFinding]
}

/// Finds the pemdas among a run's inventories and evaluates each as a whole.
public struct RegencyEvaluator {
    /// The evaluator used for the joint inventory.
    public let evaluator: Evaluator

    /// Creates a regency evaluator.
    public init(evaluator: Evaluator) { self.evaluator = evaluator }

    /// One evaluation per folder that holds a pemda's own inventory (`opd.kind: pemda`) among `inventories`.
    /// Throws when evaluating a pemda's joint inventory goes over a cost budget.
    public func evaluate(_ inventories: [InventoryData]) throws(CostExceeded) -> [RegencyEvaluation] {
        let schema = evaluator.pack.schema
        guard let kindSlot = schema.header.slot(of: "kind") else { return [] }
        var byFolder: [String: [Int]] = [:]
        for (position, inventory) in inventories.enumerated() {
            byFolder[folder(of: inventory.source), default: []].append(position)
        }
        var evaluations: [RegencyEvaluation] = []
        for folder in byFolder.keys.sorted() {
            let members = byFolder[folder] ?? []
            guard let own = members.first(where: { inventories[$0].header.values[kindSlot] == .string("pemda") }) else { continue }
            let group = members.map { inventories[$0] }
            guard let joint = InventoryMerge.merge(group, schema: schema, source: folder) else { continue }
            let header = inventories[own].header
            let name = ["pemda", "name"].lazy.compactMap { schema.header.slot(of: $0) }
                .map { header.values[$0] }.first { !$0.isNull }?.description ?? folder
            evaluations.append(RegencyEvaluation(
                folder: folder, name: name, pemda: try evaluator.evaluate(joint), members: members,
                crossFindings: CrossOPDChecks(schema: schema).findings(group)
            ))
        }
        return evaluations
    }

    private func folder(of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
    }
}

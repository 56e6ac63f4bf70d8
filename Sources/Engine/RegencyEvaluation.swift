import DataModel

/// A pemda (regency or city) evaluated as a whole: the folder that holds its own inventory (`opd.kind: pemda`)
/// and one inventory per OPD, or two or more inventories naming the pemda given as loose files.
public struct RegencyEvaluation: Sendable {
    /// The folder: the pemda folder, or the folder the loose files share (`.` when they share none).
    public let folder: String
    /// The pemda's name (the `pemda` field of its own inventory, else its `name`; the loose files' `pemda`).
    public let name: String
    /// The joint evaluation: every indicator's level from the evidence of all the inventories together.
    public let pemda: InventoryEvaluation
    /// The evaluation of each of the folder's inventories (the pemda's own among them), in input order, as an
    /// OPD of the pemda: its pemda-level indicators (`pemda_level:`) take the joint evaluation's level
    /// (`IndicatorResult.fromPemda`), so that its simulated index moves only with what the OPD itself controls.
    public let members: [InventoryEvaluation]
    /// What shows only across OPDs.
    public let crossFindings: [CrossOPDFinding]
}

/// Finds the pemdas among a run's inventories and evaluates each as a whole.
public struct RegencyEvaluator {
    /// The evaluator used for the joint inventory.
    public let evaluator: Evaluator

    /// Creates a regency evaluator.
    public init(evaluator: Evaluator) { self.evaluator = evaluator }

    /// The folders of `inventories` that hold a pemda's own inventory (`opd.kind: pemda`).
    public static func pemdaFolders(_ inventories: [InventoryData], schema: InventorySchema) -> Set<String> {
        guard let kindSlot = schema.header.slot(of: "kind") else { return [] }
        return Set(inventories.filter { $0.header.values[kindSlot] == .string("pemda") }.map { folder(of: $0.source) })
    }

    /// One evaluation per folder that holds a pemda's own inventory (`opd.kind: pemda`) among `inventories`.
    /// `evaluations`, when given, are the evaluations of `inventories` (one each, in the same order) by an
    /// evaluator of the same run: the members are then not evaluated again. Throws when evaluating a pemda's
    /// joint inventory, or a member without a given evaluation, goes over a cost budget.
    public func evaluate(
        _ inventories: [InventoryData], evaluations: [InventoryEvaluation]? = nil
    ) throws(CostExceeded) -> [RegencyEvaluation] {
        precondition(evaluations.map { $0.count == inventories.count } ?? true, "one evaluation per inventory")
        let schema = evaluator.pack.schema
        guard let kindSlot = schema.header.slot(of: "kind") else { return [] }
        var byFolder: [String: [Int]] = [:]
        for (position, inventory) in inventories.enumerated() {
            byFolder[Self.folder(of: inventory.source), default: []].append(position)
        }
        var regencies: [RegencyEvaluation] = []
        for folder in byFolder.keys.sorted() {
            guard
                let own = byFolder[folder]?.first(where: { inventories[$0].header.values[kindSlot] == .string("pemda") }
                )
            else { continue }
            let members = Self.sharingPemda(with: own, among: byFolder[folder] ?? [], inventories, schema: schema)
            let header = inventories[own].header
            let name =
                ["pemda", "name"].lazy.compactMap { schema.header.slot(of: $0) }
                .map { header.values[$0] }.first { !$0.isNull }?.description ?? folder
            let regency = try evaluate(
                members.map { inventories[$0] }, evaluations: members.map { evaluations?[$0] }, folder: folder,
                name: name)
            if let regency { regencies.append(regency) }
        }
        return regencies
    }

    /// The evaluation of `group`, the inventories of one pemda, as a whole under `folder` and `name`;
    /// `evaluations` holds the evaluation of each member already made (nil where there is none). Nil when the
    /// inventories cannot be merged.
    func evaluate(
        _ group: [InventoryData], evaluations: [InventoryEvaluation?], folder: String, name: String
    ) throws(CostExceeded) -> RegencyEvaluation? {
        let schema = evaluator.pack.schema
        guard let joint = InventoryMerge.merge(group, schema: schema, source: folder) else { return nil }
        let memberEvaluations = try zip(group, evaluations).map { inventory, given throws(CostExceeded) in
            if let given { return given }
            return try evaluator.evaluate(inventory)
        }
        let pemda = try evaluator.evaluate(joint)
        return RegencyEvaluation(
            folder: folder, name: name, pemda: pemda,
            members: memberEvaluations.map { $0.withinPemda(pemda, pack: evaluator.pack) },
            crossFindings: CrossOPDChecks(schema: schema).findings(group)
        )
    }

    /// The positions among `positions` of the inventories of the same pemda as the one at `own`, or naming none:
    /// an OPD of another pemda that sits in the folder is never counted in this pemda's estimate.
    private static func sharingPemda(
        with own: Int, among positions: [Int], _ inventories: [InventoryData], schema: InventorySchema
    ) -> [Int] {
        let pemda = PemdaIdentity(header: inventories[own].header, schema: schema)
        return positions.filter { position in
            let other = PemdaIdentity(header: inventories[position].header, schema: schema)
            return other == pemda || !other.isNamed
        }
    }

    /// The folder part of `path` (`.` for a bare file name).
    public static func folder(of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
    }
}

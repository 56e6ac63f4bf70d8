import DataModel
import Diagnostics
import Engine
import Inventories
import Spreadsheets

/// The inventories named by a front end, all held at once (for `spbe score` and `spbe evidence`, which combine
/// them): files as given, folders searched; each loaded in its format (YAML, JSON, XLSX or a CSV folder)
/// against the pack's schema. Pack, fixture and waiver files met in a folder are passed over.
public struct InventoryInputs: Sendable {
    /// The files found, in path order.
    public let files: [String]
    /// Every inventory that loaded, in path order.
    public let inventories: [InventoryData]
    /// Whether a path could not be used or an inventory did not load.
    public let failed: Bool

    /// Loads the inventories of `paths` with `reader`, taking at most `maxFiles` files from folders; the
    /// diagnostics of the paths, then of each file in turn, go to `diagnose` with the texts they point into.
    public static func load(
        _ paths: [String], reader: InventoryReader, maxFiles: Int, diagnose: ([Diagnostic], SourceStore) -> Void
    ) -> InventoryInputs {
        let inputs = CheckInputs(paths: paths, maxFiles: maxFiles)
        diagnose(inputs.diagnostics, [:])
        var inventories: [InventoryData] = []
        var failed = !inputs.diagnostics.isEmpty
        for file in inputs.files {
            let loaded = reader.load(path: file)
            if loaded.isPassedOver(file, given: paths) { continue }
            diagnose(loaded.diagnostics, loaded.sources)
            if let inventory = loaded.inventory { inventories.append(inventory) } else { failed = true }
        }
        return InventoryInputs(files: inputs.files, inventories: inventories, failed: failed)
    }

    /// The inventories as one: a single OPD's, or a pemda's from the evidence of all of them; nil, with an error
    /// handed to `diagnose`, when they belong to several pemdas, whose evidence is never mixed.
    public func combined(
        schema: InventorySchema, source: String, diagnose: ([Diagnostic], SourceStore) -> Void
    ) -> InventoryData? {
        let groups = PemdaGroups(inventories, schema: schema)
        guard groups.count <= 1 else {
            let names = groups.pemdas.map { $0.isNamed ? "'\($0.name)'" : "one naming none" }.joined(separator: ", ")
            diagnose(
                [
                    Diagnostic(
                        .error, code: "inventory.several_pemdas",
                        "the inventories belong to \(groups.count) pemdas (\(names))", at: nil,
                        suggestion:
                            "give the inventories of one pemda at a time; 'spbe score' gives each pemda its own estimate"
                    )
                ], [:])
            return nil
        }
        return inventories.count == 1
            ? inventories.first : InventoryMerge.merge(inventories, schema: schema, source: source)
    }
}

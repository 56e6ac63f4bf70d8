import DataModel
import Diagnostics
import Engine
import Inventories
import Spreadsheets

/// The inventories named on the command line: files as given, folders searched; each loaded in its format
/// (YAML, JSON, XLSX or a CSV folder) against the pack's schema, with its diagnostics printed. Pack, fixture and waiver files met in a folder are passed over.
struct InventoryInputs {
    /// The files found, in path order (for refusing to write reports over them).
    let files: [String]
    /// Every inventory that loaded, in path order.
    let inventories: [InventoryData]
    /// Whether a path could not be used or an inventory did not load.
    let failed: Bool

    static func load(_ paths: [String], reader loader: InventoryReader, maxFiles: Int, printer: inout DiagnosticPrinter) -> InventoryInputs {
        let discovered = InventoryDiscovery.files(in: paths, maxFiles: maxFiles)
        printer.print(discovered.diagnostics)
        var inventories: [InventoryData] = []
        var failed = !discovered.diagnostics.isEmpty
        for file in discovered.files {
            let loaded = loader.load(path: file)
            if loaded.isPassedOver(file, given: paths) { continue }
            printer.print(loaded.diagnostics, sources: loaded.sources)
            if let inventory = loaded.inventory { inventories.append(inventory) } else { failed = true }
        }
        return InventoryInputs(files: discovered.files, inventories: inventories, failed: failed)
    }

    /// The inventories as one: a single OPD's, or a pemda's from the evidence of all of them; nil, with an error,
    /// when they belong to several pemdas, whose evidence is never mixed.
    func combined(schema: InventorySchema, source: String, printer: inout DiagnosticPrinter) -> InventoryData? {
        let groups = PemdaGroups(inventories, schema: schema)
        guard groups.count <= 1 else {
            let names = groups.pemdas.map { $0.isNamed ? "'\($0.name)'" : "one naming none" }.joined(separator: ", ")
            printer.print([Diagnostic(
                .error, code: "inventory.several_pemdas", "the inventories belong to \(groups.count) pemdas (\(names))", at: nil,
                suggestion: "give the inventories of one pemda at a time; 'spbe score' gives each pemda its own estimate"
            )])
            return nil
        }
        return inventories.count == 1 ? inventories.first : InventoryMerge.merge(inventories, schema: schema, source: source)
    }
}

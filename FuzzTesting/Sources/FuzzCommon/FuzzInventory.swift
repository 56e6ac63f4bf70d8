import DataModel
import Engine
import Inventories
import YAMLSource

/// The body of the inventory fuzz targets (YAML and JSON): the input is read as an inventory file (limits, UTF-8,
/// anchors, merge keys, duplicate keys), typed against the bundled SPBE pack's schema both straight from the
/// parser's events and through the node tree (which must agree), and evaluated by its rules when it loads.
public enum FuzzInventory {
    private static let loader = InventoryLoader(schema: FuzzFixtures.spbePack.schema)
    // libFuzzer calls the target on one thread.
    nonisolated(unsafe) private static let evaluator = Evaluator(pack: FuzzFixtures.spbePack, asOf: FuzzFixtures.asOf)

    /// Runs one input as the file `path` (its extension says YAML or JSON); always 0, as libFuzzer expects.
    public static func run(_ input: UnsafeRawBufferPointer, path: String) -> CInt {
        if let inventory = loadBothWays([UInt8](input), path: path) {
            _ = try? evaluator.evaluate(inventory)
        }
        return 0
    }

    /// Loads `bytes` as the file `path` both ways, through `InventoryLoader.load(bytes:path:)` (straight from the
    /// parser's events when it can) and through the node tree alone, and traps unless they agree: the event
    /// reader may only take a shortcut to the very records the tree gives. Returns the inventory.
    private static func loadBothWays(_ bytes: [UInt8], path: String) -> InventoryData? {
        let direct = loader.load(bytes: bytes, path: path).inventory
        guard case .success(let document) = YAMLReader.parse(bytes: bytes, path: path, limits: loader.limits) else {
            precondition(direct == nil, "the event reader accepted a text the composer rejects")
            return nil
        }
        let tree = loader.load(document).inventory
        precondition((direct == nil) == (tree == nil), "the two readers disagree on whether the inventory loads")
        if let direct, let tree {
            precondition(direct.source == tree.source && same(direct.header, tree.header), "headers differ")
            precondition(direct.collections.count == tree.collections.count, "collections differ")
            for (first, second) in zip(direct.collections, tree.collections) {
                precondition(first.count == second.count && zip(first, second).allSatisfy(same), "records differ")
            }
        }
        return tree
    }

    private static func same(_ first: Record, _ second: Record) -> Bool {
        first.values == second.values && first.location == second.location && first.key == second.key
    }
}

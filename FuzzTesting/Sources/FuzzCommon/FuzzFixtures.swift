import DataModel
import Engine
import Foundation
import Inventories
import Packs
import YAMLSource

/// The fixed pack, schema and inventory every fuzz target runs against, loaded once from the repository.
public enum FuzzFixtures {
    /// The repository root (the folder above FuzzTesting/), found from this file's path at build time.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled SPBE pack, compiled: its schema types fuzzed inventories, its rules evaluate them.
    public static let spbePack: CompiledPack = compiledPack("rules/spbe-2020")

    /// The small test pack of the main package, compiled: its schema is the one fuzzed expressions are checked against.
    public static let miniPack: CompiledPack = compiledPack("Tests/Fixtures/packs/mini")

    /// A small valid inventory of the mini pack, for evaluating fuzzed expressions.
    public static let miniInventory: InventoryData = {
        let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml").path
        guard let inventory = InventoryLoader(schema: miniPack.schema).load(path: path).inventory else {
            fatalError("fuzz fixture inventory \(path) does not load")
        }
        return inventory
    }()

    /// Loads `bytes` as the file `path` both ways, through `InventoryLoader.load(bytes:path:)` (straight from the
    /// parser's events when it can) and through the node tree alone, and traps unless they agree: the event
    /// reader may only take a shortcut to the very records the tree gives. Returns the inventory.
    public static func loadBothWays(_ bytes: [UInt8], path: String, loader: InventoryLoader) -> InventoryData? {
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

    /// The evaluation date of every fuzz run.
    public static let asOf = Day(year: 2025, month: 6, day: 30)!

    private static func compiledPack(_ relative: String) -> CompiledPack {
        let path = repositoryRoot.appendingPathComponent(relative).path
        guard let pack = PackLoader.load(path: path).pack, let compiled = PackCompiler.compile(pack).pack else {
            fatalError("fuzz fixture pack \(path) does not compile")
        }
        return compiled
    }
}

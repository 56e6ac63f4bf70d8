import DataModel
import Engine
import Foundation
import Inventories
import Packs

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

import Engine
import FuzzCommon
import Inventories

// Fuzzes the inventory reader for YAML: the input is composed as a .yaml file (limits, UTF-8, anchors, merge
// keys, duplicate keys), typed against the bundled SPBE pack's schema both straight from the parser's events and
// through the node tree (which must agree), and evaluated by its rules when it loads.

private let pack = FuzzFixtures.spbePack
private let loader = InventoryLoader(schema: pack.schema)
// libFuzzer calls the target on one thread.
nonisolated(unsafe) private let evaluator = Evaluator(pack: pack, asOf: FuzzFixtures.asOf)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventoryYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    if let inventory = FuzzFixtures.loadBothWays(bytes, path: "fuzz.yaml", loader: loader) {
        _ = try? evaluator.evaluate(inventory)
    }
    return 0
}

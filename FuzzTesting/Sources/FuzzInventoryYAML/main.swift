import Engine
import FuzzCommon
import Inventories
import YAMLSource

// Fuzzes the inventory reader for YAML: the input is composed as a .yaml file (limits, UTF-8, anchors, merge
// keys, duplicate keys), typed against the bundled SPBE pack's schema, and evaluated by its rules when it loads.

private let pack = FuzzFixtures.spbePack
private let loader = InventoryLoader(schema: pack.schema)
// libFuzzer calls the target on one thread.
nonisolated(unsafe) private let evaluator = Evaluator(pack: pack, asOf: FuzzFixtures.asOf)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventoryYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    guard case .success(let document) = YAMLReader.parse(bytes: bytes, path: "fuzz.yaml") else { return 0 }
    if let inventory = loader.load(document).inventory {
        _ = try? evaluator.evaluate(inventory)
    }
    return 0
}

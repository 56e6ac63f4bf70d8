import FuzzCommon

// Fuzzes the inventory reader for YAML: see `FuzzInventory`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventoryYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzInventory.run(UnsafeRawBufferPointer(start: start, count: count), path: "fuzz.yaml")
}

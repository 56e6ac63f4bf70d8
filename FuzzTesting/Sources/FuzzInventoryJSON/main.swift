import FuzzCommon

// Fuzzes the inventory reader for JSON: see `FuzzInventory`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventoryJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzInventory.run(UnsafeRawBufferPointer(start: start, count: count), path: "fuzz.json")
}

import FuzzCommon

// Fuzzes the CSV inventory reader (encodings, quotes, headers, cells) and the conversions of what it reads: see
// `FuzzSpreadsheet`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSpreadsheet.runCSV(UnsafeRawBufferPointer(start: start, count: count))
}

import FuzzCommon

// Fuzzes the workbook reader (zip, XML parts, cells) and the conversions of what it reads: see `FuzzSpreadsheet`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSpreadsheet.runWorkbook(UnsafeRawBufferPointer(start: start, count: count))
}

import Engine
import Foundation
import FuzzCommon
import Packs

// Fuzzes the pack loader and compiler: the input is written as the one file of a pack folder, loaded (with
// every section, composition and validation), and compiled when it loads.

private let folder: String = {
    let path = NSTemporaryDirectory() + "spbe-fuzz-pack-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()
private let file = folder + "/pack.yaml"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPack(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard (try? data.write(to: URL(fileURLWithPath: file))) != nil else { return 0 }
    let loaded = PackLoader.load(path: folder)
    if let pack = loaded.pack {
        _ = PackCompiler.compile(pack)
    }
    return 0
}

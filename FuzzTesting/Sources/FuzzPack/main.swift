import Engine
import Foundation
import FuzzCommon
import Inventories
import Packs
import Reporting

// Fuzzes the pack loader and compiler, and what a pack's numbers and texts reach afterwards: the input is
// written as the one file of a pack folder and loaded (every section, composition and validation); when it
// compiles, the small test inventory is loaded against its schema, evaluated, and rendered in every report
// format (scores, recommendations and the cheapest plan included).

private let folder: String = {
    let path = NSTemporaryDirectory() + "spbe-fuzz-pack-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()
private let file = folder + "/pack.yaml"
private let inventoryPath = FuzzFixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-weak.yaml").path

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPack(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard (try? data.write(to: URL(fileURLWithPath: file))) != nil else { return 0 }
    let loaded = PackLoader.load(path: folder)
    guard let pack = loaded.pack, let compiled = PackCompiler.compile(pack).pack else { return 0 }
    guard let inventory = InventoryLoader(schema: compiled.schema).load(path: inventoryPath).inventory,
          let evaluation = try? Evaluator(pack: compiled, asOf: FuzzFixtures.asOf).evaluate(inventory) else { return 0 }
    let report = Report(pack: compiled, asOf: FuzzFixtures.asOf, evaluations: [evaluation], failOn: .high, toolVersion: "fuzz")
    for format in ReportFormat.allCases { _ = format.render(report) }
    return 0
}

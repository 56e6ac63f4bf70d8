import Foundation
import Testing

/// The `--max-*` flags bound every reader: CSV and XLSX inventories and a CSV inventory's `opd.yaml` as well as
/// YAML files, and the pack of the commands that only read inventories. The mini pack's files are at most 1,386
/// bytes, 7 levels deep, about 150 values and 100-byte scalars, so the small limits below leave it loading.
@Suite("limits given on the command line", .serialized)
struct LimitFlagTests {
    let mini = "Tests/Fixtures/packs/mini"

    @Test("the commands that read only the pack's schema load it within the limits", arguments: [
        ["inventory", "validate", "Tests/Fixtures/inventories/mini-good.yaml"],
        ["inventory", "template", "--format", "csv", FileManager.default.temporaryDirectory.appendingPathComponent("spbe-limits-template").path],
    ])
    func schemaCommands(_ arguments: [String]) throws {
        let result = try SPBEProcess.run(arguments + ["--pack", mini, "--max-file-size", "1000"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[input.too_large]: 'Tests/Fixtures/packs/mini/rules.yaml' is too large ("), "\(result.stderr)")
        #expect(result.stderr.contains("the limit is 1000 bytes)"), "\(result.stderr)")
    }
}

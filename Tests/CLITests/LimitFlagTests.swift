import Foundation
import Testing

/// The `--max-*` flags bound every reader: CSV and XLSX inventories and a CSV inventory's `opd.yaml` as well as
/// YAML files, and the pack of the commands that only read inventories. The mini pack's files are at most 1,386
/// bytes, 7 levels deep, about 150 values and 100-byte scalars, so the small limits below leave it loading.
@Suite("limits given on the command line", .serialized)
struct LimitFlagTests {
    let mini = "Tests/Fixtures/packs/mini"
    let good = "Tests/Fixtures/inventories/mini-good.yaml"

    /// `mini-good.yaml` converted to `name` (a CSV folder, or an `.xlsx` workbook) in a fresh folder.
    private func converted(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent(name)
        let result = try SPBEProcess.run(["inventory", "convert", "--pack", mini, good, output.path])
        #expect(result.status == 0, "\(result.stderr)")
        return output
    }

    /// A CSV inventory with `count` more applications (about 40 bytes and 6 cells each), the first named `name`.
    private func csvInventory(applications count: Int, name: String = "Aplikasi") throws -> URL {
        let folder = try converted("inventory")
        let file = folder.appendingPathComponent("applications.csv")
        let rows = (0..<count).map { "APP-X\($0),\($0 == 0 ? name : "Aplikasi \($0)"),umum,pdn,2024-11-02,true\n" }
        try Data((try String(contentsOf: file, encoding: .utf8) + rows.joined()).utf8).write(to: file)
        return folder
    }

    private func check(_ arguments: [String]) throws -> SPBEProcess.Result {
        try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--fail-on", "none"] + arguments)
    }

    @Test("a CSV file over --max-file-size is refused with its size and the limit, exit 2")
    func csvFileSize() throws {
        let folder = try csvInventory(applications: 60)
        let file = folder.appendingPathComponent("applications.csv").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(size > 2000)
        #expect(try check([folder.path]).status == 0)
        let result = try check(["--max-file-size", "2000", folder.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error[input.too_large]: '\(file)' is too large (\(size) bytes; the limit is 2000 bytes)"),
            "\(result.stderr)")
    }

    @Test("an XLSX workbook over --max-file-size is refused with its size and the limit, exit 2")
    func workbookFileSize() throws {
        let workbook = try converted("inventory.xlsx").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: workbook)[.size] as? Int)
        #expect(size > 2000)
        #expect(try check([workbook]).status == 0)
        let result = try check(["--max-file-size", "2000", workbook])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error[xlsx.too_large]: refusing workbook '\(workbook)': it is \(size) bytes; the limit is 2000 bytes"),
            "\(result.stderr)")
    }

    @Test("a cell over --max-scalar-size, and more cells than --max-nodes, are refused, exit 2")
    func cells() throws {
        let long = try csvInventory(applications: 1, name: String(repeating: "x", count: 150))
        #expect(try check([long.path]).status == 0)
        let tooLong = try check(["--max-scalar-size", "100", long.path])
        #expect(tooLong.status == 2)
        #expect(
            tooLong.stderr.contains("error[sheet.too_large]: a cell of 150 bytes (the limit is 100)"),
            "\(tooLong.stderr)")

        let many = try csvInventory(applications: 60)
        let tooMany = try check(["--max-nodes", "200", many.path])
        #expect(tooMany.status == 2)
        #expect(
            tooMany.stderr.contains("error[sheet.too_large]: too many cells in the inventory (the limit is 200)"),
            "\(tooMany.stderr)")
    }

    @Test("a CSV inventory's opd.yaml is read within --max-depth")
    func headerDepth() throws {
        let folder = try converted("inventory")
        let header = folder.appendingPathComponent("opd.yaml")
        let deep = String(repeating: "[", count: 10) + "1" + String(repeating: "]", count: 10)
        try Data((try String(contentsOf: header, encoding: .utf8) + "catatan: \(deep)\n").utf8).write(to: header)
        #expect(try check([folder.path]).status == 0)
        let result = try check(["--max-depth", "8", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(header.path):"), "\(result.stderr)")
        #expect(result.stderr.contains("error[yaml.too_deep]"), "\(result.stderr)")
    }

    @Test(
        "the commands that read only the pack's schema load it within the limits",
        arguments: [
            ["inventory", "validate", "Tests/Fixtures/inventories/mini-good.yaml"],
            [
                "inventory", "template", "--format", "csv",
                FileManager.default.temporaryDirectory.appendingPathComponent("spbe-limits-template").path,
            ],
        ])
    func schemaCommands(_ arguments: [String]) throws {
        let result = try SPBEProcess.run(arguments + ["--pack", mini, "--max-file-size", "1000"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("error[input.too_large]: 'Tests/Fixtures/packs/mini/rules.yaml' is too large ("),
            "\(result.stderr)")
        #expect(result.stderr.contains("the limit is 1000 bytes)"), "\(result.stderr)")
    }

    @Test(
        "--max-findings stops an inventory with more findings than that, naming it and the flag; at the limit it passes"
    )
    func maxFindings() throws {
        let weak = "Tests/Fixtures/inventories/mini-weak.yaml"
        let arguments = ["check", "--pack", mini, "--as-of", "2025-06-30", "--fail-on", "none", "--format", "json"]
        let whole = try SPBEProcess.run(arguments + [weak])
        let report = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any]
        let findings = JSONReportFindings.of((report?["inventories"] as? [[String: Any]])?.first).count
        #expect(findings >= 2)
        #expect(try SPBEProcess.run(arguments + ["--max-findings", "\(findings)", weak]).status == 0)
        let over = try SPBEProcess.run(arguments + ["--max-findings", "\(findings - 1)", weak])
        #expect(over.status == 2)
        #expect(
            over.stderr.contains("error[eval.too_many_findings]: '\(weak)' has more than \(findings - 1) findings"),
            "\(over.stderr)")
        #expect(over.stderr.contains("--max-findings"))
    }

    @Test("--max-report-size refuses a larger report file and writes nothing")
    func maxReportSize() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-limits-\(UUID().uuidString).json"
        ).path
        let result = try SPBEProcess.run([
            "check", "--pack", mini, "--as-of", "2025-06-30", "--quiet", "--max-report-size", "100", "--output",
            "json=\(output)", good,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("over the limit of 100; nothing was written to it"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

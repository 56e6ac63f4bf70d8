import Foundation
import Testing

@Suite("spbe inventory and spreadsheet inventories", .serialized)
struct InventoryCommandTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The JSON report without `source` and `location`, which name the files.
    private func findings(_ arguments: [String]) throws -> NSObject {
        let result = try SPBEProcess.run(
            ["check", "--as-of", "2025-06-30", "--format", "json", "--fail-on", "none"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return stripped(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    }

    private func stripped(_ value: Any) -> NSObject {
        if let object = value as? [String: Any] {
            return NSDictionary(
                dictionary: object.filter { $0.key != "source" && $0.key != "location" }.mapValues(stripped))
        }
        if let array = value as? [Any] { return NSArray(array: array.map(stripped)) }
        return value as! NSObject
    }

    @Test(
        "the CSV and XLSX examples give the same findings as their YAML and JSON twins",
        arguments: [
            ("examples/csv/dinkes-sleman", "examples/dinkes-sleman.yaml"),
            ("examples/xlsx/dpmptsp-sleman.xlsx", "examples/dpmptsp-sleman.json"),
        ])
    func twins(sheet: String, twin: String) throws {
        #expect(try findings([sheet]) == (try findings([twin])))
    }

    @Test("findings of a spreadsheet inventory point at its file and row")
    func findingLocations() throws {
        let text = try SPBEProcess.run([
            "check", "--as-of", "2025-06-30", "--fail-on", "none", "examples/xlsx/dpmptsp-sleman.xlsx",
            "examples/csv/dinkes-sleman",
        ]).stdout
        #expect(text.contains("examples/xlsx/dpmptsp-sleman.xlsx:applications!A"))
        #expect(text.contains("examples/csv/dinkes-sleman/applications.csv:"))
    }

    @Test("the spreadsheet examples are exactly what the converter makes of their twins")
    func examplesAreConverted() throws {
        let folder = try temporaryFolder()
        let csv = folder.appendingPathComponent("dinkes-sleman").path
        #expect(try SPBEProcess.run(["inventory", "convert", "examples/dinkes-sleman.yaml", csv]).status == 0)
        for name in ["opd.yaml", "applications.csv", "documents.csv", "services.csv", "infrastructure.csv"] {
            let made = try Data(contentsOf: URL(fileURLWithPath: csv).appendingPathComponent(name))
            let committed = try Data(
                contentsOf: SPBEProcess.packageRoot.appendingPathComponent("examples/csv/dinkes-sleman/\(name)"))
            #expect(made == committed, "examples/csv/dinkes-sleman/\(name) differs from the converter's output")
        }
        let workbook = folder.appendingPathComponent("dpmptsp-sleman.xlsx").path
        #expect(try SPBEProcess.run(["inventory", "convert", "examples/dpmptsp-sleman.json", workbook]).status == 0)
        let fresh = folder.appendingPathComponent("fresh.yaml").path
        let committed = folder.appendingPathComponent("committed.yaml").path
        #expect(try SPBEProcess.run(["inventory", "convert", workbook, fresh]).status == 0)
        #expect(
            try SPBEProcess.run(["inventory", "convert", "examples/xlsx/dpmptsp-sleman.xlsx", committed]).status == 0)
        #expect(
            try String(contentsOfFile: fresh, encoding: .utf8) == String(contentsOfFile: committed, encoding: .utf8))
    }

    @Test("a wrong cell is reported at file.csv:line:column and exits 2")
    func cellError() throws {
        let folder = try temporaryFolder().appendingPathComponent("dinas-uji")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("spbe_inventory: 1\nopd: {id: U-01, name: Dinas Uji}\n".utf8).write(
            to: folder.appendingPathComponent("opd.yaml"))
        try Data("id,name,type,year_built,hostng\nAPP-01,SIMPUS,khusus,dua ribu,pdn\n".utf8).write(
            to: folder.appendingPathComponent("applications.csv"))
        for command in [["check", folder.path], ["inventory", "validate", folder.path]] {
            let result = try SPBEProcess.run(command)
            #expect(result.status == 2)
            #expect(
                result.stderr.contains(
                    "\(folder.path)/applications.csv:2:4: error[sheet.type]: applications.year_built expects a whole number, found 'dua ribu'"
                ), "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "\(folder.path)/applications.csv:1:5: warning[sheet.unknown_column]: unknown column 'hostng' in applications is ignored; did you mean 'hosting'?"
                ))
        }
    }

    @Test("validate checks the schema only: exit 0 on the examples, every inventory named")
    func validate() throws {
        let result = try SPBEProcess.run(["inventory", "validate", "examples/"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid: examples/csv/dinkes-sleman\n"))
        #expect(result.stdout.contains("valid: examples/xlsx/dpmptsp-sleman.xlsx\n"))
        #expect(result.stdout.contains("valid: examples/kabupaten-bantul/pemda.yaml\n"))
    }

    @Test("templates are written once; a second run refuses to overwrite them")
    func template() throws {
        let folder = try temporaryFolder().path
        let first = try SPBEProcess.run(["inventory", "template", "--format", "xlsx", folder])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "created \(folder)/inventory.xlsx\n")
        let second = try SPBEProcess.run(["inventory", "template", "--format", "xlsx", folder])
        #expect(second.status == 2)
        #expect(second.stderr.contains("error[convert.exists]"))
        #expect(try SPBEProcess.run(["inventory", "template", "--format", "csv", folder + "/csv"]).status == 0)
        #expect(try SPBEProcess.run(["inventory", "template", "--format", "pdf", folder]).status == 64)
    }

    @Test("convert never overwrites its input and replaces other files atomically")
    func convertSafety() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("opd.yaml").path
        try FileManager.default.copyItem(
            atPath: SPBEProcess.packageRoot.appendingPathComponent("examples/dinkes-sleman.yaml").path, toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let result = try SPBEProcess.run(["inventory", "convert", input, input])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[convert.overwrite_input]"))
        let csvFolder = folder.appendingPathComponent("csv").path
        #expect(try SPBEProcess.run(["inventory", "convert", input, csvFolder]).status == 0)
        let intoItself = try SPBEProcess.run(["inventory", "convert", csvFolder, csvFolder])
        #expect(intoItself.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        let again = try SPBEProcess.run(["inventory", "convert", input, folder.appendingPathComponent("out.json").path])
        #expect(again.status == 0)
        #expect(
            try SPBEProcess.run(["inventory", "convert", input, folder.appendingPathComponent("out.json").path]).status
                == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("--encoding takes utf-8 or windows-1252")
    func encodingOption() throws {
        #expect(try SPBEProcess.run(["check", "--encoding", "latin-9", "examples/csv/dinkes-sleman"]).status == 64)
        #expect(
            try SPBEProcess.run(["inventory", "validate", "--encoding", "windows-1252", "examples/csv/dinkes-sleman"])
                .status == 0)
    }
}

@Suite("other spbe files among inventories", .serialized)
struct OtherSpbeFileTests {
    static let commands = [
        ["check", "--as-of", "2025-06-30", "--fail-on", "none"], ["score", "--as-of", "2025-06-30"],
        ["inventory", "validate"],
    ]

    @Test("a waiver file in a folder is passed over; named on its own it is an error, exit 2", arguments: commands)
    func passedOver(_ command: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-other-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml"),
            to: folder.appendingPathComponent("opd.yaml")
        )
        let waivers = folder.appendingPathComponent("waivers.yaml")
        try Data("spbe_waivers: 1\nwaivers: []\n".utf8).write(to: waivers)
        let arguments = command + ["--pack", "Tests/Fixtures/packs/mini"]
        let walked = try SPBEProcess.run(arguments + [folder.path])
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stderr.isEmpty, "\(walked.stderr)")
        let named = try SPBEProcess.run(arguments + [waivers.path])
        #expect(named.status == 2)
        #expect(
            named.stderr.contains("error[input.not_inventory]: '\(waivers.path)' is not an inventory"),
            "\(named.stderr)")
    }
}

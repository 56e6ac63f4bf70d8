import ArgumentParser
import Authoring
import CheckRun
import Foundation
import OutputSafety
import Spreadsheets

/// `spbe init pack|inventory DIR`: a commented starting point that passes lint.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a starting point: a small rule pack with fixtures, or an inventory to fill in.",
        discussion: """
            'spbe init pack DIR' writes a complete pack (metadata, framework, schema, an indicator, a rule and \
            fixtures) that passes 'spbe pack lint' and 'spbe pack test --coverage', with pack.schema.json for editors. \
            'spbe init inventory DIR' writes inventory.yaml from the pack's schema (default: the bundled SPBE pack) \
            with inventory.schema.json for editors. Existing files are never overwritten.
            """
    )

    /// What to create.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case pack, inventory
    }

    @Argument(help: ArgumentHelp("What to create: pack or inventory.", valueName: "kind"))
    var kind: Kind

    @Argument(help: ArgumentHelp("The folder to create the files in (created when missing).", valueName: "dir"))
    var directory: String

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let files: [(path: String, contents: String)]
        switch kind {
        case .pack:
            let id = URL(fileURLWithPath: directory).lastPathComponent
            files =
                PackScaffold.files(id: id.isEmpty ? "paket-baru" : id) + [
                    ("pack.schema.json", PackJSONSchema.generate().rendered())
                ]
        case .inventory:
            let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer).pack
            files = [
                ("inventory.yaml", InventoryScaffold.yaml(for: pack, schemaFile: "inventory.schema.json")),
                ("inventory.schema.json", InventoryJSONSchema.generate(for: pack).rendered()),
            ]
        }
        let outputs = files.map {
            OutputFile(path: (directory as NSString).appendingPathComponent($0.path), data: Data($0.contents.utf8))
        }
        let problems = AtomicFileWriter.write(outputs, protected: [], replaceExisting: false)
        printer.print(problems)
        guard problems.isEmpty else { throw ExitStatus.inputError }
        for file in outputs { Terminal.printOutput("created \(file.path)\n") }
    }
}

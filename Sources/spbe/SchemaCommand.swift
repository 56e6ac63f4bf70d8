import ArgumentParser
import Authoring
import CheckRun
import Packs

/// `spbe schema inventory|pack`: JSON Schemas for editors (yaml-language-server) and validators.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print a JSON Schema for inventory files (from a pack's schema), for pack files, or for the JSON report.",
        discussion: """
            Save it next to your files and point editors at it: a YAML file starting with \
            '# yaml-language-server: $schema=inventory.schema.json' gets completion and validation in editors that \
            run yaml-language-server (VS Code's YAML extension, for one).
            """
    )

    /// What the schema describes.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case inventory, pack, report
    }

    @Argument(help: ArgumentHelp("What the schema is for: inventory, pack or report.", valueName: "kind"))
    var kind: Kind

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if kind != .inventory && packOptions.pack != nil {
            throw ValidationError(
                "The \(kind) schema is the same for every pack; --pack only applies to 'spbe schema inventory'.")
        }
    }

    func run() throws {
        switch kind {
        case .pack:
            Terminal.printOutput(PackJSONSchema.generate().rendered())
        case .report:
            Terminal.printOutput(ReportJSONSchema.generate().rendered())
        case .inventory:
            var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
            let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer)
            Terminal.printOutput(InventoryJSONSchema.generate(for: pack.pack).rendered())
        }
    }
}

import ArgumentParser
import CheckRun
import Inventories
import Spreadsheets

/// `spbe inventory validate PATH…`: schema errors only, no rule evaluation.
struct InventoryValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check inventories against the pack's schema only (no rules are evaluated).",
        discussion: """
            Each PATH is an inventory (YAML, JSON, XLSX or a CSV folder) or a folder searched for them (pack, \
            fixture and waiver files in it are passed over). Every \
            problem is reported with its file and line, or its cell; the pack's rules are not compiled or run, so \
            this is fast enough for an editor or a pre-commit hook.

            Exit codes: 0 valid (warnings allowed), 2 schema errors, 64 a usage error.
            """
    )

    @Argument(help: ArgumentHelp("Inventories or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var inputOptions: InventoryInputOptions

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "Give at least one inventory or folder, for example: spbe inventory validate examples/")
        }
    }

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let schema = try PackSession.schema(packOptions, limits: limits, printer: &printer)
        let discovered = InventoryDiscovery.files(in: paths, maxFiles: limits.maxFiles)
        printer.print(discovered.diagnostics)
        var failed = !discovered.diagnostics.isEmpty
        let reader = inputOptions.reader(for: schema, limits: limits)
        for path in discovered.files {
            let loaded = reader.load(path: path)
            if loaded.isPassedOver(path, given: paths) { continue }
            printer.print(loaded.diagnostics, sources: loaded.sources)
            if loaded.inventory == nil { failed = true } else { Terminal.printOutput("valid: \(path)\n") }
        }
        if failed { throw ExitStatus.inputError }
    }
}

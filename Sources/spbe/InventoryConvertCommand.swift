import ArgumentParser
import CheckRun
import Foundation
import OutputSafety
import Spreadsheets

/// `spbe inventory convert IN OUT`: an inventory in another format, without loss.
struct InventoryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an inventory between YAML, JSON, CSV (a folder) and XLSX without loss.",
        discussion: """
            The formats follow the paths: .yaml or .yml, .json, .xlsx, and anything else is a CSV folder (opd.yaml \
            and one CSV file per collection). The input is loaded and checked against the pack's schema first; a \
            value the output format cannot give back unchanged (an empty list in a cell, say) is an error and \
            nothing is written. Files are written atomically (a temporary file, then a rename); an input file is \
            never overwritten. With --delimiter, a CSV output is written with that delimiter (';' for Excel in the \
            Indonesian locale, numbers then with decimal commas); a CSV input's delimiter is told from its header row.

            Exit codes: 0 converted, 2 the input has errors or cannot be converted without loss, 64 a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The inventory to convert.", valueName: "in"))
    var input: String

    @Argument(help: ArgumentHelp("Where to write it; its name ending gives the format.", valueName: "out"))
    var output: String

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var inputOptions: InventoryInputOptions

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let schema = try PackSession.schema(packOptions, limits: limits, printer: &printer)
        var reading = inputOptions
        reading.delimiter = nil
        let loaded = reading.reader(for: schema, limits: limits).load(path: input)
        printer.print(loaded.diagnostics, sources: loaded.sources)
        guard let inventory = loaded.inventory else { throw ExitStatus.inputError }
        let banner = "Converted by 'spbe inventory convert' from \((input as NSString).lastPathComponent)"
        let export = InventoryExport.files(
            inventory, schema: schema, format: InventoryFormat(path: output), destination: output, banner: banner,
            delimiter: inputOptions.delimiter ?? .comma
        )
        printer.print(export.diagnostics)
        guard export.diagnostics.isEmpty else { throw ExitStatus.inputError }
        let problems = AtomicFileWriter.write(export.files, protected: [input], replaceExisting: true)
        printer.print(problems)
        guard problems.isEmpty else { throw ExitStatus.inputError }
        for file in export.files { Terminal.printOutput("wrote \(file.path)\n") }
    }
}

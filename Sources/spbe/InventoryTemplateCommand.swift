import ArgumentParser
import CheckRun
import Foundation
import OutputSafety
import Spreadsheets

/// `spbe inventory template --format csv|xlsx DIR`: an empty spreadsheet inventory to fill in.
struct InventoryTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty spreadsheet inventory to fill in, from the pack's schema.",
        discussion: """
            csv writes opd.yaml (the OPD's header, each field under a comment) and one CSV file per collection; xlsx \
            writes inventory.xlsx with a sheet 'opd' and one sheet per collection. Each sheet has a header row of \
            field names and a guide row (starting with #, skipped when read) giving each column's label, whether it \
            is required, its allowed values and its description. Existing files are never overwritten.
            """
    )

    /// The spreadsheet formats a template is written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx

        var inventoryFormat: InventoryFormat { self == .csv ? .csv : .xlsx }
    }

    @Option(name: .long, help: "The spreadsheet format: csv or xlsx.")
    var format: Format

    @Argument(help: ArgumentHelp("The folder to write the template in (created when missing).", valueName: "dir"))
    var directory: String

    @Option(
        name: .long,
        help:
            "With --format csv: the delimiter, ',' (comma) or ';' (semicolon, for Excel in the Indonesian locale) or tab."
    )
    var delimiter: CSVDelimiter = .comma

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let schema = try PackSession.schema(packOptions, limits: limits, printer: &printer)
        let files = InventoryTemplate.files(
            schema: schema, format: format.inventoryFormat, folder: directory, delimiter: delimiter)
        let problems = AtomicFileWriter.write(files, protected: [], replaceExisting: false)
        printer.print(problems)
        guard problems.isEmpty else { throw ExitStatus.inputError }
        for file in files { Terminal.printOutput("created \(file.path)\n") }
    }
}

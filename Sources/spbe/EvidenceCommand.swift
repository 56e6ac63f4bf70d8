import ArgumentParser
import CheckRun
import Reporting

/// `spbe evidence PATH…`: the supporting-evidence checklist for the evaluation interview.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract:
            "List, per indicator, the supporting evidence (data dukung) an assessor asks for, present or missing.",
        discussion: """
            For the level each indicator reaches and the next one: the evidence the pack lists, marked present \
            (with the inventory record and file that hold it) or missing. Several inventories, or a pemda folder, \
            are taken together, as the official per-pemda evaluation does.
            """
    )

    @Argument(help: ArgumentHelp("Inventory files or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var evaluation: EvaluationOptions
    @OptionGroup var input: InventoryInputOptions

    @Option(name: .long, help: "Output format: text, markdown or html.")
    var format: EvidenceReport.Format = .text

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "Give at least one inventory file or folder, for example: spbe evidence examples/kabupaten-bantul")
        }
    }

    func run() throws {
        let asOf = try evaluation.evaluationDate()
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer)
        let run = QueryRun(
            pack: pack, reader: input.reader(for: pack.schema, limits: limits), asOf: asOf,
            language: evaluation.lang.rawValue, budget: limits.budget, maxFiles: limits.maxFiles)
        let answer = run.evidence(paths)
        printer.print(answer.diagnostics)
        guard let report = answer.value else { throw ExitStatus.inputError }
        Terminal.printOutput(report.render(format))
    }
}

extension EvidenceReport.Format: ExpressibleByArgument {}

import ArgumentParser
import CheckRun
import Engine
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
            .localized(to: evaluation.lang.rawValue)
        let inputs = InventoryInputs.load(
            paths, reader: input.reader(for: pack.schema, limits: limits), maxFiles: limits.maxFiles
        ) {
            printer.print($0, sources: $1)
        }
        let combined = inputs.combined(schema: pack.schema, source: paths.joined(separator: " ")) {
            printer.print($0, sources: $1)
        }
        guard !inputs.failed, let combined else {
            throw ExitStatus.inputError
        }
        let language = evaluation.lang.rawValue
        let result = try Evaluator(pack: pack, asOf: asOf, language: language, budget: limits.budget)
            .evaluateOrExit(combined, printer: &printer)
        let items = EvidenceFinder(pack: pack, asOf: asOf, language: language, budget: limits.budget).evidence(
            combined, evaluation: result)
        let title = result.opdName.isEmpty ? combined.source : result.opdName
        Terminal.printOutput(
            EvidenceReport(pack: pack, title: title, asOf: asOf, indicators: items, language: language).render(format))
    }
}

extension EvidenceReport.Format: ExpressibleByArgument {}

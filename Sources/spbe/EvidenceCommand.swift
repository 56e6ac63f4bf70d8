import ArgumentParser
import CheckRun
import Foundation
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
            are taken together, as the official per-pemda evaluation does. With --uploaded, each level also lists \
            the evidence files uploaded for it (the JSON list the portal exports for an OPD) or says none is.
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A JSON list of uploaded evidence files (indicator, level, code, file, status), as the portal exports it.",
            valueName: "file"))
    var uploaded: String?

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "Give at least one inventory file or folder, for example: spbe evidence examples/kabupaten-bantul")
        }
    }

    func run() throws {
        let asOf = try evaluation.evaluationDate()
        let uploads = try uploaded.map(Self.uploads)
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer)
        let run = QueryRun(
            pack: pack, reader: input.reader(for: pack.schema, limits: limits), asOf: asOf,
            language: evaluation.lang.rawValue, budget: limits.budget, maxFiles: limits.maxFiles)
        let answer = run.evidence(paths)
        printer.print(answer.diagnostics)
        guard let report = answer.value else { throw ExitStatus.inputError }
        Terminal.printOutput((uploads.map(report.with(uploads:)) ?? report).render(format))
    }

    /// The uploaded-evidence list at `path`; an unreadable one is an input error (exit 2).
    private static func uploads(_ path: String) throws -> [UploadedEvidence] {
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.printError("error: cannot read the uploaded-evidence list '\(path)'\n")
            throw ExitStatus.inputError
        }
        do {
            return try UploadedEvidence.list(json: data)
        } catch {
            Terminal.printError("error: \(path): \(error.description)\n")
            throw ExitStatus.inputError
        }
    }
}

extension EvidenceReport.Format: ExpressibleByArgument {}

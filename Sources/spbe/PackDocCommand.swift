import ArgumentParser
import Authoring
import CheckRun

/// `spbe pack doc PACK`: a reference of the pack for people.
struct PackDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Write a reference of a rule pack: indicators with weights and level requirements, and every rule.",
        discussion: "Markdown suits wikis and issue trackers; HTML is one self-contained page that prints to PDF."
    )

    /// The document formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @Argument(help: ArgumentHelp("The rule pack folder or file.", valueName: "pack"))
    var packPath: String

    @Option(name: .long, help: "Output format: md or html.")
    var format: Format = .md

    @Option(name: .long, help: "Language of the document's own words and of pack texts: id or en.")
    var lang: ReportLanguage = .id

    @OptionGroup var limits: LimitOptions

    @Option(name: .long, help: "When to colour diagnostics: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(color, stream: .standardError))
        let pack = try PackSession.compiledPack(.named(packPath, color: color), limits: limits, printer: &printer).pack
        let document = PackDocument(pack: pack, language: lang.rawValue)
        Terminal.printOutput(format == .html ? document.html() : document.markdown())
    }
}

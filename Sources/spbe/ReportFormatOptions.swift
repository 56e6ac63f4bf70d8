import ArgumentParser
import Reporting

/// The options of `spbe check` that shape one report format: JSON and SARIF indentation, SARIF runs and limits,
/// the CSV separator. They apply to the report on standard output and to every `--output` file of their format.
struct ReportFormatOptions: ParsableArguments {
    @Flag(name: .long, help: "JSON and SARIF reports indented for people; compact by default.")
    var pretty = false

    @Option(
        name: .customLong("sarif-max-results"),
        help: ArgumentHelp(
            "Keep at most this many results in each SARIF run (the most severe), with a warning; GitHub keeps 5000.",
            valueName: "count")
    )
    var sarifMaxResults: Int?

    @Option(
        name: .customLong("sarif-split"),
        help: ArgumentHelp(
            "One SARIF run for the whole report (none), or one per opd or per pemda folder.",
            valueName: "none|opd|pemda"))
    var sarifSplit: SARIFSplit = .none

    @Flag(
        name: .customLong("sarif-omit-not-evidenced"), help: "Leave not-evidenced results (kind review) out of SARIF.")
    var sarifOmitNotEvidenced = false

    @Option(
        name: .customLong("csv-delimiter"),
        help: ArgumentHelp(
            "CSV field separator: ',' (default), ';' (Excel set up for Indonesian) or 'tab'.", valueName: "separator"))
    var csvDelimiter: CSVDelimiter = .comma

    func validate() throws {
        if let sarifMaxResults, sarifMaxResults < 1 { throw ValidationError("--sarif-max-results must be 1 or more.") }
    }

    /// The options, warnings about a report written to standard error.
    var reportOptions: ReportOptions {
        ReportOptions(
            pretty: pretty, sarifMaxResults: sarifMaxResults, sarifSplit: sarifSplit,
            sarifOmitNotEvidenced: sarifOmitNotEvidenced,
            csvDelimiter: csvDelimiter, warn: { Terminal.printError("warning: \($0)\n") }
        )
    }
}

extension SARIFSplit: ExpressibleByArgument {}

extension CSVDelimiter: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "tab": self = .tab
        default: return nil
        }
    }

    public var defaultValueDescription: String { self == .tab ? "tab" : rawValue }

    public static var allValueStrings: [String] { [",", ";", "tab"] }
}

/// How a run wants its reports written, beyond the format: the options of `spbe check` that shape one format's
/// output. Every format ignores what is not its own.
public struct ReportOptions: Sendable {
    /// JSON and SARIF: indented for people (`--pretty`); compact, one line, by default.
    public var pretty: Bool
    /// SARIF: at most this many results in a run, the most severe kept (`--sarif-max-results`); nil for no cap.
    public var sarifMaxResults: Int?
    /// SARIF: one run for the whole report, or one per OPD or per pemda folder (`--sarif-split`).
    public var sarifSplit: SARIFSplit
    /// SARIF: not-evidenced results left out (`--sarif-omit-not-evidenced`), for servers that count them.
    public var sarifOmitNotEvidenced: Bool
    /// CSV: the field separator (`--csv-delimiter`): a comma, or `;` for spreadsheets set up for Indonesian.
    public var csvDelimiter: CSVDelimiter
    /// Told each warning about the report itself (a SARIF run cut to its maximum), as one line without a newline.
    public var warn: @Sendable (String) -> Void

    /// Options with every default: compact JSON and SARIF, one uncapped SARIF run, comma-separated CSV, warnings
    /// dropped.
    public init(
        pretty: Bool = false, sarifMaxResults: Int? = nil, sarifSplit: SARIFSplit = .none,
        sarifOmitNotEvidenced: Bool = false,
        csvDelimiter: CSVDelimiter = .comma, warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.pretty = pretty
        self.sarifMaxResults = sarifMaxResults
        self.sarifSplit = sarifSplit
        self.sarifOmitNotEvidenced = sarifOmitNotEvidenced
        self.csvDelimiter = csvDelimiter
        self.warn = warn
    }
}

/// How a SARIF log is divided into runs.
public enum SARIFSplit: String, CaseIterable, Sendable {
    /// One run for the whole report.
    case none
    /// One run per OPD inventory (and one per pemda for its cross-OPD findings).
    case opd
    /// One run per pemda folder: its OPDs and its cross-OPD findings together.
    case pemda
}

/// The field separator of the CSV report.
public enum CSVDelimiter: String, CaseIterable, Sendable {
    /// `,`: RFC 4180, and spreadsheets set up for English.
    case comma = ","
    /// `;`: what Excel expects where the decimal separator is a comma, as in Indonesia.
    case semicolon = ";"
    /// A tab.
    case tab = "\t"

    /// The separator's byte.
    var byte: UInt8 { rawValue.utf8.first! }
}

/// CSV injection: a spreadsheet opening a CSV file runs a cell that starts with `=`, `+`, `-` or `@` as a formula
/// (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), and some also after a leading tab or carriage return. Every CSV file
/// spbe writes (the CSV report, `inventory convert` to CSV) neutralises such text the way OWASP recommends, by a
/// leading apostrophe, which spreadsheets show as text; the CSV inventory reader removes it again, so a
/// conversion round-trips to the same value.
///
/// The apostrophe is added to text whose first character after any leading apostrophes is one of
/// `= + - @ tab CR`, and removed once from such text when read: `=1` is written `'=1`, `'=1` is written `''=1`,
/// and each reads back as it was. Text without such a character (`'abc`, `-` inside) is written and read as is.
public enum SpreadsheetFormula {
    /// `text` as it is safe to write in a CSV cell.
    public static func neutralised(_ text: String) -> String {
        startsFormula(text) ? "'" + text : text
    }

    /// A CSV cell's text as it was before `neutralised`.
    public static func restored(_ text: String) -> String {
        text.utf8.first == UInt8(ascii: "'") && startsFormula(text) ? String(text.dropFirst()) : text
    }

    /// Whether the first character after any leading apostrophes starts a formula.
    private static func startsFormula(_ text: String) -> Bool {
        startsFormula(utf8: text.utf8)
    }

    /// Whether the UTF-8 text, once written in a CSV cell, needs the apostrophe of `neutralised` before it.
    @inlinable
    public static func startsFormula(utf8 text: some Sequence<UInt8>) -> Bool {
        guard let first = text.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }
}

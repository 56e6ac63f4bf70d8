/// How the bytes of a CSV file (and its `opd.yaml`) are turned into text.
public enum TextEncodingChoice: String, Sendable, CaseIterable {
    /// UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8, else Windows-1252, the encoding
    /// older Excel versions save "CSV (Comma delimited)" in on Indonesian and other Western-locale Windows.
    case auto
    /// UTF-8 only; invalid bytes are an error with their line and column.
    case utf8 = "utf-8"
    /// Windows-1252 (every byte is a character).
    case windows1252 = "windows-1252"
}

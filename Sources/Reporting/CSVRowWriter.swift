import OutputSafety

/// Writes CSV rows straight into UTF-8 bytes, field by field, as `CSVReporter.row` words them: each field
/// neutralised against formulas (`SpreadsheetFormula`), quoted when it holds the delimiter, a quote or a line
/// break, rows ended by CRLF. Perf: a row of strings joined into a string was most of writing the CSV report.
struct CSVRowWriter {
    /// What has been written.
    private(set) var bytes: [UInt8] = []
    /// The field separator.
    let delimiter: UInt8
    private var atRowStart = true

    init(delimiter: UInt8, capacity: Int = 1 << 16) {
        self.delimiter = delimiter
        bytes.reserveCapacity(capacity)
    }

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { field(utf8: $0) }
    }

    /// A field already UTF-8 (a finding's message).
    mutating func field(utf8 text: [UInt8]) {
        text.withUnsafeBufferPointer { field(utf8: $0) }
    }

    /// Perf: a quoted field is copied run by run, each run up to and with a quote, which the next run starts with
    /// again (so it is doubled); a byte at a time was a tenth of writing the CSV report (callgrind, 100 OPDs of
    /// spbe-bench), whose messages hold commas.
    mutating func field(utf8 text: UnsafeBufferPointer<UInt8>) {
        if !atRowStart { bytes.append(delimiter) }
        atRowStart = false
        let delimiter = delimiter
        let quoted = text.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if SpreadsheetFormula.startsFormula(utf8: text) { bytes.append(UInt8(ascii: "'")) }
        guard quoted else { return bytes.append(contentsOf: text) }
        var start = 0
        for index in text.indices where text[index] == UInt8(ascii: "\"") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...index]))
            start = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Fields written once, by `write`, into bytes that `append(written:)` copies into any number of rows: the
    /// columns a report repeats on every row of an OPD or a rule are escaped once, not once a row.
    static func written(delimiter: UInt8, _ write: (inout CSVRowWriter) -> Void) -> [UInt8] {
        var writer = CSVRowWriter(delimiter: delimiter, capacity: 256)
        write(&writer)
        return writer.bytes
    }

    /// Fields made by `written(delimiter:_:)` with this writer's delimiter, after the row's fields so far.
    mutating func append(written fields: [UInt8]) {
        if !atRowStart { bytes.append(delimiter) }
        atRowStart = false
        bytes.append(contentsOf: fields)
    }

    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        atRowStart = true
    }
}

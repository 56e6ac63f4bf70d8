import Testing

@testable import Reporting

/// CSV fields written straight into bytes: quoted when they hold the delimiter, a quote or a line break, quotes
/// doubled, formulas neutralised with an apostrophe, rows ended by CRLF.
@Suite("CSV row writer")
struct CSVRowWriterTests {
    @Test(
        "each field as a spreadsheet reads it back",
        arguments: [
            ("polos", "polos"), ("", ""), ("a,b", "\"a,b\""), ("kata \"kutip\"", "\"kata \"\"kutip\"\"\""),
            ("\"", "\"\"\"\""), ("\"\"", "\"\"\"\"\"\""), ("baris\nbaru", "\"baris\nbaru\""), ("=1+1", "'=1+1"),
            ("=SUM(A1,B1)", "\"'=SUM(A1,B1)\""), ("a;b", "a;b"), ("é, 文", "\"é, 文\""),
        ])
    func field(_ input: String, _ expected: String) {
        var row = CSVRowWriter(delimiter: UInt8(ascii: ","))
        row.field(input)
        #expect(String(decoding: row.bytes, as: UTF8.self) == expected)
    }

    @Test("fields are separated by the delimiter and rows end with CRLF")
    func rows() {
        var row = CSVRowWriter(delimiter: UInt8(ascii: ";"))
        for text in ["a", "b;c", "d"] { row.field(text) }
        row.endRow()
        row.field("e")
        row.endRow()
        #expect(String(decoding: row.bytes, as: UTF8.self) == "a;\"b;c\";d\r\ne\r\n")
    }
}

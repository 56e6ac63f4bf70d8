import DataModel
import Testing

@Suite("appending a string's UTF-8 to bytes")
struct UTF8BytesTests {
    @Test(
        "short (inline), long, non-ASCII, empty and substring-made strings append exactly their UTF-8",
        arguments: [
            "", "a", "opd", "fifteen bytes!!", "sixteen bytes!!!",
            "Dinas Komunikasi dan Informatika Kabupaten Sintetis",
            "Kantor Bupati · Sekretariat Daerah", "\u{212A}elvin sign and e\u{301}", String(repeating: "ÿ", count: 40),
            String("  trimmed  ".dropFirst(2).dropLast(2)),
        ])
    func appends(_ text: String) {
        var bytes: [UInt8] = [0x3E]
        bytes.append(utf8: text)
        #expect(bytes == [0x3E] + Array(text.utf8))
    }
}

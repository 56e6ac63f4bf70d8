import Testing

@testable import Spreadsheets

/// Header names are matched to fields by a normal form: lowercase, runs of white space one space, none at the
/// ends. The byte-by-byte way for ASCII names must give what the Unicode way gives.
@Suite("field names in normal form")
struct FieldNameNormalizingTests {
    private static func unicodeWay(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("ASCII names, every mix of letters, digits, punctuation and white space, as the Unicode way")
    func ascii() {
        let alphabet: [Character] = ["A", "z", "7", "_", "-", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "(", "Q"]
        // Every name of up to four characters from the alphabet, and some longer ones.
        var names = [""]
        for _ in 1...4 { names += names.flatMap { name in alphabet.map { name + String($0) } } }
        names += ["  Nama   Aplikasi  ", "ID\tAplikasi", "Tanggal Audit Keamanan\r\n", "URL"]
        for name in names {
            #expect(FieldMatcher.normalized(name) == Self.unicodeWay(name), "\(name.debugDescription)")
        }
    }

    @Test("names beyond ASCII take the Unicode way: its letter cases and white space")
    func unicode() {
        for name in [
            "ÉTAT  Layanan", "Nama\u{00A0}Aplikasi", "Ünit\u{2003}\u{2003}Kerja", "İzin", "Straße ", "\u{0085}x",
        ] {
            #expect(FieldMatcher.normalized(name) == Self.unicodeWay(name), "\(name.debugDescription)")
        }
    }
}

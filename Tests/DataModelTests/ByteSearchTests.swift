import DataModel
import Testing

@Suite("byte search")
struct ByteSearchTests {
    @Test(
        "the first place a byte sequence starts, or none",
        arguments: [
            ("<?xml?><!DOCTYPE x>", "<!DOCTYPE", 7), ("<<<!D", "<!D", 2), ("abc", "abc", 0), ("abc", "bc", 1),
            ("ab", "abc", nil), ("abab", "abb", nil), ("", "a", nil), ("abc", "", nil),
        ] as [(String, String, Int?)])
    func firstOffset(text: String, needle: String, expected: Int?) {
        #expect(Array(text.utf8).firstOffset(of: Array(needle.utf8)) == expected)
    }
}

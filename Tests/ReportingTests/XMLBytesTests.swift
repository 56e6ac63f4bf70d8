import Testing

@testable import Reporting

/// XML text is escaped run by run: the markup characters become entities, tab and line breaks stay, other
/// control characters (not allowed in XML 1.0) are dropped, everything else is copied as it is.
@Suite("XML text escaping")
struct XMLBytesTests {
    @Test(
        "each character is escaped, kept or dropped",
        arguments: [
            ("", ""), ("polos", "polos"), ("a&b", "a&amp;b"), ("<tag>", "&lt;tag&gt;"),
            ("\"kutip\" 'satu'", "&quot;kutip&quot; &#39;satu&#39;"), ("baris\nbaru\r\ttab", "baris\nbaru\r\ttab"),
            ("x\u{01}y\u{1F}", "xy"), ("&&", "&amp;&amp;"), ("é — 文 &", "é — 文 &amp;"),
        ])
    func escaped(_ input: String, _ expected: String) {
        var xml = XMLBytes()
        xml.text(input)
        #expect(String(decoding: xml.bytes, as: UTF8.self) == expected)
    }
}

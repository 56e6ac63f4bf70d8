import Diagnostics
import Testing

@Suite("text printed to a terminal")
struct TerminalTextTests {
    @Test(
        "control characters become visible escapes; line feeds, tabs and plain text stay",
        arguments: [
            ("Dinas \u{1B}]0;pwned\u{07}Kominfo", "Dinas \\x1B]0;pwned\\x07Kominfo"),
            ("clear\u{1B}[2J\u{1B}[H", "clear\\x1B[2J\\x1B[H"),
            ("a\rb\u{0}c\u{7F}", "a\\x0Db\\x00c\\x7F"),
            ("csi \u{9B}2J", "csi \\u{9B}2J"),
            ("evil\u{202E}txt.exe", "evil\\u{202E}txt.exe"),
            ("two\nlines\tand tab, é 日本", "two\nlines\tand tab, é 日本"),
        ])
    func escapes(input: String, shown: String) {
        #expect(TerminalText.escaped(input) == shown)
    }

    @Test("colour and style sequences are kept, anything longer or stranger is not")
    func colours() {
        #expect(TerminalText.escaped("\u{1B}[1;31merror\u{1B}[0m") == "\u{1B}[1;31merror\u{1B}[0m")
        #expect(TerminalText.escaped("\u{1B}[1;31") == "\\x1B[1;31")
        #expect(TerminalText.escaped("\u{1B}[?25l") == "\\x1B[?25l")
    }
}

import Diagnostics
import Testing

@testable import PackLanguageServer

@Suite("LSP position mapping")
struct LineIndexTests {
    // "😀" is one Unicode scalar (one libyaml column) and two UTF-16 code units (two LSP columns).
    let lines = LineIndex("a: 1\r\nname: \"😀 é\" # x\n  require: len(name) > 0\n")

    @Test("1-based scalar columns become 0-based UTF-16 columns")
    func toLSP() {
        #expect(lines.position(line: 1, column: 1) == LSPPosition(line: 0, character: 0))
        #expect(lines.position(line: 2, column: 8) == LSPPosition(line: 1, character: 7))
        #expect(lines.position(line: 2, column: 9) == LSPPosition(line: 1, character: 9))
        #expect(lines.position(line: 2, column: 10) == LSPPosition(line: 1, character: 10))
    }

    @Test("LSP columns become scalar columns, a column inside a surrogate pair rounding down")
    func fromLSP() {
        #expect(lines.column(of: LSPPosition(line: 1, character: 7)) == 8)
        #expect(lines.column(of: LSPPosition(line: 1, character: 8)) == 8)
        #expect(lines.column(of: LSPPosition(line: 1, character: 9)) == 9)
    }

    @Test("a diagnostic's range covers the word it points at, and the CR of a CRLF line is not text")
    func ranges() {
        let range = lines.range(of: SourceLocation(file: "f", line: 3, column: 12))
        #expect(range == LSPRange(start: LSPPosition(line: 2, character: 11), end: LSPPosition(line: 2, character: 14)))
        #expect(lines.line(0) == "a: 1")
        #expect(lines.word(at: LSPPosition(line: 2, character: 17))?.text == "name")
        #expect(lines.prefix(before: LSPPosition(line: 2, character: 13)) == "  require: le")
    }
}

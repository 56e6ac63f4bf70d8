import DataModel
import Diagnostics
import Expressions
import Testing

@Suite("Parser errors")
struct ParserErrorTests {
    @Test(
        "syntax errors point at the offending token",
        arguments: [
            ("", "t:1:1: error[parse.empty]: expression is empty"),
            ("a ==", "t:1:5: error[parse.unexpected_token]: expected an expression, found end of expression"),
            (
                "a b",
                "t:1:3: error[parse.unexpected_token]: expected an operator or the end of the expression, found 'b'"
            ),
            (
                "a < b < c",
                "t:1:7: error[parse.chained_comparison]: comparisons cannot be chained: '<' follows another comparison; write 'a < b and b < c'"
            ),
            (
                "a == b != c",
                "t:1:8: error[parse.chained_comparison]: comparisons cannot be chained: '!=' follows another comparison; write 'a < b and b < c'"
            ),
            (
                "(a or b",
                "t:1:8: error[parse.unexpected_token]: expected ')' to close the '(' at 1:1, found end of expression"
            ),
            ("[1, 2", "t:1:6: error[parse.unexpected_token]: expected ',' or ']', found end of expression"),
            ("f(a b)", "t:1:5: error[parse.unexpected_token]: expected ',' or ')', found 'b'"),
            ("all(xs where x y)", "t:1:16: error[parse.unexpected_token]: expected ',' or ')', found 'y'"),
            (
                "all(xs as 1, x)",
                "t:1:11: error[parse.unexpected_token]: expected a variable name after 'as', found '1'"
            ),
            ("any(xs, a, b)", "t:1:10: error[parse.unexpected_token]: expected ')', found ','"),
            ("any(xs foo)", "t:1:8: error[parse.unexpected_token]: expected 'as', 'where', ',' or ')', found 'foo'"),
            ("a.", "t:1:3: error[parse.unexpected_token]: expected a field name after '.', found end of expression"),
            ("a.(b)", "t:1:3: error[parse.unexpected_token]: expected a field name after '.', found '('"),
            (
                "1 + not x",
                "t:1:5: error[parse.unexpected_token]: 'not' cannot appear inside a comparison or arithmetic operand; wrap it in parentheses: '(not x)'"
            ),
            (
                "a adn b",
                "t:1:3: error[parse.unexpected_token]: expected an operator or the end of the expression, found 'adn'; did you mean 'and'?"
            ),
            ("a and or b", "t:1:7: error[parse.unexpected_token]: expected an expression, found 'or'"),
            (
                "x not y",
                "t:1:3: error[parse.unexpected_token]: expected an operator or the end of the expression, found 'not'"
            ),
        ])
    func syntaxErrors(_ source: String, expected: String) {
        #expect(parse(source) == expected)
    }

    @Test(
        "errors in a multi-line block scalar map to the real file position",
        arguments: [
            // The scalar's lines start at different columns of the pack file, as in a `|` block under a list item.
            (
                "all(applications,\n    hosting == 'pdn'\n  and)",
                "pack.yaml:22:10: error[parse.unexpected_token]: expected an expression, found ')'"
            ),
            (
                "count(documents)\n>=\n",
                "pack.yaml:22:5: error[parse.unexpected_token]: expected an expression, found end of expression"
            ),
            ("a and\n  b # c", "pack.yaml:21:13: error[parse.unexpected_character]: unexpected character '#'"),
        ])
    func multiLine(_ source: String, expected: String) {
        let map = SourceMap(
            file: "pack.yaml",
            segments: [
                .init(line: 20, column: 11), .init(line: 21, column: 9), .init(line: 22, column: 5),
            ])
        #expect(parse(source, map: map) == expected)
    }

    @Test("rendered with the source line and a caret")
    func rendered() {
        var bag = DiagnosticBag()
        let map = SourceMap(file: "pack.yaml", segments: [.init(line: 2, column: 14)])
        _ = Parser.parse("hosting = 'pdn'", map: map, diagnostics: &bag)
        let file = "rules:\n  - require: hosting = 'pdn'\n"
        let renderer = DiagnosticRenderer(sourceProvider: { _ in file })
        #expect(
            renderer.render(bag.diagnostics[0]) == """
                pack.yaml:2:22: error[parse.unexpected_character]: unexpected character '='; did you mean '=='?
                  |
                2 |   - require: hosting = 'pdn'
                  |                      ^
                """)
    }

    @Test("deep nesting is an error, never a stack overflow", arguments: [1_000, 4_999])
    func deepParentheses(depth: Int) {
        let source = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(
            parse(source)
                == "t:1:65: error[parse.too_deep]: expression nests more than 64 levels deep; split it into several rules or use 'in [...]' instead of long chains"
        )
    }

    @Test(
        "deep nesting of every construct is bounded",
        arguments: [
            String(repeating: "not ", count: 2_000) + "a",
            String(repeating: "-", count: 5_000) + "1",
            String(repeating: "f(", count: 3_000) + "1" + String(repeating: ")", count: 3_000),
            String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
            String(repeating: "any(xs, ", count: 1_000) + "true" + String(repeating: ")", count: 1_000),
            String(repeating: "a + ", count: 2_000) + "a",
            String(repeating: "a and ", count: 1_500) + "a",
            "a" + String(repeating: ".b", count: 4_000),
        ])
    func deepConstructs(_ source: String) {
        #expect(parse(source).contains("error[parse.too_deep]"))
    }

    @Test("nesting up to the limit parses")
    func atTheLimit() {
        let source = String(repeating: "(", count: 63) + "a" + String(repeating: ")", count: 63)
        #expect(parse(source) == "a")
        let chain = String(repeating: "a + ", count: 63) + "a"
        #expect(!parse(chain).contains("error"))
        let tooDeep = String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)
        #expect(parse(tooDeep).contains("error[parse.too_deep]"))
        #expect(parse(String(repeating: "a + ", count: 64) + "a").contains("error[parse.too_deep]"))
    }
}

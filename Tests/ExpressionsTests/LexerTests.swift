import DataModel
import Diagnostics
import Expressions
import Testing

/// `kind@line:col`, one per token, end included.
private func lex(_ source: String, map: SourceMap = Fixtures.map) -> (String, [String]) {
    var bag = DiagnosticBag()
    let tokens = Lexer.tokenize(source, map: map, diagnostics: &bag)
    let rendered = tokens.map { token -> String in
        let kind =
            switch token.kind {
            case .integer(let value): "int(\(value))"
            case .decimal(let value): "dec(\(value))"
            case .string(let value): "str(\(value.debugDescription))"
            case .identifier(let name): "id(\(name))"
            case .keyword(let keyword): "kw(\(keyword.rawValue))"
            case .symbol(let symbol): symbol.rawValue
            case .end: "end"
            }
        return "\(kind)@\(token.location.line):\(token.location.column)"
    }
    return (rendered.joined(separator: " "), bag.diagnostics.map(\.description))
}

@Suite("Lexer")
struct LexerTests {
    @Test(
        "tokens carry kinds, decoded values and 1-based positions",
        arguments: [
            ("hosting == 'pdn'", "id(hosting)@1:1 ==@1:9 str(\"pdn\")@1:12 end@1:17"),
            (
                "a<=b>=c<d>e!=f",
                "id(a)@1:1 <=@1:2 id(b)@1:4 >=@1:5 id(c)@1:7 <@1:8 id(d)@1:9 >@1:10 id(e)@1:11 !=@1:12 id(f)@1:14 end@1:15"
            ),
            ("42 3.5 0 007", "int(42)@1:1 dec(3.5)@1:4 int(0)@1:8 int(7)@1:10 end@1:13"),
            ("x.y.z", "id(x)@1:1 .@1:2 id(y)@1:3 .@1:4 id(z)@1:5 end@1:6"),
            ("3.x", "int(3)@1:1 .@1:2 id(x)@1:3 end@1:4"),
            (
                "not in and or as where",
                "kw(not)@1:1 kw(in)@1:5 kw(and)@1:8 kw(or)@1:12 kw(as)@1:15 kw(where)@1:18 end@1:23"
            ),
            ("true false null", "kw(true)@1:1 kw(false)@1:6 kw(null)@1:12 end@1:16"),
            ("all any none count", "kw(all)@1:1 kw(any)@1:5 kw(none)@1:9 kw(count)@1:14 end@1:19"),
            ("_a1 B_2 andy", "id(_a1)@1:1 id(B_2)@1:5 id(andy)@1:9 end@1:13"),
            (
                "(a,[b])+-*/%",
                "(@1:1 id(a)@1:2 ,@1:3 [@1:4 id(b)@1:5 ]@1:6 )@1:7 +@1:8 -@1:9 *@1:10 /@1:11 %@1:12 end@1:13"
            ),
            (#""a\"b" 'c\'d' "\\\n\t""#, #"str("a\"b")@1:1 str("c\'d")@1:8 str("\\\n\t")@1:15 end@1:23"#),
            ("'dinas pendidikan' == x", "str(\"dinas pendidikan\")@1:1 ==@1:20 id(x)@1:23 end@1:24"),
            ("'é' == x", "str(\"é\")@1:1 ==@1:5 id(x)@1:8 end@1:9"),
            ("a\n  and b", "id(a)@1:1 kw(and)@2:3 id(b)@2:7 end@2:8"),
            ("", "end@1:1"),
        ])
    func tokens(_ source: String, expected: String) {
        let (rendered, diagnostics) = lex(source)
        #expect(diagnostics.isEmpty)
        #expect(rendered == expected)
    }

    @Test("positions follow the source map of a YAML block scalar")
    func blockScalarPositions() {
        // require: |
        //     hosting == "pdn"
        //       and audit_date != null
        let map = SourceMap(file: "pack.yaml", segments: [.init(line: 12, column: 5), .init(line: 13, column: 5)])
        let (rendered, _) = lex("hosting == \"pdn\"\n  and audit_date != null", map: map)
        #expect(
            rendered
                == "id(hosting)@12:5 ==@12:13 str(\"pdn\")@12:16 kw(and)@13:7 id(audit_date)@13:11 !=@13:22 kw(null)@13:25 end@13:29"
        )
    }

    @Test(
        "lexical errors are all reported, each at its character",
        arguments: [
            ("a # b", ["t:1:3: error[parse.unexpected_character]: unexpected character '#'"]),
            ("a = b", ["t:1:3: error[parse.unexpected_character]: unexpected character '='; did you mean '=='?"]),
            (
                "a && b || !c",
                [
                    "t:1:3: error[parse.unexpected_character]: unexpected character '&&'; did you mean 'and'?",
                    "t:1:8: error[parse.unexpected_character]: unexpected character '||'; did you mean 'or'?",
                    "t:1:11: error[parse.unexpected_character]: unexpected character '!'; did you mean 'not' or '!='?",
                ]
            ),
            (
                "name == 'abc",
                [
                    "t:1:9: error[parse.unterminated_string]: string literal is not closed on its line; add the closing quote"
                ]
            ),
            (
                "'a\nb'",
                [
                    "t:1:1: error[parse.unterminated_string]: string literal is not closed on its line; add the closing quote",
                    "t:2:2: error[parse.unterminated_string]: string literal is not closed on its line; add the closing quote",
                ]
            ),
            (
                #"'a\qb'"#,
                [#"t:1:3: error[parse.invalid_escape]: unknown escape sequence '\q'; use one of \\ \" \' \n \t"#]
            ),
            (
                "99999999999999999999 > 1",
                [
                    "t:1:1: error[parse.number_too_large]: number literal 99999999999999999999 is too large (integers must fit in 64 bits)"
                ]
            ),
            ("nama == 'é' and ü", ["t:1:17: error[parse.unexpected_character]: unexpected character 'ü'"]),
        ])
    func errors(_ source: String, expected: [String]) {
        #expect(lex(source).1 == expected)
    }

    @Test("the largest 64-bit integer lexes; one more does not")
    func integerBounds() {
        #expect(lex("9223372036854775807").0 == "int(9223372036854775807)@1:1 end@1:20")
        #expect(lex("9223372036854775808").1.count == 1)
    }

    @Test("a source over the byte limit is rejected before lexing")
    func tooLong() {
        let source = String(repeating: "a or ", count: 2_000) + "b"
        let (_, diagnostics) = lex(source)
        #expect(
            diagnostics == [
                "t:1:1: error[parse.too_long]: expression is 10001 bytes long; the limit is 10000 UTF-8 bytes; split it into several rules"
            ])
    }
}

import DataModel
import Diagnostics
import Expressions
import Testing

/// The s-expression of `source`, or its diagnostics as one-line strings.
func parse(_ source: String, map: SourceMap = Fixtures.map) -> String {
    var bag = DiagnosticBag()
    guard let tree = Parser.parse(source, map: map, diagnostics: &bag) else {
        return bag.diagnostics.map(\.description).joined(separator: "\n")
    }
    return ASTPrinter.print(tree)
}

@Suite("Parser")
struct ParserTests {
    @Test(
        "precedence and associativity",
        arguments: [
            ("a or b and c", "(or a (and b c))"),
            ("a and b or c", "(or (and a b) c)"),
            ("a or b or c", "(or (or a b) c)"),
            ("not a and b", "(and (not a) b)"),
            ("not a == b", "(not (== a b))"),
            ("not not a", "(not (not a))"),
            ("a and not b", "(and a (not b))"),
            ("a + b * c", "(+ a (* b c))"),
            ("a - b - c", "(- (- a b) c)"),
            ("a / b % c * d", "(* (% (/ a b) c) d)"),
            ("-a * b", "(* (- a) b)"),
            ("- -a", "(- (- a))"),
            ("-a.b", "(- (. a b))"),
            ("a + b < c * d", "(< (+ a b) (* c d))"),
            ("(a or b) and c", "(and (or a b) c)"),
            ("((a))", "a"),
            ("a == b and c != d", "(and (== a b) (!= c d))"),
            ("x in [1, 2] or y not in ys", "(or (in x [1 2]) (not-in y ys))"),
            ("not x in xs", "(not (in x xs))"),
            ("a <= b", "(<= a b)"),
            ("a >= -1", "(>= a (- 1))"),
        ])
    func precedence(_ source: String, expected: String) {
        #expect(parse(source) == expected)
    }

    @Test(
        "literals, names, members, lists and calls",
        arguments: [
            ("42", "42"),
            ("3.5", "3.5"),
            (#""say \"hi\"\n""#, #""say \"hi\"\n""#),
            ("true", "true"),
            ("null", "null"),
            ("self.hosting", "(. self hosting)"),
            ("opd.name.x", "(. (. opd name) x)"),
            ("applications.count", "(. applications count)"),
            ("count + 1", "(+ count 1)"),
            ("[]", "[]"),
            ("[1, 'a', [true]]", "[1 \"a\" [true]]"),
            ("present(name)", "(present name)"),
            ("coalesce(a, 'x')", "(coalesce a \"x\")"),
            ("now()", "(now)"),
            ("len(lower(trim(name)))", "(len (lower (trim name)))"),
        ])
    func primaries(_ source: String, expected: String) {
        #expect(parse(source) == expected)
    }

    @Test(
        "quantifiers with optional as, where and predicate",
        arguments: [
            ("all(xs, it > 1)", "(all xs (> it 1))"),
            ("any(applications where type == 'khusus')", "(any applications (where (== type \"khusus\")))"),
            ("none(xs as x where x > 1, x < 5)", "(none xs (as x) (where (> x 1)) (< x 5))"),
            ("count(documents as d)", "(count documents (as d))"),
            (
                "all(programs as p, any(documents as d where d.kind == 'renstra', p in d.programs))",
                "(all programs (as p) (any documents (as d) (where (== (. d kind) \"renstra\")) (in p (. d programs))))"
            ),
            ("count(applications.modules) > 2", "(> (count (. applications modules)) 2)"),
            ("all(xs where a or b, c)", "(all xs (where (or a b)) c)"),
        ])
    func quantifiers(_ source: String, expected: String) {
        #expect(parse(source) == expected)
    }

    @Test("node ids are dense and children come before parents")
    func nodeIDs() throws {
        var bag = DiagnosticBag()
        let tree = try #require(Parser.parse("a + f(b, [c])", map: Fixtures.map, diagnostics: &bag))
        #expect(tree.nodeCount == 6)
        #expect(tree.root.id == NodeID(5))
        var seen: [Int] = []
        func walk(_ node: SyntaxNode) {
            node.children.forEach(walk)
            seen.append(node.id.rawValue)
        }
        walk(tree.root)
        #expect(seen == Array(0..<6))
    }

    @Test("nodes and operators carry their source locations")
    func locations() throws {
        var bag = DiagnosticBag()
        let map = SourceMap(file: "pack.yaml", segments: [.init(line: 7, column: 14)])
        let tree = try #require(Parser.parse("name  ==  'x'", map: map, diagnostics: &bag))
        #expect(tree.root.location == SourceLocation(file: "pack.yaml", line: 7, column: 14))
        guard case .binary(_, _, let right, let operatorLocation) = tree.root.kind else {
            Issue.record("not a binary node")
            return
        }
        #expect(operatorLocation == SourceLocation(file: "pack.yaml", line: 7, column: 20))
        #expect(right.location == SourceLocation(file: "pack.yaml", line: 7, column: 24))
    }
}

import DataModel
import Diagnostics
import Expressions
import Testing

@Suite("Compiled expressions")
struct CompiledExpressionTests {
    @Test("the fields an expression reads are reported")
    func referencedFields() throws {
        let compiled = try #require(
            Fixtures.compile(
                "hosting == 'pdn' and any(documents as d, d.kind == 'x') and opd.name != null and applications.modules != null"
            ).0)
        #expect(
            compiled.referencedFields.sorted().map(\.description) == [
                "applications.hosting", "applications.modules", "documents.kind", "opd.name",
            ])
    }

    @Test("each subject bound unretained is read as the subject, and unbound when the inventory changes")
    func boundSubject() throws {
        let compiled = try #require(Fixtures.compile("name == 'SIMPEG'").0)
        let inventory = Fixtures.inventory()
        let (first, second) = (inventory.collections[0][0], inventory.collections[0][1])
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        context.inventory = inventory
        var truths: [Bool?] = []
        context.forEachSubject(of: [first, second]) { index in
            #expect(context.subject === [first, second][index])
            truths.append(compiled.truth(context))
        }
        #expect(truths == [true, false])
        context.inventory = nil
        #expect(context.subject == nil, "a bound subject does not outlive its inventory")
        #expect(compiled.truth(context) == nil)
        context.subject = first
        context.inventory = inventory
        #expect(context.subject === first, "a subject set as a property is kept")
    }

    @Test("implicit element fields are reported against their record type")
    func implicitFields() throws {
        let compiled = try #require(Fixtures.compile("any(documents, year > users)").0)
        #expect(compiled.referencedFields.sorted().map(\.description) == ["applications.users", "documents.year"])
    }

    @Test(
        "cost counts nodes, quantifier bodies weighted by 100 per level",
        arguments: [
            ("hosting == 'x'", 3),
            ("any(applications, hosting == 'x')", 1 + 1 + 300),
            ("any(applications where users > 1, hosting == 'x')", 1 + 1 + 300 + 300),
            ("any(applications, any(documents, kind == 'x'))", 1 + 1 + 100 + 100 + 30_000),
        ])
    func cost(_ source: String, expected: Int) throws {
        let compiled = try #require(Fixtures.compile(source).0)
        #expect(compiled.cost == expected)
    }

    @Test("cost saturates instead of overflowing")
    func costSaturates() throws {
        let source = String(repeating: "any([1], ", count: 20) + "true" + String(repeating: ")", count: 20)
        let compiled = try #require(Fixtures.compile(source).0)
        #expect(compiled.cost == Int.max)
    }

    @Test("the result type is exposed")
    func resultType() throws {
        #expect(try #require(Fixtures.compile("len(name)", expecting: nil).0).type == .int)
        #expect(try #require(Fixtures.compile("hosting == 'pdn'").0).type == .bool)
    }

    @Test("the phases can be run one by one")
    func phases() throws {
        var bag = DiagnosticBag()
        let tokens = Lexer.tokenize("users >= 10", map: Fixtures.map, diagnostics: &bag)
        let tree = try #require(Parser.parse(tokens, diagnostics: &bag))
        #expect(ASTPrinter.print(tree) == "(>= users 10)")
        let checked = Checker.check(tree, environment: Fixtures.environment(), diagnostics: &bag)
        #expect(!bag.hasErrors)
        guard case .binary(_, let left, let right, _) = tree.root.kind else {
            Issue.record("not a binary node")
            return
        }
        #expect(checked.type(of: left.id) == .int)
        #expect(checked.type(of: right.id) == .int)
        #expect(checked.type(of: tree.root.id) == .bool)
        let compiled = Compiler.compile(checked)
        let context = EvaluationContext(asOf: Fixtures.day("2024-01-01"))
        context.subject = Fixtures.record(Fixtures.applications, ["users": .int(12)])
        #expect(compiled.evaluate(context) == .bool(true))
    }

    @Test("diagnostics are added to a bag that already holds others")
    func existingBag() {
        var bag = DiagnosticBag()
        bag.error("pack.other", "earlier problem", at: nil)
        let compiled = ExpressionCompiler.compile(
            "hosting == 'pdn'", map: Fixtures.map, environment: Fixtures.environment(), diagnostics: &bag
        )
        #expect(compiled != nil)
        #expect(bag.diagnostics.count == 1)
    }

    @Test("a type error is not reported when the text does not parse")
    func parseErrorStops() {
        #expect(
            Fixtures.compile("hostng == ").1 == [
                "t:1:11: error[parse.unexpected_token]: expected an expression, found end of expression"
            ])
    }
}

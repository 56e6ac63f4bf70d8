import DataModel
import Expressions
import Testing

@Suite("Evaluation: quantifiers")
struct QuantifierEvaluationTests {
    @Test(
        "all, any, none and count over the inventory",
        arguments: [
            ("all(applications where type == 'khusus', hosting == 'pdn')", Value.bool(true)),
            ("all(applications, hosting == 'pdn')", .bool(false)),
            ("any(applications, hosting == 'cloud')", .bool(true)),
            ("any(applications where type == 'khusus')", .bool(true)),
            ("none(applications, hosting == 'x')", .bool(true)),
            ("none(applications where users > 100)", .bool(false)),
            ("count(applications)", .int(2)),
            ("count(applications where users > 10)", .int(1)),
            ("count(applications, users > 1)", .int(2)),
            ("count(applications where users > 1, hosting == 'pdn')", .int(1)),
            ("count(applications.modules)", .int(3)),
            ("all(applications, years_since(audit_date) <= 2)", .null),
            ("all(applications, present(audit_date))", .bool(false)),
            ("any(documents, kind == 'renja' and year == 2024)", .bool(true)),
            ("any(documents, year > users)", .bool(true)),
            ("all(applications, any(modules, it == 'absensi' or it == 'berita'))", .bool(true)),
            ("all(applications, it.users > 1)", .bool(true)),
            ("any(applications as a, a.name == 'Website' and a.type == 'umum')", .bool(true)),
            ("all(programs as p, any(documents as d where d.kind == 'renstra', p.code in d.programs))", .bool(true)),
            ("all(programs as p, any(documents as d where d.kind == 'renja', p.code in d.programs))", .bool(false)),
            ("any(documents as d, any(d.programs as d, d == 'P2'))", .bool(true)),
            ("any([1, 2], any([10, 20], it > 5))", .bool(true)),
            ("any([1, 2] as x, any([10, 20], it == x * 10))", .bool(true)),
            ("all([1, 2] as x, any([10, 20] as y, y == x * 10))", .bool(true)),
            ("count(documents where status == 'ditetapkan')", .int(1)),
        ])
    func inventory(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, subject: ["users": .int(2023)]) == expected)
    }

    @Test(
        "empty sources: all and none are vacuously true",
        arguments: [
            ("all([], false)", Value.bool(true)),
            ("any([], true)", .bool(false)),
            ("none([], true)", .bool(true)),
            ("count([], true)", .int(0)),
            ("all(applications, false)", .bool(true)),
            ("count(applications)", .int(0)),
        ])
    func empty(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, inventory: Fixtures.inventory(applications: [])) == expected)
    }

    @Test(
        "unknown elements follow Kleene logic; unknown filters skip",
        arguments: [
            ("all([1, null, 3], it > 0)", Value.null),
            ("all([1, null, -1], it > 0)", .bool(false)),
            ("any([null, 1], it > 0)", .bool(true)),
            ("any([null, -1], it > 0)", .null),
            ("none([null, -1], it > 0)", .null),
            ("none([null, 1], it > 0)", .bool(false)),
            ("none([-1], it > 0)", .bool(true)),
            ("count([1, null, 2], it > 0)", .int(2)),
            ("count([1, null, 2] where it > 0)", .int(2)),
            ("all([1, null, 3] where it > 0, it < 5)", .bool(true)),
            ("any([null] where it > 0)", .bool(false)),
            ("all(null, true)", .null),
            ("count(null)", .null),
        ])
    func unknowns(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source) == expected)
    }

    @Test("a missing list is unknown for all four quantifiers")
    func nullSource() {
        for source in ["all(modules, true)", "any(modules, true)", "none(modules, true)", "count(modules)"] {
            #expect(Fixtures.evaluate(source) == .null)
        }
    }

    @Test("nested quantifiers restore their slots between elements")
    func nestedSlots() {
        // The inner quantifier reuses its slot for each outer element; the outer variable stays bound.
        let source = "count([1, 2, 3] as x, count([1, 2, 3] as y where y <= x) == x)"
        #expect(Fixtures.evaluate(source) == .int(3))
        #expect(Fixtures.evaluate("count([1, 2] as x, x > 0) + count([5] as x, x > 0)") == .int(3))
    }

    @Test("elements bound without a retain stay owned by their list, whatever the quantifier keeps of them")
    func borrowedElements() throws {
        // Texts longer than 15 bytes live in storage of their own, which a wrong count would free.
        let long = (1...4).map { "sub-kegiatan-nomor-\($0)-yang-panjang" }
        let inventory = Fixtures.inventory(applications: [["modules": .list(long.map { .string($0) })]])
        let sources = [
            "count(applications, all(modules, len(it) > 20))",
            "count(applications, any(modules as m, m == '\(long[2])'))",
            "count(applications, none(modules, it in ['x']) and all(modules, lower(it) == it))",
            "count(applications as a, any(['\(long[0])', '\(long[3])'], it in a.modules))",
        ]
        for source in sources {
            let compiled = try #require(Fixtures.compile(source + " == 1").0, "\(source)")
            let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
            context.inventory = inventory
            for _ in 0..<1_000 { #expect(compiled.evaluate(context) == .bool(true), "\(source)") }
            // An element kept past its binding: a copy of the bound value, owned by the result.
            #expect(
                Fixtures.evaluate("count(applications, any(modules, it == '\(long[1])')) == 1", inventory: inventory)
                    == .bool(true))
        }
        #expect(inventory.collections[0][0].values.contains(.list(long.map { .string($0) })))
    }

    @Test("compiled expressions are shared by concurrent workers, one context each")
    func concurrentWorkers() async throws {
        let compiled = try #require(
            Fixtures.compile(
                "all(applications where matches(name, '^[A-Z]'), any(modules, len(it) > 3))"
            ).0)
        let inventory = Fixtures.inventory()
        let results = await withTaskGroup(of: Value.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
                    context.inventory = inventory
                    var last = Value.null
                    for _ in 0..<200 { last = compiled.evaluate(context) }
                    return last
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == [Value](repeating: .bool(true), count: 8))
    }

    @Test("quantifiers nested as deep as the parser accepts each get a slot of their own")
    func deepestNesting() throws {
        func nested(_ depth: Int) -> String {
            (0..<depth).reversed().reduce("true") { inner, level in "any([\(level)] as q\(level), \(inner))" }
        }
        var depth = 1
        while Fixtures.compile(nested(depth + 1)).0 != nil { depth += 1 }
        #expect(depth > 10)
        #expect(Fixtures.evaluate(nested(depth)) == .bool(true))
    }
}

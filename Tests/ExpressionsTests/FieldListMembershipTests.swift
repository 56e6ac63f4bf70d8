import DataModel
import Testing

@testable import Expressions

/// `x in field`, where the list is a field, searches the list where its record stores it, and takes a constant
/// element apart beforehand. It must answer, spend and evaluate in the order the general path does.
@Suite("Evaluation: membership in a list field")
struct FieldListMembershipTests {
    @Test(
        "a null list gives null; coalesce's constant list stands in for it",
        arguments: [
            ("'x' in modules", Value.null), ("'x' not in modules", .null), ("name in modules", .null),
            ("'x' in coalesce(modules, ['y', 'x'])", .bool(true)), ("'x' not in coalesce(modules, ['y'])", .bool(true)),
            ("'x' in coalesce(modules, ['y', null])", .null), ("name in coalesce(modules, ['x'])", .bool(true)),
            ("'x' in coalesce(modules, [])", .bool(false)),
        ])
    func nullAndFallback(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, subject: ["name": .string("x")]) == expected, "\(source)")
    }

    @Test(
        "the field's own list wins over coalesce's constant",
        arguments: [
            ("'x' in coalesce(modules, ['x'])", false), ("'y' in coalesce(modules, ['x'])", true),
            ("name not in coalesce(modules, ['x'])", true),
        ])
    func fallbackUnused(_ source: String, expected: Bool) {
        let subject: [String: Value] = ["name": .string("x"), "modules": .strings("y")]
        #expect(Fixtures.evaluate(source, subject: subject) == .bool(expected), "\(source)")
    }

    @Test(
        "a null in the list makes a miss unknown, not a hit",
        arguments: [
            ("'x' in modules", Value.null), ("'x' not in modules", .null), ("'y' in modules", .bool(true)),
            ("'y' not in modules", .bool(false)), ("name in modules", .null),
            ("'y' in coalesce(modules, [])", .bool(true)),
        ])
    func nullElement(_ source: String, expected: Value) {
        let subject: [String: Value] = ["name": .string("x"), "modules": .list([.string("y"), .null])]
        #expect(Fixtures.evaluate(source, subject: subject) == expected, "\(source)")
    }

    @Test(
        "a null element tested gives null, even in an empty list",
        arguments: [
            ("name in modules", Value.strings("x")), ("name not in modules", .strings("x")),
            ("name in modules", .list([])),
            ("null in modules", .strings("x")), ("null not in modules", .list([])),
        ])
    func nullTested(_ source: String, modules: Value) {
        #expect(Fixtures.evaluate(source, subject: ["modules": modules]) == .null, "\(source)")
    }

    @Test(
        "int and number compare as numbers",
        arguments: [
            ("1 in levels", true), ("1.0 in levels", true), ("2.5 in levels", true), ("2 in levels", false),
            ("users in levels", true), ("budget in levels", true), ("1.5 not in levels", true),
            ("users not in levels", false),
        ])
    func numbers(_ source: String, expected: Bool) {
        // A hand-built record may hold a number in a list of ints.
        let subject: [String: Value] = [
            "levels": .list([.number(1), .number(2.5)]), "users": .int(1), "budget": .number(2.5),
        ]
        #expect(Fixtures.evaluate(source, subject: subject) == .bool(expected), "\(source)")
    }

    @Test(
        "strings compare by canonical equivalence",
        arguments: [
            ("'\u{E9}' in modules", true), ("'e\u{301}' in modules", true), ("'K' in modules", true),
            ("'e' in modules", false), ("'\u{E9}' not in modules", false), ("name in modules", true),
            ("all(['\u{E9}', 'K'], it in modules)", true),
        ])
    func canonical(_ source: String, expected: Bool) {
        let fields: [String: Value] = [
            "name": .string("\u{E9}"), "modules": .list([.string("e\u{301}"), .string("\u{212A}")]),
        ]
        #expect(Fixtures.evaluate(source, subject: fields) == .bool(expected), "\(source)")
        // The same search in a quantifier's element rather than the subject (`it` hides the element's fields).
        let inventory = Fixtures.inventory(applications: [fields])
        let quantified = "any(applications, \(source))"
        #expect(Fixtures.evaluate(quantified, subject: fields, inventory: inventory) == .bool(expected), "\(source)")
    }

    @Test("the element is not evaluated when the list is not a list")
    func elementAfterList() throws {
        let compiled = try #require(Fixtures.compile("count(applications, true) in levels").0)
        func cost(_ levels: Value) -> Int {
            let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
            context.inventory = Fixtures.inventory()
            context.subject = Fixtures.record(Fixtures.applications, ["levels": levels])
            _ = compiled.evaluate(context)
            return context.costSpent
        }
        // The count visits the inventory's two applications; the empty list costs nothing of its own.
        #expect(cost(.list([])) == cost(.null) + 2)
        #expect(cost(.list([.int(1), .int(2)])) == cost(.null) + 2 + 2)
    }

    /// Searches of each list field, written twice: as is, and with the list written `coalesce(field, field)` and
    /// a constant element `c` written `coalesce(c, field)`, which are the same values but neither a field nor a
    /// constant, so compile to the general path.
    private static let searches: [(list: String, fallback: String, elements: [(fast: String, general: String)])] = [
        (
            "modules", "['x', null]",
            [
                ("'x'", "coalesce('x', name)"), ("'\u{E9}'", "coalesce('\u{E9}', name)"),
                ("'K'", "coalesce('K', name)"),
                ("name", "name"),
            ]
        ),
        (
            "levels", "[1, 2]",
            [
                ("1", "coalesce(1, users)"), ("1.0", "coalesce(1.0, budget)"), ("2.5", "coalesce(2.5, budget)"),
                ("users", "users"), ("budget", "budget"), ("count(applications, true)", "count(applications, true)"),
            ]
        ),
    ]

    /// What the fields hold: lists and values of every kind, including ones their schema does not allow.
    private static let lists: [Value] = [
        .null, .list([]), .strings("x"), .list([.string("x"), .null]), .list([.null]), .strings("e\u{301}", "y"),
        .strings("\u{212A}"), .list([.int(1)]), .list([.number(1), .int(2)]), .list([.number(2.5), .null]),
        .strings("1"), .list([.strings("x")]), .string("x"), .int(1),
    ]
    private static let elements: [Value] = [
        .null, .string("x"), .string("\u{E9}"), .string("K"), .int(1), .number(1), .number(2.5), .strings("x"),
    ]

    @Test("the paths for list fields answer and spend as the general path", arguments: searches)
    func agreement(_ list: String, _ fallback: String, _ elements: [(fast: String, general: String)]) throws {
        let elementFields = ["name", "users", "budget"]
        for (read, general, named) in [
            (list, "coalesce(\(list), \(list))", false),
            ("coalesce(\(list), \(fallback))", "coalesce(coalesce(\(list), \(list)), \(fallback))", false),
            ("self.\(list)", "coalesce(self.\(list), self.\(list))", false),
            ("a.\(list)", "coalesce(a.\(list), a.\(list))", true),
            ("coalesce(a.\(list), \(fallback))", "coalesce(coalesce(a.\(list), a.\(list)), \(fallback))", true),
        ] {
            // The subject's fields, the implicit fields of a quantifier's element, or its fields as `a.field`.
            let wraps: [(String) -> String] =
                if named {
                    [{ "any(applications as a, \(Self.named($0, elementFields)))" }]
                } else {
                    [{ $0 }, { "any(applications, \($0))" }]
                }
            for element in elements {
                for op in ["in", "not in"] {
                    // The element as is, and bound to `it` by a quantifier over a list of it (`coalesce(it, it)`
                    // is the general path's reading of `it`).
                    let searches = [
                        ("\(element.fast) \(op) \(read)", "\(element.general) \(op) \(general)"),
                        (
                            "any([\(element.fast)], it \(op) \(read))",
                            "any([\(element.general)], coalesce(it, it) \(op) \(general))"
                        ),
                    ]
                    for ((fast, slow), wrap) in searches.flatMap({ search in wraps.map { (search, $0) } }) {
                        let compiledFast = try #require(Fixtures.compile(wrap(fast)).0, "\(wrap(fast))")
                        let compiledSlow = try #require(Fixtures.compile(wrap(slow)).0, "\(wrap(slow))")
                        for listValue in Self.lists {
                            for elementValue in Self.elements {
                                var fields = [list: listValue]
                                for field in elementFields { fields[field] = elementValue }
                                let fastRun = Self.run(compiledFast, fields)
                                let slowRun = Self.run(compiledSlow, fields)
                                let label = "\(wrap(fast)) with \(list) = \(listValue), element \(elementValue)"
                                #expect(fastRun.value == slowRun.value, "\(label)")
                                #expect(fastRun.cost == slowRun.cost, "cost of \(label)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// `source` with each of `fields` read as `a.field` (no field name is part of another word in the searches).
    private static func named(_ source: String, _ fields: [String]) -> String {
        fields.reduce(source) { $0.replacingOccurrences(of: $1, with: "a.\($1)") }
    }

    /// Scalars and lists of every kind, nulls among them.
    private static let values: [Value] = elements + lists + [.bool(true), .date(Fixtures.day("2024-01-31"))]

    @Test("a scalar compares with a value as the value with the scalar (the order reversed)")
    func staticComparisons() {
        for scalar in Self.values where Comparand(scalar) != nil {
            for value in Self.values {
                #expect(Comparand.equals(value, scalar) == Runtime.equals(scalar, value), "\(scalar) == \(value)")
                let reversed = Runtime.order(scalar, value).map { -$0 }
                #expect(Comparand.order(value, scalar) == reversed, "\(scalar) <=> \(value)")
            }
        }
    }

    @Test("membership compared in place answers as with each candidate compared by equals")
    func inPlaceMembership() {
        let candidates = Self.lists.compactMap { if case .list(let items) = $0 { items } else { nil } }
        for element in Self.values {
            for list in candidates + [[.bool(true)], [.date(Fixtures.day("2024-01-31")), .strings("x")]] {
                let expected = Runtime.membership(element, in: list, equal: Runtime.equals)
                #expect(Runtime.membership(element, in: list) == expected, "\(element) in \(list)")
            }
        }
    }

    /// The result and the cost of `compiled` with `fields` set on the subject and on the one application.
    private static func run(_ compiled: CompiledExpression, _ fields: [String: Value]) -> (value: Value, cost: Int) {
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        context.inventory = Fixtures.inventory(applications: [fields])
        context.subject = Fixtures.record(Fixtures.applications, fields)
        let result = compiled.evaluate(context)
        return (result, context.costSpent)
    }
}

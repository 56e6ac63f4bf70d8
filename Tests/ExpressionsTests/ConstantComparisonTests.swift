import DataModel
import Diagnostics
import Expressions
import Testing

/// Comparisons of a field with constants compile to paths of their own, which read the field in place and take
/// the constant apart beforehand. They must answer, and spend, exactly as the general path does.
@Suite("Evaluation: comparisons with constants")
struct ConstantComparisonTests {
    private static let day = Fixtures.day("2024-01-31")

    @Test(
        "null gives null; coalesce's constant stands in for a null field",
        arguments: [
            ("name == 'x'", Value.null), ("name != 'x'", .null), ("'x' == name", .null), ("name in ['x']", .null),
            ("name not in ['x']", .null), ("name < 'x'", .null), ("users >= 1", .null), ("users in [1, null]", .null),
            ("coalesce(name, 'x') == 'x'", .bool(true)), ("coalesce(name, 'x') != 'x'", .bool(false)),
            ("coalesce(name, 'y') == 'x'", .bool(false)), ("coalesce(name, 'x') in ['z', 'x']", .bool(true)),
            ("coalesce(name, 'y') not in ['x']", .bool(true)), ("coalesce(name, 'y') in ['x', null]", .null),
            ("coalesce(users, 0) >= 1", .bool(false)), ("coalesce(users, 1) <= 1.5", .bool(true)),
        ])
    func nullAndFallback(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source) == expected, "\(source)")
    }

    @Test(
        "a field's own value wins over coalesce's constant",
        arguments: [
            ("coalesce(name, 'x') == 'x'", false), ("coalesce(name, 'y') == 'z'", true),
            ("coalesce(name, 'y') in ['z']", true), ("coalesce(users, 0) >= 1", true),
        ])
    func fallbackUnused(_ source: String, expected: Bool) {
        #expect(Fixtures.evaluate(source, subject: ["name": .string("z"), "users": .int(2)]) == .bool(expected))
    }

    @Test(
        "int and number compare as numbers",
        arguments: [
            ("users == 1.0", true), ("users != 1.0", false), ("users in [2.5, 1.0]", true), ("users < 1.5", true),
            ("budget == 1", true), ("budget in [2, 1]", true), ("budget >= 1", true), ("budget > 1", false),
            ("count == 1", true), ("users == 2", false),
        ])
    func numbers(_ source: String, expected: Bool) {
        // `count` is an int field holding a number, as a hand-built record may.
        let subject: [String: Value] = ["users": .int(1), "budget": .number(1), "count": .number(1)]
        #expect(Fixtures.evaluate(source, subject: subject) == .bool(expected), "\(source)")
    }

    @Test(
        "values of another kind are unequal and do not order",
        arguments: [
            ("name == '1'", Value.bool(false)), ("name != '1'", .bool(true)), ("'1' == name", .bool(false)),
            ("name in ['1', 'x']", .bool(false)), ("name not in ['1']", .bool(true)), ("name < 'x'", .null),
            ("users == 1", .bool(false)), ("users in [1]", .bool(false)), ("users >= 1", .null),
            ("active == true", .bool(false)), ("audit_date == date('2024-01-31')", .bool(false)),
        ])
    func mismatch(_ source: String, expected: Value) {
        // Every field holds the int 1 or the string "1", whatever the schema says.
        let subject: [String: Value] = [
            "name": .int(1), "users": .string("1"), "active": .int(1), "audit_date": .string("2024-01-31"),
        ]
        #expect(Fixtures.evaluate(source, subject: subject) == expected, "\(source)")
    }

    @Test(
        "strings compare by canonical equivalence",
        arguments: [
            ("e\u{301}", "name == '\u{E9}'", true), ("e\u{301}", "'\u{E9}' == name", true),
            ("e\u{301}", "name != '\u{E9}'", false), ("e\u{301}", "name in ['x', '\u{E9}']", true),
            ("e\u{301}", "name not in ['\u{E9}']", false), ("e\u{301}", "name <= '\u{E9}'", true),
            ("e\u{301}", "name >= '\u{E9}'", true), ("\u{E9}", "name == 'e\u{301}'", true),
            ("\u{E9}", "name in ['e\u{301}']", true), ("\u{212A}", "name == 'K'", true),
            ("e", "name == '\u{E9}'", false),
            ("e\u{301}", "coalesce(name, 'x') == '\u{E9}'", true), ("\u{E9}", "name == 'e'", false),
        ])
    func canonical(_ value: String, _ source: String, expected: Bool) {
        #expect(Fixtures.evaluate(source, subject: ["name": .string(value)]) == .bool(expected), "\(source)")
        // The same comparison on a quantifier's element rather than the subject.
        let inventory = Fixtures.inventory(applications: [["name": .string(value)]])
        let element = source.replacingOccurrences(of: "name", with: "a.name")
        #expect(Fixtures.evaluate("any(applications as a, \(element))", inventory: inventory) == .bool(expected))
    }

    @Test("a record shorter than its schema reads as null")
    func shortRecord() throws {
        for (source, expected) in [("coalesce(users, 1) == 1", Value.bool(true)), ("users in [1]", .null)] {
            let compiled = try #require(Fixtures.compile(source).0)
            let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
            context.subject = Record(values: [], location: SourceLocation(file: "t", line: 1, column: 1), key: "r")
            #expect(compiled.evaluate(context) == expected, "\(source)")
        }
    }

    /// A field's comparisons with constants, each written twice: as is, which compiles to the path of its own,
    /// and with every constant `c` written `coalesce(c, field)`, which is `c` (never null) but not a constant,
    /// so compiles to the general path.
    private static let comparisons: [(field: String, constant: String, other: String, ordered: Bool)] = [
        ("name", "'x'", "'y'", true), ("name", "'\u{E9}'", "'K'", true), ("name", "'e\u{301}'", "'x'", true),
        ("users", "1", "2.5", true), ("users", "1.0", "2", true), ("budget", "1", "1.5", true),
        ("active", "true", "false", false), ("audit_date", "date('2024-01-31')", "date('2024-02-01')", true),
    ]

    /// What the fields hold: every kind of value, including ones their schema does not allow.
    private static let values: [Value] = [
        .null, .string("x"), .string("y"), .string("\u{E9}"), .string("e\u{301}"), .string("\u{212A}"), .int(1),
        .int(2), .number(1), .number(1.5), .bool(true), .bool(false), .date(day), .date(Fixtures.day("2024-02-01")),
        .list([.string("x")]),
    ]

    @Test("the paths for constants answer and spend as the general path", arguments: comparisons)
    func agreement(_ field: String, _ constant: String, _ other: String, _ ordered: Bool) throws {
        // The field read from the subject (by its bare name or as `self.field`), with a fallback, and from a
        // quantifier's element.
        for (read, onElement) in [
            (field, false), ("coalesce(\(field), \(other))", false), ("self.\(field)", false), ("a.\(field)", true),
            ("coalesce(a.\(field), \(other))", true),
        ] {
            let hidden = "coalesce(\(constant), \(read))"
            var pairs = [("\(constant) == \(read)", "\(hidden) == \(read)")]
            for op in ordered ? ["==", "!=", "<", "<=", ">", ">="] : ["==", "!="] {
                pairs.append(("\(read) \(op) \(constant)", "\(read) \(op) \(hidden)"))
            }
            for op in ["in", "not in"] {
                pairs.append(("\(read) \(op) [\(other), \(constant)]", "\(read) \(op) [\(other), \(hidden)]"))
                pairs.append(("\(read) \(op) [\(constant), null]", "\(read) \(op) [\(hidden), null]"))
            }
            for (fast, general) in pairs {
                let source = { onElement ? "any(applications as a, \($0))" : $0 }
                let compiledFast = try #require(Fixtures.compile(source(fast)).0, "\(fast)")
                let compiledGeneral = try #require(Fixtures.compile(source(general)).0, "\(general)")
                for value in Self.values {
                    let fastRun = Self.run(compiledFast, field: field, value: value)
                    let generalRun = Self.run(compiledGeneral, field: field, value: value)
                    #expect(fastRun.value == generalRun.value, "\(fast) with \(field) = \(value)")
                    #expect(fastRun.cost == generalRun.cost, "cost of \(fast) with \(field) = \(value)")
                }
            }
        }
    }

    @Test("a chain of field comparisons joined by and answers and spends as the same chain on the general path")
    func conjunctions() throws {
        let tests = ["name == 'x'", "users in [1, 2]", "active != true", "coalesce(name, 'y') not in ['y', 'z']"]
        let general = [
            "name == coalesce('x', name)", "users in [1, coalesce(2, users)]", "active != coalesce(true, active)",
            "coalesce(name, 'y') not in ['y', coalesce('z', name)]",
        ]
        let chains = [[0, 1], [1, 2, 0], [3, 1, 2], [2, 0, 3, 1]]
        let values: [String: [Value]] = [
            "name": [.null, .string("x"), .string("z"), .int(1)], "users": [.null, .int(1), .int(3), .string("1")],
            "active": [.null, .bool(true), .bool(false)],
        ]
        for chain in chains {
            for onElement in [false, true] {
                func source(_ parts: [String]) -> String {
                    let joined = chain.map { parts[$0] }.joined(separator: " and ")
                    return onElement ? "any(applications where \(joined))" : joined
                }
                let fast = try #require(Fixtures.compile(source(tests)).0, "\(source(tests))")
                let slow = try #require(Fixtures.compile(source(general)).0, "\(source(general))")
                for name in values["name"]! {
                    for users in values["users"]! {
                        for active in values["active"]! {
                            let fields: [String: Value] = ["name": name, "users": users, "active": active]
                            let (fastRun, slowRun) = (Self.run(fast, fields: fields), Self.run(slow, fields: fields))
                            #expect(fastRun.value == slowRun.value, "\(source(tests)) with \(fields)")
                            #expect(fastRun.cost == slowRun.cost, "cost of \(source(tests)) with \(fields)")
                        }
                    }
                }
            }
        }
    }

    /// The result and the cost of `compiled` with `fields` set on the subject and on the one application.
    private static func run(_ compiled: CompiledExpression, fields: [String: Value]) -> (value: Value, cost: Int) {
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        context.inventory = Fixtures.inventory(applications: [fields])
        context.subject = Fixtures.record(Fixtures.applications, fields)
        let result = compiled.evaluate(context)
        return (result, context.costSpent)
    }

    /// The result and the cost of `compiled` with `field` set to `value` on the subject and on the one application.
    private static func run(_ compiled: CompiledExpression, field: String, value: Value) -> (value: Value, cost: Int) {
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        context.inventory = Fixtures.inventory(applications: [[field: value]])
        context.subject = Fixtures.record(Fixtures.applications, [field: value])
        let result = compiled.evaluate(context)
        return (result, context.costSpent)
    }
}

import DataModel
import Expressions
import Testing

@Suite("Evaluation: operators")
struct OperatorEvaluationTests {
    @Test(
        "arithmetic",
        arguments: [
            ("1 + 2", Value.int(3)),
            ("1 - 2.5", .number(-1.5)),
            ("2 * 3.5", .number(7)),
            ("7 / 2", .number(3.5)),
            ("8 / 2", .number(4)),
            ("7 % 3", .int(1)),
            ("-7 % 3", .int(-1)),
            ("5.5 % 2", .number(1.5)),
            ("-(2 + 3) * 2", .int(-10)),
            ("users * 2 + budget", .number(250.5)),
            ("users % 7", .int(2)),
            ("-users", .int(-100)),
        ])
    func arithmetic(_ source: String, expected: Value) {
        let subject: [String: Value] = ["users": .int(100), "budget": .number(50.5)]
        #expect(Fixtures.evaluate(source, subject: subject) == expected)
    }

    @Test(
        "overflow and division by zero give null",
        arguments: [
            "9223372036854775807 + 1",
            "-9223372036854775807 - 2",
            "users * 9223372036854775807",
            "self.count * -1",
            "1 / 0",
            "users / (users - users)",
            "1 % 0",
            "1.5 % 0",
            "users % 0",
            "budget / 0",
            "-self.count",
            "self.count - 1 - 1",
            "date('9999-12-31') + 1",
            "date('0001-01-01') - 1",
            "audit_date + 9223372036854775807",
            "audit_date - self.count",
        ])
    func overflow(_ source: String) {
        let subject: [String: Value] = [
            "users": .int(5), "budget": .number(1), "audit_date": .date(Fixtures.day("2024-01-01")),
            "count": .int(.min),
        ]
        #expect(Fixtures.evaluate(source, subject: subject) == .null)
    }

    @Test(
        "comparisons",
        arguments: [
            ("1 < 2", true), ("2 <= 2", true), ("3 > 4", false), ("3 >= 3.5", false),
            ("1 == 1.0", true), ("1 != 1", false), ("'a' < 'b'", true), ("'a' == 'A'", false),
            ("'umum' == type", true), ("type != 'khusus'", true),
            ("date('2024-01-01') < date('2024-01-02')", true), ("audit_date == date('2024-01-31')", true),
            ("[1, 2] == [1, 2]", true), ("[1, 2] != [2, 1]", true), ("[1, 2] == [1, 2, 3]", false),
            ("modules == ['a', 'b']", true), ("true == false", false), ("name >= 'SIMPEG'", true),
        ])
    func comparisons(_ source: String, expected: Bool) {
        let subject: [String: Value] = [
            "type": .string("umum"), "audit_date": .date(Fixtures.day("2024-01-31")), "modules": .strings("a", "b"),
            "name": .string("SIMPEG"),
        ]
        #expect(Fixtures.evaluate(source, subject: subject) == .bool(expected))
    }

    @Test(
        "membership",
        arguments: [
            ("2 in [1, 2]", Value.bool(true)),
            ("3 in [1, 2]", .bool(false)),
            ("3 not in [1, 2]", .bool(true)),
            ("2.0 in [1, 2]", .bool(true)),
            ("'absensi' in modules", .bool(true)),
            ("'ABSENSI' in modules", .bool(false)),
            ("type in ['umum', 'khusus']", .bool(true)),
            ("1 in [null, 2]", .null),
            ("2 in [null, 2]", .bool(true)),
            ("1 not in [null, 2]", .null),
            ("'x' in []", .bool(false)),
            ("hosting in ['pdn']", .null),
            ("'pdn' in applications.hosting", .bool(true)),
        ])
    func membership(_ source: String, expected: Value) {
        let subject: [String: Value] = ["type": .string("khusus"), "modules": .strings("kepegawaian", "absensi")]
        #expect(Fixtures.evaluate(source, subject: subject) == expected)
    }

    @Test(
        "strings compare by canonical equivalence, also against constants",
        arguments: [
            ("name == 'K'", true), ("'K' == name", true), ("name != 'K'", false), ("name in ['x', 'K']", true),
            ("name not in ['K']", false), ("type == 'umum'", true), ("name == 'k'", false), ("name == 'KK'", false),
            ("type in ['khusus', 'umum']", true), ("type in ['khusus']", false), ("hosting == 'caf\u{E9}'", true),
            ("hosting == 'cafe'", false), ("hosting in ['caf\u{E9}', 'x']", true), ("id == 'A1'", false),
        ])
    func canonicalStrings(_ source: String, expected: Bool) {
        // "\u{212A}" (KELVIN SIGN) is canonically equivalent to "K"; "e\u{301}" to "\u{E9}".
        let subject: [String: Value] = [
            "name": .string("\u{212A}"), "type": .string("umum"), "hosting": .string("cafe\u{301}"),
            "id": .string("A2"),
        ]
        #expect(Fixtures.evaluate(source, subject: subject) == .bool(expected))
    }

    @Test(
        "date arithmetic",
        arguments: [
            ("audit_date + 30", Value.date(Fixtures.day("2024-03-01"))),
            ("audit_date - 31", .date(Fixtures.day("2023-12-31"))),
            ("as_of - audit_date", .int(136)),
            ("audit_date - as_of", .int(-136)),
            ("as_of", .date(Fixtures.day("2024-06-15"))),
            ("date('2025-01-01') - date('2024-01-01')", .int(366)),
        ])
    func dates(_ source: String, expected: Value) {
        let subject: [String: Value] = ["audit_date": .date(Fixtures.day("2024-01-31"))]
        #expect(Fixtures.evaluate(source, subject: subject) == expected)
    }

    @Test(
        "field access and projection",
        arguments: [
            ("self.name", Value.string("SIMPEG")),
            ("name", .string("SIMPEG")),
            ("opd.name", .string("Dinas Kominfo")),
            ("opd.kind == 'dinas'", .bool(true)),
            ("applications.name", .strings("SIMPEG", "Website")),
            ("applications.modules", .strings("kepegawaian", "absensi", "berita")),
            ("documents.year", .list([.int(2022), .int(2024), .int(2021)])),
            ("applications.audit_date", .list([.date(Fixtures.day("2023-01-10")), .null])),
            ("documents.programs", .strings("P1", "P2", "P2")),
            ("len(applications.modules)", .int(3)),
            ("self.count", .null),
        ])
    func fields(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, subject: ["name": .string("SIMPEG")]) == expected)
    }

    @Test("a compiled expression is reused across subjects and inventories")
    func reuse() throws {
        let compiled = try #require(Fixtures.compile("hosting == 'pdn' and count(documents) >= 2").0)
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        context.inventory = Fixtures.inventory()
        var results: [Value] = []
        for hosting in ["pdn", "cloud"] {
            context.subject = Fixtures.record(Fixtures.applications, ["hosting": .string(hosting)])
            results.append(compiled.evaluate(context))
        }
        context.inventory = Fixtures.inventory(documents: [])
        results.append(compiled.evaluate(context))
        context.inventory = nil
        results.append(compiled.evaluate(context))
        #expect(results == [.bool(true), .bool(false), .bool(false), .bool(false)])
    }

    @Test("without an inventory, globals are unknown")
    func noInventory() throws {
        let compiled = try #require(Fixtures.compile("count(documents) > 1 or opd.name == 'x'").0)
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        #expect(compiled.evaluate(context) == .null)
    }
}

import DataModel
import Expressions
import Testing

private let subject: [String: Value] = [
    "name": .string("SIMPEG Kepegawaian"), "hosting": .string("  PDN  "), "modules": .strings("Kepegawaian", "absensi"),
    "users": .int(10), "budget": .number(2.5), "audit_date": .date(Fixtures.day("2020-02-29")), "id": .string(""),
]

@Suite("Evaluation: functions")
struct FunctionEvaluationTests {
    @Test(
        "string and list functions",
        arguments: [
            ("present(name)", Value.bool(true)),
            ("present(type)", .bool(false)),
            ("present(id)", .bool(false)),
            ("present(modules)", .bool(true)),
            ("present([])", .bool(false)),
            ("present(0)", .bool(true)),
            ("present(self)", .bool(true)),
            ("present(applications)", .bool(true)),
            ("len(name)", .int(18)),
            ("len('héllo')", .int(5)),
            ("len(modules)", .int(2)),
            ("len(applications)", .int(2)),
            ("len(type)", .null),
            ("contains(name, 'kepeg')", .bool(true)),
            ("contains(name, 'pdn')", .bool(false)),
            ("contains(modules, 'ABSENSI')", .bool(true)),
            ("contains(modules, 'keuangan')", .bool(false)),
            ("contains(['a', null], 'b')", .null),
            ("contains(['a', null], 'A')", .bool(true)),
            ("starts_with(name, 'simpeg')", .bool(true)),
            ("ends_with(name, 'PEGAWAIAN')", .bool(true)),
            ("ends_with(name, 'simpeg')", .bool(false)),
            ("lower(name)", .string("simpeg kepegawaian")),
            ("upper('déjà vu')", .string("DÉJÀ VU")),
            ("trim(hosting)", .string("PDN")),
            ("trim(' \\t\\n ')", .string("")),
            ("lower(trim(hosting)) == 'pdn'", .bool(true)),
        ])
    func strings(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, subject: subject) == expected)
    }

    @Test(
        "matches() searches with a pattern compiled once",
        arguments: [
            ("matches(name, '^SIMPEG')", Value.bool(true)),
            ("matches(name, 'simpeg')", .bool(false)),
            ("matches(name, '(?i)simpeg')", .bool(true)),
            ("matches(name, '^[A-Z]+ [A-Za-z]+$')", .bool(true)),
            ("matches(id, '^$')", .bool(true)),
            ("matches(type, 'x')", .null),
            ("matches('2024-01-31', '^\\\\d{4}-\\\\d{2}-\\\\d{2}$')", .bool(true)),
            // Nested repetitions run in linear time like any other pattern.
            ("matches('https://dinkes.slemankab.go.id/', '^https://([a-z0-9-]+\\\\.)+go\\\\.id/')", .bool(true)),
            ("matches('https://contoh.com/', '^https://([a-z0-9-]+\\\\.)+go\\\\.id/')", .bool(false)),
            ("matches('abbabbbac', '^(ab+)+c')", .bool(false)),
            ("matches('abbabbbabc', '(ab+)+c')", .bool(true)),
        ])
    func matches(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, subject: subject) == expected)
    }

    @Test("matches() gives null for inputs over 1,000 characters")
    func longInput() {
        let short = String(repeating: "a", count: 1_000)
        let long = String(repeating: "a", count: 1_001)
        #expect(Fixtures.evaluate("matches(name, 'a$')", subject: ["name": .string(short)]) == .bool(true))
        #expect(Fixtures.evaluate("matches(name, 'a$')", subject: ["name": .string(long)]) == .null)
    }

    @Test(
        "date functions",
        arguments: [
            ("date('2024-01-31')", Value.date(Fixtures.day("2024-01-31"))),
            ("date(name)", .null),
            ("date(hosting)", .date(Fixtures.day("2023-12-01"))),
            ("year(audit_date)", .int(2020)),
            ("year(date('2024-06-15'))", .int(2024)),
            ("days_between(date('2024-01-01'), date('2024-03-01'))", .int(60)),
            ("days_between(date('2024-03-01'), date('2024-01-01'))", .int(-60)),
            ("days_since(date('2024-06-10'))", .int(5)),
            ("days_since(date('2024-06-20'))", .int(-5)),
            ("months_since(date('2024-01-15'))", .int(5)),
            ("months_since(date('2024-01-16'))", .int(4)),
            ("years_since(audit_date)", .int(4)),
            ("years_since(date(type))", .null),
        ])
    func dates(_ source: String, expected: Value) {
        var values = subject
        values["hosting"] = .string("2023-12-01")
        #expect(Fixtures.evaluate(source, subject: values) == expected)
    }

    @Test(
        "years_since counts whole years across leap days and into the future",
        arguments: [
            ("2020-02-29", "2021-02-28", 0),
            ("2020-02-29", "2021-03-01", 1),
            ("2020-02-29", "2024-02-28", 3),
            ("2020-02-29", "2024-02-29", 4),
            ("2023-06-15", "2024-06-15", 1),
            ("2023-06-16", "2024-06-15", 0),
            ("2024-06-15", "2024-06-15", 0),
            ("2026-07-01", "2024-06-15", -2),
            ("2025-06-14", "2024-06-15", 0),
            ("2025-06-15", "2024-06-15", -1),
        ])
    func yearsSince(_ date: String, _ asOf: String, _ expected: Int) {
        let value = Fixtures.evaluate(
            "years_since(audit_date)", subject: ["audit_date": .date(Fixtures.day(date))], asOf: asOf
        )
        #expect(value == .int(expected))
    }

    @Test(
        "months_since counts whole months",
        arguments: [
            ("2024-01-31", "2024-02-29", 0),
            ("2024-01-31", "2024-03-31", 2),
            ("2023-12-15", "2024-06-15", 6),
            ("2024-09-15", "2024-06-15", -3),
        ])
    func monthsSince(_ date: String, _ asOf: String, _ expected: Int) {
        let value = Fixtures.evaluate(
            "months_since(audit_date)", subject: ["audit_date": .date(Fixtures.day(date))], asOf: asOf
        )
        #expect(value == .int(expected))
    }

    @Test(
        "coalesce, min and max",
        arguments: [
            ("coalesce(type, 'umum')", Value.string("umum")),
            ("coalesce(name, 'x')", .string("SIMPEG Kepegawaian")),
            ("coalesce(count, 0)", .int(0)),
            ("coalesce(null, null)", .null),
            // A field with a constant fallback is read in place: as a value, a condition, in comparisons and lists.
            ("coalesce(users, 1.5)", .int(10)),
            ("coalesce(count, 1.5)", .number(1.5)),
            ("coalesce(active, false)", .bool(false)),
            ("not coalesce(active, true)", .bool(false)),
            ("coalesce(type, 'umum') == 'umum'", .bool(true)),
            ("coalesce(type, 'khusus') in ['umum']", .bool(false)),
            ("coalesce(coalesce(count, null), 3)", .int(3)),
            ("coalesce(coalesce(type, 'umum'), 'khusus')", .string("umum")),
            ("present(coalesce(count, 0))", .bool(true)),
            ("coalesce(count, null) == null", .bool(true)),
            ("min(1, 2)", .int(1)),
            ("max(1, 2)", .int(2)),
            ("min(users, budget)", .number(2.5)),
            ("max(users, budget)", .number(10)),
            ("min(count, 1)", .null),
            ("max(audit_date, as_of)", .date(Fixtures.day("2024-06-15"))),
            ("min(audit_date, as_of)", .date(Fixtures.day("2020-02-29"))),
        ])
    func coalesceAndExtremes(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, subject: subject) == expected)
    }

    @Test(
        "passes() reads the verdicts of other rules",
        arguments: [
            ("passes('SPBE-01')", Value.bool(true)),
            ("passes('SPBE-02')", .null),
            ("not passes('SPBE-01')", .bool(false)),
            ("passes('SPBE-01') and passes('SPBE-02')", .null),
            ("passes('SPBE-01') or passes('SPBE-02')", .bool(true)),
        ])
    func passes(_ source: String, expected: Value) {
        #expect(Fixtures.evaluate(source, verdicts: [.bool(true), .null]) == expected)
    }

    @Test("passes() of a rule beyond the verdicts given is unknown")
    func passesOutOfRange() {
        #expect(Fixtures.evaluate("passes('SPBE-02')", verdicts: []) == .null)
    }

    @Test("the rules named by passes() are reported")
    func referencedRules() throws {
        let compiled = try #require(Fixtures.compile("passes('SPBE-02') or passes('SPBE-01') or passes(\"SPBE-02\")").0)
        #expect(compiled.referencedRules == ["SPBE-01", "SPBE-02"])
    }
}

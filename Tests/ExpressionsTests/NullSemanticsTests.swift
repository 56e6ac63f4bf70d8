import DataModel
import Expressions
import Testing

/// The three truth values as expressions over fields, so evaluation (not constant folding) is exercised:
/// `active` is true, `backup` is false, `users > 0` is null (users is missing).
private let truth: [String: (literal: String, field: String, value: Value)] = [
    "T": ("true", "active", .bool(true)),
    "F": ("false", "backup", .bool(false)),
    "N": ("null", "users > 0", .null),
]

private let subject: [String: Value] = ["active": .bool(true), "backup": .bool(false)]

@Suite("Evaluation: null semantics")
struct NullSemanticsTests {
    @Test(
        "and, or and not follow Kleene's three-valued logic",
        arguments: [
            ("T", "and", "T", "T"), ("T", "and", "F", "F"), ("T", "and", "N", "N"),
            ("F", "and", "T", "F"), ("F", "and", "F", "F"), ("F", "and", "N", "F"),
            ("N", "and", "T", "N"), ("N", "and", "F", "F"), ("N", "and", "N", "N"),
            ("T", "or", "T", "T"), ("T", "or", "F", "T"), ("T", "or", "N", "T"),
            ("F", "or", "T", "T"), ("F", "or", "F", "F"), ("F", "or", "N", "N"),
            ("N", "or", "T", "T"), ("N", "or", "F", "N"), ("N", "or", "N", "N"),
        ])
    func kleene(_ left: String, _ op: String, _ right: String, _ expected: String) throws {
        let (l, r, e) = (try #require(truth[left]), try #require(truth[right]), try #require(truth[expected]))
        #expect(Fixtures.evaluate("(\(l.field)) \(op) (\(r.field))", subject: subject) == e.value)
        #expect(Fixtures.evaluate("\(l.literal) \(op) \(r.literal)", subject: subject) == e.value)
    }

    @Test("not", arguments: [("T", "F"), ("F", "T"), ("N", "N")])
    func not(_ operand: String, _ expected: String) throws {
        let (o, e) = (try #require(truth[operand]), try #require(truth[expected]))
        #expect(Fixtures.evaluate("not (\(o.field))", subject: subject) == e.value)
        #expect(Fixtures.evaluate("not \(o.literal)", subject: subject) == e.value)
    }

    @Test(
        "null in gives null out for comparisons, arithmetic, membership and functions",
        arguments: [
            "users + 1", "users - 1", "-users", "users * 2", "users / 2", "users % 2", "users > 1", "users <= 1",
            "users == 1", "users != 1", "name == 'x'", "name != 'x'", "name in ['x']", "name not in ['x']",
            "'x' in modules", "len(name)", "lower(name)", "upper(name)", "trim(name)", "contains(name, 'x')",
            "contains(modules, 'x')", "starts_with(name, 'x')", "ends_with('x', name)", "matches(name, 'x')",
            "date(name)", "year(audit_date)", "days_since(audit_date)", "months_since(audit_date)",
            "years_since(audit_date)", "days_between(audit_date, as_of)", "min(users, 1)", "max(1, users)",
            "audit_date + 1", "as_of - audit_date", "null + 1", "[users] == [1]", "any(modules, true)",
            "all(modules, true)", "none(modules, true)", "count(modules)",
        ])
    func propagation(_ source: String) {
        #expect(Fixtures.evaluate(source) == .null)
    }

    @Test(
        "presence tests, present(), coalesce() and passes() are never null",
        arguments: [
            ("users == null", true), ("users != null", false), ("null == users", true), ("name == null", true),
            ("active == null", false), ("active != null", true), ("self == null", false), ("opd != null", true),
            ("applications != null", true), ("null == null", true), ("present(users)", false),
            ("coalesce(users, 1) == 1", true), ("coalesce(name, 'x') == 'x'", true),
        ])
    func neverNull(_ source: String, _ expected: Bool) {
        #expect(Fixtures.evaluate(source, subject: subject) == .bool(expected))
    }

    @Test(
        "coalesce's constant stands in for a null field as a condition and in presence tests",
        arguments: [
            ("coalesce(backup, true)", true), ("coalesce(backup, false)", false), ("not coalesce(backup, false)", true),
            ("coalesce(backup, true) == null", false), ("coalesce(name, 'x') != null", true),
            ("present(coalesce(name, 'x'))", true), ("present(coalesce(name, ''))", false), ("present(name)", false),
        ])
    func fallbackReads(_ source: String, _ expected: Bool) {
        // `Fixtures.evaluate` also checks that the expression's truth agrees with its value.
        #expect(Fixtures.evaluate(source) == .bool(expected), "\(source)")
    }

    @Test("an unknown verdict stays unknown through negation: `not (users > 0)` is null")
    func negatedUnknown() {
        #expect(Fixtures.evaluate("not (users > 0)") == .null)
        #expect(Fixtures.evaluate("users > 0 or users <= 0") == .null)
    }

    @Test("and does not evaluate its right side after false; or after true", .timeLimit(.minutes(1)))
    func shortCircuit() {
        // The right side would take ~10^10 steps over 300 applications; short-circuiting skips it.
        let many = (0..<300).map { _ in ["id": Value.string("x")] }
        let inventory = Fixtures.inventory(applications: many)
        let heavy =
            "all(applications as a, all(applications as b, all(applications as c, all(applications as d, a.id == d.id))))"
        #expect(Fixtures.evaluate("backup and \(heavy)", subject: subject, inventory: inventory) == .bool(false))
        #expect(Fixtures.evaluate("active or \(heavy)", subject: subject, inventory: inventory) == .bool(true))
        #expect(Fixtures.evaluate("any(applications, true) or \(heavy)", inventory: inventory) == .bool(true))
    }
}

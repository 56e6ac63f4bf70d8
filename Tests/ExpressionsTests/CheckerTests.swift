import DataModel
import Diagnostics
import Expressions
import Testing

/// The diagnostics of compiling `source` against the fixture schema.
private func diagnose(_ source: String, subject: String? = "applications", expecting expected: ValueType? = .bool)
    -> [String]
{
    Fixtures.compile(source, subject: subject, expecting: expected).1
}

/// The type the checker gives `source` (compiled expecting any value).
private func typeOf(_ source: String, subject: String? = "applications") -> String {
    var bag = DiagnosticBag()
    guard let tree = Parser.parse(source, map: Fixtures.map, diagnostics: &bag) else { return "parse error" }
    let checked = Checker.check(
        tree, environment: Fixtures.environment(subject: subject), expecting: nil, diagnostics: &bag
    )
    return bag.hasErrors ? bag.diagnostics.map(\.description).joined(separator: "\n") : checked.type.description
}

@Suite("Checker")
struct CheckerTests {
    @Test(
        "names, fields and enum values are checked with suggestions",
        arguments: [
            (
                "hostng == 'pdn'",
                "t:1:1: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"
            ),
            (
                "self.hostng == 'pdn'",
                "t:1:6: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"
            ),
            ("opd.nme == 'x'", "t:1:5: error[type.unknown_field]: unknown field 'nme' on opd; did you mean 'name'?"),
            (
                "any(applications, it.hostng == 'x')",
                "t:1:22: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"
            ),
            (
                "'x' in applications.nmae",
                "t:1:21: error[type.unknown_field]: unknown field 'nmae' on applications; did you mean 'name'?"
            ),
            (
                "type == 'khsus'",
                "t:1:9: error[type.unknown_enum_value]: 'khsus' is not a value of applications.type (umum|khusus); did you mean 'khusus'?"
            ),
            (
                "'khsus' != type",
                "t:1:1: error[type.unknown_enum_value]: 'khsus' is not a value of applications.type (umum|khusus); did you mean 'khusus'?"
            ),
            (
                "type in ['umum', 'khsus']",
                "t:1:18: error[type.unknown_enum_value]: 'khsus' is not a value of applications.type (umum|khusus); did you mean 'khusus'?"
            ),
            (
                "'draft' in documents.status",
                "t:1:1: error[type.unknown_enum_value]: 'draft' is not a value of documents.status (draf|ditetapkan); did you mean 'draf'?"
            ),
            (
                "any(documents as d, d.status != 'draft')",
                "t:1:33: error[type.unknown_enum_value]: 'draft' is not a value of documents.status (draf|ditetapkan); did you mean 'draf'?"
            ),
            (
                "coalesce(type, 'lainnya') == 'umum'",
                "t:1:16: error[type.unknown_enum_value]: 'lainnya' is not a value of applications.type (umum|khusus)"
            ),
            (
                "contains(documents.status, 'sah')",
                "t:1:28: error[type.unknown_enum_value]: 'sah' is not a value of documents.status (draf|ditetapkan)"
            ),
            (
                "any(documents as d, status == 'draf')",
                "t:1:21: error[type.unknown_name]: unknown name 'status'; did you mean 'd.status'?"
            ),
            ("name == 'x'", "t:1:1: error[type.unknown_name]: unknown name 'name'; did you mean 'opd.name'?"),
            (
                "it > 1",
                "t:1:1: error[type.unknown_name]: unknown name 'it'; 'it' is the element inside all(), any(), none() and count()"
            ),
            (
                "self.modules.x == 1",
                "t:1:14: error[type.not_a_record]: cannot read field 'x' of a value of type list<string>"
            ),
        ])
    func names(_ source: String, expected: String) {
        let subject: String? = source == "name == 'x'" ? nil : "applications"
        #expect(diagnose(source, subject: subject) == [expected])
    }

    @Test(
        "types must fit their operators and the expected result",
        arguments: [
            ("name", "t:1:1: error[type.mismatch]: expression must be a bool, found string"),
            ("(users + 1)", "t:1:1: error[type.mismatch]: expression must be a bool, found int"),
            (
                "name + 1 > 2",
                "t:1:6: error[type.mismatch]: '+' needs numbers, or a date and a number of days, found string and int"
            ),
            (
                "audit_date - name == 1",
                "t:1:12: error[type.mismatch]: '-' needs numbers, two dates, or a date and a number of days, found date and string"
            ),
            ("users * as_of > 1", "t:1:7: error[type.mismatch]: '*' needs numbers, found int and date"),
            (
                "name < 3",
                "t:1:6: error[type.mismatch]: '<' needs two numbers, two dates or two strings, found string and int"
            ),
            (
                "audit_date < 2024",
                "t:1:12: error[type.mismatch]: '<' needs two numbers, two dates or two strings, found date and int"
            ),
            ("users == 'x'", "t:1:7: error[type.mismatch]: cannot compare int with string using '=='"),
            (
                "modules == ['a', 1]",
                "t:1:18: error[type.mismatch]: list elements must have one type: found int after string"
            ),
            (
                "self == opd",
                "t:1:6: error[type.mismatch]: cannot compare record<applications> with record<opd> using '=='; records cannot be compared, compare their fields"
            ),
            (
                "self in applications",
                "t:1:6: error[type.mismatch]: cannot look for a record<applications> in a list<record<applications>>"
            ),
            ("len([self]) > 0", "t:1:6: error[type.mismatch]: a list literal cannot hold records"),
            (
                "'a' in name",
                "t:1:5: error[type.mismatch]: 'in' needs a list on its right, found string; use contains(text, part) to search inside a string"
            ),
            ("users not in modules", "t:1:7: error[type.mismatch]: cannot look for an int in a list<string>"),
            ("not users", "t:1:5: error[type.mismatch]: 'not' needs a bool, found int"),
            ("-name == 'x'", "t:1:2: error[type.mismatch]: '-' needs a number, found string"),
            ("users and true", "t:1:1: error[type.mismatch]: 'and' needs a bool, found int"),
            ("true or name", "t:1:9: error[type.mismatch]: 'or' needs a bool, found string"),
        ])
    func mismatches(_ source: String, expected: String) {
        #expect(diagnose(source) == [expected])
    }

    @Test(
        "quantifiers need a list source, bool conditions, and all() a predicate",
        arguments: [
            (
                "all(applications where type == 'khusus')",
                "t:1:1: error[type.missing_predicate]: all() needs a condition after a comma; write all(items where filter, condition), or any(items where filter) to ask whether one exists"
            ),
            ("all(users, it > 1)", "t:1:5: error[type.mismatch]: all() iterates over a list, found int"),
            (
                "any(applications, name)",
                "t:1:19: error[type.mismatch]: the condition of any() needs a bool, found string"
            ),
            (
                "count(applications where users) > 1",
                "t:1:26: error[type.mismatch]: the 'where' filter of count() needs a bool, found int"
            ),
            ("any(self, true)", "t:1:5: error[type.mismatch]: any() iterates over a list, found record<applications>"),
        ])
    func quantifiers(_ source: String, expected: String) {
        #expect(diagnose(source) == [expected])
    }

    @Test(
        "functions check their names, arity and arguments",
        arguments: [
            ("lenn(name) > 0", "t:1:1: error[type.unknown_function]: unknown function 'lenn'; did you mean 'len'?"),
            (
                "exists(name)",
                "t:1:1: error[type.unknown_function]: unknown function 'exists'; did you mean 'present'? (present(any) -> bool)"
            ),
            ("frobnicate(name)", "t:1:1: error[type.unknown_function]: unknown function 'frobnicate'"),
            (
                "len(name, 1) > 0",
                "t:1:1: error[type.arity]: len() takes 1 argument, found 2; the signature is len(string | list) -> int"
            ),
            (
                "contains(name) ",
                "t:1:1: error[type.arity]: contains() takes 2 arguments, found 1; the signature is contains(string | list<string>, string) -> bool"
            ),
            (
                "len(users) > 0",
                "t:1:5: error[type.mismatch]: len() expects a string or a list as argument 1, found int"
            ),
            (
                "contains(users, 'a')",
                "t:1:10: error[type.mismatch]: contains() expects a string or a list of strings as argument 1, found int"
            ),
            (
                "contains(modules, 1)",
                "t:1:19: error[type.mismatch]: contains() expects a string as argument 2, found int"
            ),
            (
                "starts_with(name, 1)",
                "t:1:19: error[type.mismatch]: starts_with() expects a string as argument 2, found int"
            ),
            ("lower(users) == 'a'", "t:1:7: error[type.mismatch]: lower() expects a string as argument 1, found int"),
            (
                "lower(self) == 'a'",
                "t:1:7: error[type.mismatch]: lower() cannot take record<applications>; read one of its fields"
            ),
            (
                "years_since(name) > 1",
                "t:1:13: error[type.mismatch]: years_since() expects a date as argument 1, found string"
            ),
            (
                "days_between(audit_date, 3) > 1",
                "t:1:26: error[type.mismatch]: days_between() expects a date as argument 2, found int"
            ),
            (
                "min(name, 1) > 1",
                "t:1:11: error[type.mismatch]: min() expects two numbers or two dates as argument 2, found int"
            ),
            (
                "coalesce(users, 'x') > 1",
                "t:1:17: error[type.mismatch]: coalesce() expects a value compatible with int as argument 2, found string"
            ),
            ("passes('SPBE-03')", "t:1:8: error[type.unknown_rule]: unknown rule 'SPBE-03'; did you mean 'SPBE-01'?"),
            (
                "passes(name)",
                "t:1:8: error[type.literal_required]: passes() needs the rule id written as a string literal"
            ),
            (
                "matches(name, hosting)",
                "t:1:15: error[type.literal_required]: matches() needs its pattern written as a string literal"
            ),
            ("matches(name, '(ab')", "t:1:16: error[type.invalid_pattern]: invalid pattern: expected ')'"),
            (
                "matches(name, '(a)\\\\1')",
                "t:1:19: error[type.invalid_pattern]: invalid pattern: backreferences are not supported"
            ),
            (
                "date('2024-02-30') < as_of",
                "t:1:6: error[type.invalid_date]: '2024-02-30' is not a valid date; write an existing date as YYYY-MM-DD"
            ),
            (
                "date('15/06/2024') < as_of",
                "t:1:6: error[type.invalid_date]: '15/06/2024' is not a valid date; write an existing date as YYYY-MM-DD"
            ),
        ])
    func functions(_ source: String, expected: String) {
        #expect(diagnose(source) == [expected])
    }

    @Test("a pattern over the length limit is rejected")
    func longPattern() {
        let pattern = String(repeating: "a", count: 201)
        #expect(
            diagnose("matches(name, '\(pattern)')") == [
                "t:1:15: error[type.invalid_pattern]: invalid pattern: longer than 200 characters"
            ])
        #expect(diagnose("matches(name, '\(pattern.dropLast())')").isEmpty)
    }

    @Test("every error of an expression is reported in one compile")
    func multipleErrors() {
        let (compiled, diagnostics) = Fixtures.compile(
            "hostng == 'pdn' and lenn(name) > 0 and type == 'khsus' and self.audit == null"
        )
        #expect(compiled == nil)
        #expect(
            diagnostics == [
                "t:1:1: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?",
                "t:1:21: error[type.unknown_function]: unknown function 'lenn'; did you mean 'len'?",
                "t:1:48: error[type.unknown_enum_value]: 'khsus' is not a value of applications.type (umum|khusus); did you mean 'khusus'?",
                "t:1:65: error[type.unknown_field]: unknown field 'audit' on applications",
            ])
    }

    @Test("expressions of any type compile when no type is expected; records do not")
    func expectations() {
        #expect(diagnose("len(name)", expecting: .int).isEmpty)
        #expect(diagnose("len(name)", expecting: .number).isEmpty)
        #expect(
            diagnose("users / 2", expecting: .int) == [
                "t:1:1: error[type.mismatch]: expression must be an int, found number"
            ])
        #expect(diagnose("name", expecting: nil).isEmpty)
        #expect(
            diagnose("self", expecting: nil) == [
                "t:1:1: error[type.mismatch]: expression must produce a value, found record<applications>; read one of its fields"
            ])
    }

    @Test(
        "inferred types",
        arguments: [
            ("applications.modules", "list<string>"),
            ("applications.name", "list<string>"),
            ("documents.year", "list<int>"),
            ("7 / 2", "number"),
            ("7 % 2", "int"),
            ("users + budget", "number"),
            ("as_of - audit_date", "int"),
            ("audit_date + 30", "date"),
            ("audit_date - 30", "date"),
            ("coalesce(users, 1.5)", "number"),
            ("coalesce(null, 'x')", "string"),
            ("min(1, 2)", "int"),
            ("max(audit_date, as_of)", "date"),
            ("count(applications)", "int"),
            ("type", "enum(umum|khusus)"),
            ("[1, 2.5]", "list<number>"),
            ("['umum', type]", "list<string>"),
            ("[]", "list<unknown>"),
            ("opd.kind", "enum(dinas|badan)"),
            ("date('2024-01-31')", "date"),
            ("self.count + count", "int"),
        ])
    func inferredTypes(_ source: String, expected: String) {
        #expect(typeOf(source) == expected)
    }

    @Test("the whole-expression type is reported at its first token, even inside parentheses")
    func resultAtStart() {
        let map = SourceMap(file: "pack.yaml", segments: [.init(line: 4, column: 16)])
        var bag = DiagnosticBag()
        _ = ExpressionCompiler.compile("(len(name))", map: map, environment: Fixtures.environment(), diagnostics: &bag)
        #expect(
            bag.diagnostics.map(\.description) == [
                "pack.yaml:4:16: error[type.mismatch]: expression must be a bool, found int"
            ])
    }
}

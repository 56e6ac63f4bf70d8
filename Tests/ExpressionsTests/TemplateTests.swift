import DataModel
import Diagnostics
import Expressions
import Testing

/// The rendered template for the first application of the fixture inventory, or the diagnostics.
private func render(_ text: String, subject: String? = "applications", map: SourceMap = Fixtures.map) -> String {
    var bag = DiagnosticBag()
    guard
        let template = MessageTemplate.compile(
            text, map: map, environment: Fixtures.environment(subject: subject), diagnostics: &bag
        )
    else {
        return bag.diagnostics.map(\.description).joined(separator: "\n")
    }
    let inventory = Fixtures.inventory()
    let record = subject == nil ? inventory.header : inventory.collections[0][0]
    var alone: [UInt8] = []
    template.write(subject: record, header: inventory.header, into: &alone)
    var after: [UInt8] = Array("…".utf8)
    template.write(subject: record, header: inventory.header, into: &after)
    #expect(after == Array("…".utf8) + alone, "written after other text, the message is the same")
    return String(decoding: alone, as: UTF8.self)
}

@Suite("Message templates")
struct TemplateTests {
    @Test(
        "placeholders render field values",
        arguments: [
            ("Aplikasi {name} ({self.type}) milik {opd.name}", "Aplikasi SIMPEG (khusus) milik Dinas Kominfo"),
            ("{name}", "SIMPEG"),
            ("{ name }/{ opd . id }", "SIMPEG/opd-1"),
            ("modul: {modules}", "modul: kepegawaian, absensi"),
            ("audit {audit_date}, pengguna {users}, anggaran {budget}", "audit 2023-01-10, pengguna 120, anggaran -"),
            ("{{literal}} {name} }}", "{literal} SIMPEG }"),
            ("tanpa placeholder", "tanpa placeholder"),
            ("", ""),
        ])
    func renders(_ text: String, expected: String) {
        #expect(render(text) == expected)
    }

    @Test("a message over the size limit is cut at a whole character, with an ellipsis")
    func longMessageIsCut() {
        // 1,400 two-byte characters and a field: over the limit, and the cut falls inside the literal text.
        let rendered = render(String(repeating: "é", count: 1_400) + " {name}" + String(repeating: "é", count: 1_400))
        #expect(rendered.hasSuffix("é…"))
        #expect(rendered.utf8.count <= ExpressionLimits.maxMessageBytes)
        #expect(rendered.utf8.count >= ExpressionLimits.maxMessageBytes - 4)
        #expect(rendered.contains(" SIMPEG"))
    }

    @Test("at OPD scope, bare names read the OPD header")
    func opdScope() {
        #expect(render("OPD {name} ({opd.id}, {self.kind})", subject: nil) == "OPD Dinas Kominfo (opd-1, dinas)")
    }

    @Test(
        "unknown fields and malformed placeholders are errors at their position",
        arguments: [
            (
                "Aplikasi {nme}",
                "t:1:11: error[type.unknown_field]: unknown field 'nme' on applications; did you mean 'name'?"
            ),
            ("{opd.nmae}", "t:1:6: error[type.unknown_field]: unknown field 'nmae' on opd; did you mean 'name'?"),
            (
                "{ self.hostng }",
                "t:1:8: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"
            ),
            (
                "{documents.kind}",
                "t:1:1: error[template.invalid_placeholder]: placeholder '{documents.kind}' must name a field of the subject ('{name}', '{self.name}') or of the OPD ('{opd.name}')"
            ),
            (
                "{}",
                "t:1:1: error[template.invalid_placeholder]: placeholder '{}' must name a field of the subject ('{name}', '{self.name}') or of the OPD ('{opd.name}')"
            ),
            (
                "{na me}",
                "t:1:1: error[template.invalid_placeholder]: placeholder '{na me}' must name a field of the subject ('{name}', '{self.name}') or of the OPD ('{opd.name}')"
            ),
            (
                "{len(name)}",
                "t:1:1: error[template.invalid_placeholder]: placeholder '{len(name)}' must name a field of the subject ('{name}', '{self.name}') or of the OPD ('{opd.name}')"
            ),
            (
                "halo {name",
                "t:1:6: error[template.unclosed_placeholder]: placeholder is not closed with '}' on its line; write '{{' for a literal brace"
            ),
            (
                "a } b",
                "t:1:3: error[template.unmatched_brace]: '}' without a matching '{'; write '}}' for a literal brace"
            ),
            (
                "{nme} dan {hostng}",
                "t:1:2: error[type.unknown_field]: unknown field 'nme' on applications; did you mean 'name'?\nt:1:12: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"
            ),
        ])
    func errors(_ text: String, expected: String) {
        #expect(render(text) == expected)
    }

    @Test("errors in a multi-line template point into the file")
    func multiLine() {
        let map = SourceMap(file: "pack.yaml", segments: [.init(line: 30, column: 9), .init(line: 31, column: 9)])
        #expect(
            render("Aplikasi {name}\nbelum diaudit: {audit_dte}", map: map)
                == "pack.yaml:31:25: error[type.unknown_field]: unknown field 'audit_dte' on applications; did you mean 'audit_date'?"
        )
    }

    @Test("a template reports the fields it reads")
    func referencedFields() throws {
        var bag = DiagnosticBag()
        let template = try #require(
            MessageTemplate.compile(
                "{name} {opd.name} {self.hosting}", map: Fixtures.map, environment: Fixtures.environment(),
                diagnostics: &bag
            ))
        #expect(
            template.referencedFields == [
                FieldReference(record: "applications", field: "name"), FieldReference(record: "opd", field: "name"),
                FieldReference(record: "applications", field: "hosting"),
            ])
    }
}

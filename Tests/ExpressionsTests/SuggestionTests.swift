import Testing

/// The first diagnostic of compiling `source` against the fixture schema, as rendered.
private func firstDiagnostic(_ source: String) -> String? {
    Fixtures.compile(source, subject: "applications", expecting: .bool).1.first
}

@Suite("Suggestions by meaning")
struct SuggestionTests {
    @Test(
        "a bool compared with a word for yes or no is told to test the field itself",
        arguments: [
            ("active == \"ya\"", "write 'active' (or 'active == true')"),
            ("active == 'Yes'", "write 'active' (or 'active == true')"),
            ("active == \"true\"", "write 'active' (or 'active == true')"),
            ("active == \"tidak\"", "write 'not active' (or 'active == false')"),
            ("self.backup != 'no'", "write 'self.backup' (or 'self.backup == true')"),
            ("\"false\" == active", "write 'not active' (or 'active == false')"),
            ("active != \"ya\"", "write 'not active' (or 'active == false')"),
        ])
    func boolComparedWithWord(source: String, suggestion: String) {
        let rendered = firstDiagnostic(source) ?? ""
        #expect(rendered.contains("error[type.mismatch]: cannot compare bool with string"))
        #expect(rendered.hasSuffix("; \(suggestion)"), "\(rendered)")
    }

    @Test("a bool compared with any other string keeps the plain mismatch, without a suggestion")
    func boolComparedWithOtherString() {
        let rendered = firstDiagnostic("active == \"aktif\"") ?? ""
        #expect(rendered == "t:1:8: error[type.mismatch]: cannot compare bool with string using '=='")
    }

    @Test(
        "functions spelt as in other languages get ours by meaning",
        arguments: [
            ("length(name) > 3", "did you mean 'len'?"),
            ("regex(name, '^a')", "did you mean 'matches'?"),
        ])
    func functionSynonyms(source: String, suggestion: String) {
        let rendered = firstDiagnostic(source) ?? ""
        #expect(rendered.contains("error[type.unknown_function]"))
        #expect(rendered.contains(suggestion), "\(rendered)")
    }
}

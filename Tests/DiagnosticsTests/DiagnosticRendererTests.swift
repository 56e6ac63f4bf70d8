import Diagnostics
import Testing

@Suite("diagnostic rendering")
struct DiagnosticRendererTests {
    @Test("renders file:line:col, code, message, suggestion, source line and caret")
    func rendersExcerpt() {
        let source = "rules:\n  - id: A\n    require: hostng == \"pdn\"\n"
        let renderer = DiagnosticRenderer { $0 == "pack/rules.yaml" ? source : nil }
        let diagnostic = Diagnostic(
            .error, code: "type.unknown_field", "unknown field 'hostng' on applications",
            at: SourceLocation(file: "pack/rules.yaml", line: 3, column: 14), suggestion: "did you mean 'hosting'?"
        )
        #expect(
            renderer.render(diagnostic) == """
                pack/rules.yaml:3:14: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?
                  |
                3 |     require: hostng == "pdn"
                  |              ^
                """)
    }

    @Test("without a source the header stands alone")
    func headerOnly() {
        let diagnostic = Diagnostic(.warning, code: "pack.weight_sum", "weights add up to 99", at: nil)
        #expect(DiagnosticRenderer().render(diagnostic) == "warning[pack.weight_sum]: weights add up to 99")
    }

    @Test("sorting puts located diagnostics first, by position")
    func sorting() {
        let a = Diagnostic(.error, code: "x", "a", at: SourceLocation(file: "f", line: 9, column: 1))
        let b = Diagnostic(.error, code: "x", "b", at: SourceLocation(file: "f", line: 2, column: 5))
        let c = Diagnostic(.error, code: "x", "c", at: nil)
        #expect(Diagnostic.sortedForDisplay([c, a, b]).map(\.message) == ["b", "a", "c"])
    }

    @Test("source maps place lines of embedded text")
    func sourceMap() {
        let map = SourceMap(file: "p.yaml", segments: [.init(line: 4, column: 7), .init(line: 5, column: 7)])
        #expect(map.location(line: 1, column: 3) == SourceLocation(file: "p.yaml", line: 5, column: 10))
        #expect(map.location(line: 3, column: 0) == SourceLocation(file: "p.yaml", line: 7, column: 1))
    }
}

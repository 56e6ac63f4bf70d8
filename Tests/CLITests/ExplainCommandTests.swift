import Foundation
import Testing

@Suite("spbe explain")
struct ExplainCommandTests {
    @Test("a not-evidenced subject names the record and field that made it unknown")
    func notEvidenced() throws {
        let result = try SPBEProcess.run([
            "explain", "examples/dinkes-sleman.yaml", "--rule", "APP-AUDIT-KEAMANAN", "--subject", "APP-03", "--as-of",
            "2025-06-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("applications APP-03 (examples/dinkes-sleman.yaml:78:5): not evidenced\n"))
        #expect(
            result.stdout.contains(
                "        unknown  security_audit_date   ← applications APP-03 (examples/dinkes-sleman.yaml:78:5) has no 'security_audit_date'\n"
            ))
        #expect(
            result.stdout.contains(
                "  unknown because: applications APP-03 (examples/dinkes-sleman.yaml:78:5) has no 'security_audit_date'\n"
            ))
    }

    @Test("a failed level shows each quantifier's elements and the fields they lack")
    func failedLevel() throws {
        let result = try SPBEProcess.run([
            "explain", "examples/disdukcapil-gunungkidul.yaml", "--indicator", "I31", "--level", "2", "--as-of",
            "2025-06-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("opd (examples/disdukcapil-gunungkidul.yaml:6:3): fail\n"))
        #expect(result.stdout.contains("← 4 visited, 4 in scope"))
        #expect(
            result.stdout.contains("        false  applications APP-01 (examples/disdukcapil-gunungkidul.yaml:17:5)\n"))
    }

    @Test("an expression of one's own is explained on the subjects of a collection")
    func adHoc() throws {
        let result = try SPBEProcess.run([
            "explain", "examples/dinkes-sleman.yaml", "--expr", "hosting in [\"pdn\"] and via_splp", "--each",
            "applications",
            "--subject", "APP-01", "--as-of", "2025-06-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  require\n"))
        #expect(result.stdout.contains("hosting in [\"pdn\"] and via_splp\n"))
    }

    @Test("an unknown rule is an error with a suggestion; a bad expression is an error at its column")
    func errors() throws {
        let unknown = try SPBEProcess.run(["explain", "examples/dinkes-sleman.yaml", "--rule", "APP-AUDIT-KEAMANN"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.contains("there is no rule 'APP-AUDIT-KEAMANN'; did you mean 'APP-AUDIT-KEAMANAN'?"),
            "\(unknown.stderr)")
        let bad = try SPBEProcess.run([
            "explain", "examples/dinkes-sleman.yaml", "--expr", "hostng == 1", "--each", "applications",
        ])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("<explain>:1:1: error[type.unknown_field]"), "\(bad.stderr)")
        let usage = try SPBEProcess.run(["explain", "examples/dinkes-sleman.yaml", "--indicator", "I31"])
        #expect(usage.status == 64)
    }
}

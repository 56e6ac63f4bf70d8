import Foundation
import Testing

@Suite("spbe check --rules and --tags")
struct RuleSelectionCommandTests {
    @Test("only the rules with the tags are run and reported")
    func byTag() throws {
        let result = try SPBEProcess.run([
            "check", "examples/dinkes-sleman.yaml", "--tags", "keamanan", "--as-of", "2025-06-30", "--format", "json",
            "--fail-on", "none",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = try #require(report["rules"] as? [[String: Any]])
        let tagged = Set(
            rules.filter { ($0["tags"] as? [String])?.contains("keamanan") == true }.compactMap { $0["id"] as? String })
        #expect(tagged.contains("APP-AUDIT-KEAMANAN"))
        let inventory = try #require((report["inventories"] as? [[String: Any]])?.first)
        let findings = JSONReportFindings.of(inventory)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { tagged.contains($0["rule"] as? String ?? "") })
    }

    @Test("an unknown rule id or tag is a usage error with the closest known one")
    func unknown() throws {
        let result = try SPBEProcess.run([
            "check", "examples/dinkes-sleman.yaml", "--rules", "APP-HOSTNG", "--tags", "kemanan",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no rule 'APP-HOSTNG' in pack spbe-2020; did you mean 'APP-HOSTING'?"))
        #expect(result.stderr.contains("no rule is tagged 'kemanan'; did you mean 'keamanan'?"))
    }
}

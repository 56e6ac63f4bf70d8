import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Testing

/// The JSON report (schema version 4) writes nothing a reader can find elsewhere in it: a finding stands under its
/// rule's result instead of naming the rule, a not-evidenced finding is worded by its missing fields, and what a
/// level is called and needs is in the indicators table, once.
@Suite("the JSON report holds each fact once")
struct JSONReportShapeTests {
    /// The where-null pack on an inventory whose Renstra has no status (DOC-RENSTRA not evidenced), as JSON.
    private func report() throws -> [String: Any] {
        let loaded = PackLoader.load(path: "Tests/Fixtures/packs/where-null")
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let pack = try #require(PackCompiler.compile(source).pack)
        let asOf = try #require(Day(iso: "2025-06-30"))
        let inventory = try #require(
            InventoryLoader(schema: pack.schema).load(path: "Tests/Fixtures/inventories/where-null.yaml")
                .inventory)
        let evaluation = try Evaluator(pack: pack, asOf: asOf).evaluate(inventory)
        let report = Report(pack: pack, asOf: asOf, evaluations: [evaluation], failOn: .high, toolVersion: "0.1.0")
        let rendered = ReportFormat.json.render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
    }

    @Test("findings stand under their rule's result, without a rule of their own, and no inventory lists them again")
    func findingsUnderTheirRule() throws {
        let report = try report()
        #expect(report["schema_version"] as? Int == 4)
        let inventory = try #require((report["inventories"] as? [[String: Any]])?.first)
        #expect(inventory["findings"] == nil)
        let rules = try #require(inventory["rules"] as? [[String: Any]])
        let renstra = try #require(rules.first { $0["id"] as? String == "DOC-RENSTRA" })
        let findings = try #require(renstra["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { $0["rule"] == nil && $0["outcome"] as? String == "not_evidenced" })
        let counted = rules.reduce(0) { $0 + ($1["failed"] as? Int ?? 0) + ($1["not_evidenced"] as? Int ?? 0) }
        let listed = rules.reduce(0) { $0 + (($1["findings"] as? [Any])?.count ?? 0) }
        #expect(counted == listed)
    }

    @Test("a not-evidenced finding's message is null: its words are its missing fields")
    func notEvidencedMessage() throws {
        let inventory = try #require((try report()["inventories"] as? [[String: Any]])?.first)
        let findings = (inventory["rules"] as? [[String: Any]] ?? []).flatMap {
            $0["findings"] as? [[String: Any]] ?? []
        }
        let undecided = try #require(findings.first { $0["outcome"] as? String == "not_evidenced" })
        #expect(undecided["message"] is NSNull)
        #expect(undecided["missing_fields"] as? [String] == ["documents DOC-02.status"])
    }

    @Test("level names and needs are in the indicators table, not in each result or step")
    func levelsOnce() throws {
        let report = try report()
        let table = try #require(report["indicators"] as? [[String: Any]])
        #expect(!table.isEmpty)
        #expect(table.allSatisfy { ($0["levels"] as? [[String: Any]])?.isEmpty == false })
        let inventory = try #require((report["inventories"] as? [[String: Any]])?.first)
        let results = try #require(inventory["indicators"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["level_name"] == nil && $0["meets_target"] == nil })
        let steps = inventory["recommendations"] as? [[String: Any]] ?? []
        #expect(steps.allSatisfy { $0["needs"] == nil })
    }
}

import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Reporting
import Testing

/// The JSON report's `rules` and `indicators` tables are kept per pack, language and layout after the first
/// report: every later report must carry the same bytes a fresh rendering gives, compact and pretty alike.
@Suite("the JSON report's pack tables, kept")
struct JSONPackTablesTests {
    @Test("a second report of the same pack is byte for byte the first, compact and pretty, in both languages")
    func keptTablesAreTheSame() throws {
        let loaded = PackLoader.load(path: "rules/spbe-2020")
        let source = try #require(loaded.pack)
        let pack = try #require(PackCompiler.compile(source).pack)
        let asOf = try #require(Day(iso: "2025-06-30"))
        let inventory = try #require(
            InventoryLoader(schema: pack.schema).load(path: "examples/dinkes-sleman.yaml").inventory)
        let evaluation = try Evaluator(pack: pack, asOf: asOf).evaluate(inventory)
        var titles: [String: String] = [:]
        for language in ["id", "en"] {
            let report = Report(
                pack: pack, asOf: asOf, evaluations: [evaluation], failOn: .high, language: language,
                toolVersion: "0.1.0")
            for pretty in [false, true] {
                let options = ReportOptions(pretty: pretty)
                let first = ReportFormat.json.renderBytes(report, options: options)
                let second = ReportFormat.json.renderBytes(report, options: options)
                #expect(first == second)
                let document = try #require(try JSONSerialization.jsonObject(with: Data(second)) as? [String: Any])
                let rules = try #require(document["rules"] as? [[String: Any]])
                #expect(rules.count == pack.rules.count)
                #expect((document["indicators"] as? [Any])?.count == pack.indicators.count)
                titles[language] = rules.first?["title"] as? String
            }
        }
        // Each language has tables of its own.
        #expect(titles["id"] != nil && titles["en"] != nil && titles["id"] != titles["en"])
    }
}

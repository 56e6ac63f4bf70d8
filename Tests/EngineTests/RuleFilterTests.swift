import DataModel
import Expressions
import Foundation
import Inventories
import Packs
import Testing

@testable import Engine

/// Every rule's outcome for a subject agrees with its filter run on its own, whether the evaluator ran the filter,
/// skipped the subject by its filter scope, or took the result of another rule whose filter is written alike.
@Suite("rule filters: scopes and shared results")
struct RuleFilterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("outcomes follow each filter run alone, on every example inventory and on blanked copies of them")
    func outcomesFollowFilters() throws {
        let loaded = PackLoader.load(path: Self.root.appendingPathComponent("rules/spbe-2020").path)
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let pack = try #require(PackCompiler.compile(source).pack)
        let rulesSharingFilters = pack.rules.filter { rule in
            pack.rules.contains {
                $0 !== rule && $0.collectionSlot != nil && $0.collectionSlot == rule.collectionSlot
                    && $0.spec.filter?.text != nil && $0.spec.filter?.text == rule.spec.filter?.text
            }
        }
        #expect(rulesSharingFilters.count >= 4, "the pack no longer has rules with filters written alike")
        let asOf = try #require(Day(iso: "2025-06-30"))
        let evaluator = Evaluator(pack: pack, asOf: asOf)
        let oracle = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count, lookups: pack.lookups)
        for inventory in try inventories(schema: pack.schema) {
            let evaluation = try evaluator.evaluate(inventory)
            oracle.inventory = inventory
            for result in evaluation.subjects {
                let rule = pack.rules[result.ruleIndex]
                guard let filter = rule.filter else { continue }
                oracle.subject = result.record
                let context = "\(inventory.source) \(rule.spec.id) \(result.subject)"
                switch filter.truth(oracle) {
                case false?: #expect(result.outcome == .notApplicable, "\(context)")
                case nil: #expect(result.outcome == .notEvidenced && result.undecidedFilter, "\(context)")
                case true?: #expect(result.outcome != .notApplicable && !result.undecidedFilter, "\(context)")
                }
            }
        }
    }

    /// The example inventories, and copies of them with every other `status`, `type`, `area` and `category`
    /// blanked, so filters also come out unknown.
    private func inventories(schema: InventorySchema) throws -> [InventoryData] {
        let loader = InventoryLoader(schema: schema)
        let examples = Self.root.appendingPathComponent("examples")
        let files = try #require(FileManager.default.enumerator(atPath: examples.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("packs/") && !$0.hasPrefix("csv/") }.sorted()
        var result: [InventoryData] = []
        for file in files {
            let inventory = try #require(
                loader.load(path: examples.appendingPathComponent(file).path).inventory, "\(file)")
            result.append(inventory)
            let collections = inventory.collections.enumerated().map { slot, records in
                records.enumerated().map { position, record in
                    var values = record.values
                    for name in ["status", "type", "area", "category"] where position % 2 == 0 {
                        if let field = schema.collections[slot].slot(of: name),
                            !schema.collections[slot].fields[field].required
                        {
                            values[field] = .null
                        }
                    }
                    return Record(values: values, location: record.location, key: record.key)
                }
            }
            result.append(
                InventoryData(
                    source: inventory.source + " (blanked)", header: inventory.header, collections: collections))
        }
        return result
    }
}

import DataModel
import Diagnostics
import Expressions
import Foundation
import Inventories
import Packs
import Testing

@testable import Engine

/// The missing data a report names for a not-evidenced finding is found by a prepared `MissingFieldCollector`;
/// it must name exactly the fields `spbe explain`'s explanation names, in the same order, for every rule's filter
/// and condition on every subject.
@Suite("missing data is found as an explanation finds it")
struct MissingFieldCollectorTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled pack on the examples, and the where-null fixture pack on its inventory.
    static let cases: [(pack: String, inventories: [String])] = [
        (
            "rules/spbe-2020",
            [
                "examples/dinkes-sleman.yaml", "examples/disdukcapil-gunungkidul.yaml",
                "examples/diskominfo-sleman.yaml", "examples/dpmptsp-sleman.json",
                "examples/kabupaten-bantul/bappeda.yaml", "examples/kabupaten-bantul/dinsos.yaml",
            ]
        ),
        ("Tests/Fixtures/packs/where-null", ["Tests/Fixtures/inventories/where-null.yaml"]),
    ]

    @Test("the collector and the explanation agree on every subject", arguments: cases.indices)
    func agreesWithExplanation(_ index: Int) throws {
        let (packPath, inventories) = Self.cases[index]
        let loaded = PackLoader.load(path: Self.path(packPath))
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let pack = try #require(PackCompiler.compile(source).pack)
        let asOf = try #require(Day(iso: "2025-06-30"))
        let finder = MissingDataFinder(pack: pack, asOf: asOf)
        var compared = 0
        var named = 0
        for inventoryPath in inventories {
            let inventory = try #require(
                InventoryLoader(schema: pack.schema).load(path: Self.path(inventoryPath)).inventory)
            let evaluation = try Evaluator(pack: pack, asOf: asOf).evaluate(inventory)
            for result in evaluation.subjects {
                let verdicts = result.wording.verdicts
                for filter in [false, true] {
                    let probe = SubjectResult(
                        ruleIndex: result.ruleIndex, outcome: result.outcome, isOPDWide: result.isOPDWide,
                        undecidedFilter: filter, record: result.record, wording: result.wording, waiver: result.waiver)
                    let expected = Self.explained(
                        probe, pack: pack, asOf: asOf, inventory: inventory, verdicts: verdicts)
                    let found = finder.missingFields(of: probe, in: inventory, verdicts: verdicts)
                    #expect(found == expected, "\(pack.rules[result.ruleIndex].spec.id) on \(result.subject)")
                    compared += 1
                    if !found.isEmpty { named += 1 }
                }
            }
        }
        #expect(compared > 0 && named > 0, "nothing unknown was compared")
    }

    private static func path(_ relative: String) -> String {
        repository.appendingPathComponent(relative).path
    }

    /// What `spbe explain` names as missing for `result`: its expression explained in full.
    private static func explained(
        _ result: SubjectResult, pack: CompiledPack, asOf: Day, inventory: InventoryData, verdicts: [Value]
    ) -> [MissingField] {
        let rule = pack.rules[result.ruleIndex]
        guard let source = result.undecidedFilter ? rule.spec.filter : rule.spec.require else { return [] }
        let ruleIDs = Dictionary(
            pack.rules.flatMap { rule in rule.spec.names.map { ($0, rule.index) } },
            uniquingKeysWith: { first, _ in first })
        let subjectType = rule.collectionSlot.map { pack.schema.collections[$0] }
        let environment = ExpressionEnvironment(schema: pack.schema, subject: subjectType, ruleIDs: ruleIDs)
        let context = EvaluationContext(asOf: asOf, ruleCount: pack.rules.count)
        context.ruleVerdicts = verdicts
        context.inventory = inventory
        context.subject = subjectType == nil ? nil : result.record
        defer {
            context.inventory = nil
            context.subject = nil
        }
        var bag = DiagnosticBag()
        return ExpressionExplainer.explain(
            source.text, map: source.map, environment: environment, context: context, diagnostics: &bag
        )?.missingFields ?? []
    }
}

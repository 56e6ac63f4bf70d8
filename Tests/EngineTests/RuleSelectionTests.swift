import DataModel
import Engine
import Inventories
import Packs
import Testing

/// `spbe check --rules` and `--tags`: only the selected rules run; a level that asks about another is unknown.
@Suite("selecting rules")
struct RuleSelectionTests {
    private func pack() throws -> CompiledPack {
        let loaded = PackLoader.load(path: FixturePaths.pack("mini"))
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        return try #require(PackCompiler.compile(source).pack)
    }

    private func evaluate(_ pack: CompiledPack) throws -> InventoryEvaluation {
        let inventory = try #require(
            InventoryLoader(schema: pack.schema).load(path: FixturePaths.inventory("mini-weak.yaml")).inventory)
        return try Evaluator(pack: pack, asOf: try #require(Day(iso: "2025-06-30"))).evaluate(inventory)
    }

    @Test("only the selected rules have results; a level asking passes() of another is not evidenced, not unmet")
    func selectedRulesOnly() throws {
        let pack = try pack()
        let whole = try evaluate(pack)
        let selected = try evaluate(pack.selecting(RuleSelection(ids: ["APP-AUDIT"])))
        let ruleIDs = Set(selected.subjects.map { pack.rules[$0.ruleIndex].spec.id })
        #expect(ruleIDs == ["APP-AUDIT"])
        #expect(selected.rules.map { pack.rules[$0.ruleIndex].spec.id } == ["APP-AUDIT"])
        // I02 level 2 is passes("APP-HOSTING"): failed when the rule runs, unknown when it does not.
        #expect(whole.indicators[1].levelStates[1] == .unmet)
        #expect(selected.indicators[1].levelStates[1] == .notEvidenced)
        #expect(selected.indicators[1].level == whole.indicators[1].level)
    }

    @Test("a selection by tag takes every rule carrying one of the tags; an empty one is the whole pack")
    func everything() throws {
        let pack = try pack()
        #expect(RuleSelection().isEverything)
        #expect(pack.selecting(RuleSelection()).evaluationOrder == pack.evaluationOrder)
        #expect(pack.selecting(RuleSelection(tags: ["tidak-ada"])).evaluationOrder.isEmpty)
    }

    @Test("unknown ids and tags are named, with the closest known one")
    func problems() throws {
        let pack = try pack()
        #expect(
            RuleSelection(ids: ["APP-HOSTNG", "APP-AUDIT"], tags: ["x"]).problems(in: pack) == [
                "no rule 'APP-HOSTNG' in pack mini; did you mean 'APP-HOSTING'?",
                "no rule is tagged 'x'; the pack's rules carry no tags",
            ])
    }
}

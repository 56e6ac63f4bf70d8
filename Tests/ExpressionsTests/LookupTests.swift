import DataModel
import Diagnostics
import Testing

@testable import Expressions

/// Quantifiers that look their records up must answer exactly as if they tested every record.
@Suite("Evaluation: record lookups")
struct LookupTests {
    /// Inventories where a looked-up field is missing, repeated, written in another Unicode form, or absent.
    private let inventories: [InventoryData] = [
        Fixtures.inventory(),
        Fixtures.inventory(documents: [
            ["kind": .string("renja"), "year": .int(2023), "programs": .strings("P1")],
            ["year": .int(2024)],
            [
                "kind": .string("renja"), "year": .int(2024), "programs": .strings("P2"),
                "status": .string("ditetapkan"),
            ],
            ["kind": .string("\u{212A}"), "year": .int(2024)],
        ]),
        Fixtures.inventory(documents: []),
    ]

    @Test(
        "a quantifier that looks its records up answers as one that tests them all",
        arguments: [
            "any(documents where kind == 'renja')",
            "count(documents where kind == 'renja')",
            "all(documents where kind == 'renja', year >= 2024)",
            "none(documents as d where d.kind == 'sop' and d.year > 2020)",
            "count(documents where 'renstra' == kind and status == 'ditetapkan')",
            "any(documents where kind == 'renja' and year == 2024) and any(documents where kind == 'sop')",
            "count(documents where kind == 'K')",
            "count(applications where type == 'khusus')",
            "any(documents as d where d.kind == 'renja', any(programs where code == 'P2', code in d.programs))",
            "all(documents where kind == 'renja' and status == 'ditetapkan', present(programs))",
            "count(documents where kind in ['renja', 'sop'])",
            "none(documents where kind in ['K', 'renstra'] and year > 2020)",
            "any(documents where year in [2023, 2024], kind == 'renja')",
            "count(documents where year == 2024) + count(documents where year in [2024, 2021])",
            "count(applications where users in [5, 120])",
            "count(documents where kind == 'renja' and year >= 2023 and status == 'ditetapkan')",
            "any(documents where kind in ['renja', 'sop'] and (year == 2024 and present(programs)))",
            "none(documents where kind == 'renja' and year == null)",
            "count(documents where kind == 'renja' and (year == 2023 or status == null) and present(programs))",
        ])
    func sameAnswers(_ source: String) throws {
        var plan = LookupPlan()
        let lookedUp = try compile(source, plan: &plan)
        #expect(!plan.keys.isEmpty)
        let plain = try #require(Fixtures.compile(source, expecting: nil).0)
        for inventory in inventories {
            let (withPlan, without) = (context(inventory, plan: plan), context(inventory, plan: LookupPlan()))
            #expect(
                lookedUp.evaluate(withPlan) == plain.evaluate(without),
                "\(source) on \(inventory.collections[1].count) documents")
            #expect(
                lookedUp.evaluate(without) == plain.evaluate(without), "a context without the plan tests every record")
        }
    }

    @Test(
        "only a first conjunct comparing the element's own field with texts, or an integer field with integers, is looked up",
        arguments: [
            ("any(documents where kind == 'renja')", 1),
            ("any(documents where kind in ['renja', 'rka'])", 1),
            ("any(documents where year == 2024)", 1),
            ("any(documents where year in [2023, 2024] and kind == 'renja')", 1),
            ("any(applications where budget == 2)", 0),
            ("any(applications where budget in [1, 2])", 0),
            ("any(documents where year in [2023, 2024.5])", 0),
            ("any(documents as d where d.kind == 'renja' and d.year == 2024)", 1),
            ("any(documents where year == 2024 and kind == 'renja')", 1),
            ("any(documents where present(year) and kind == 'renja')", 0),
            ("any(documents where kind != 'renja')", 0),
            ("any(documents where kind == 'renja' or kind == 'rka')", 0),
            ("any(documents as d where self.name == 'x')", 0),
            ("any(applications.hosting, it == 'pdn')", 0),
            ("any(documents where kind == 'renja') and count(documents where kind == 'rka') > 0", 1),
        ])
    func eligibility(_ source: String, lookups: Int) throws {
        var plan = LookupPlan()
        _ = try compile(source, plan: &plan)
        #expect(plan.keys.count == lookups)
    }

    @Test(
        "the values looked up in one field share a lookup, each list with its bucket; and the lookup visits fewer records"
    )
    func buckets() throws {
        var plan = LookupPlan()
        let renja = try compile("count(documents where kind == 'renja')", plan: &plan)
        let sop = try compile("count(documents where kind == 'sop')", plan: &plan)
        let both = try compile("count(documents where kind in ['sop', 'renja'])", plan: &plan)
        #expect(plan.keys.count == 1)
        #expect(
            plan.buckets[0] == [[.string("renja")]: 0, [.string("sop")]: 1, [.string("sop"), .string("renja")]: 2])
        let (withPlan, without) = (
            context(Fixtures.inventory(), plan: plan), context(Fixtures.inventory(), plan: LookupPlan())
        )
        #expect(renja.evaluate(withPlan) == .int(1))
        #expect(sop.evaluate(withPlan) == .int(1))
        #expect(both.evaluate(withPlan) == .int(2))
        withPlan.resetCost(limit: .max)
        without.resetCost(limit: .max)
        _ = renja.evaluate(withPlan)
        _ = renja.evaluate(without)
        #expect(withPlan.costSpent < without.costSpent)
    }

    @Test(
        "a rule filter has a scope when its first conjunct is coalesce(… or …, false) of comparisons of the subject's fields with constants",
        arguments: [
            ("coalesce(kind == 'renja', false)", 1),
            ("coalesce('renja' == kind, false) and year > 2020", 1),
            ("coalesce(kind in ['renja', 'rka'], false) and present(programs)", 1),
            ("coalesce(kind == 'renja' or year in [2023, 2024], false)", 2),
            ("coalesce(kind == 'renja' or kind == 'sop' or year == 2020, false) and present(year)", 3),
            ("kind == 'renja'", nil),
            ("kind in ['renja', 'rka'] and present(programs)", nil),
            ("present(year) and kind == 'renja'", nil),
            ("coalesce(present(year) and kind == 'renja', false)", nil),
            ("kind != 'renja'", nil),
            ("kind == 'renja' or kind == 'rka'", nil),
            ("coalesce(kind == 'renja' or present(year), false)", nil),
            ("coalesce(kind == 'renja', true)", nil),
            ("coalesce(kind, 'renja') == 'renja'", nil),
            ("any(programs, it == 'P1') and kind == 'renja'", nil),
            ("opd.name == 'x'", nil),
        ] as [(String, Int?)])
    func scopeEligibility(_ source: String, lookups: Int?) throws {
        var plan = LookupPlan()
        let (_, scope) = try compileFilter(source, plan: &plan)
        #expect(scope?.lookups.count == lookups)
    }

    @Test("an OPD-wide rule's filter has no scope: its one subject is the OPD")
    func opdWideFilter() throws {
        var plan = LookupPlan()
        #expect(try compileFilter("coalesce(opd.kind == 'dinas', false)", subject: nil, plan: &plan).scope == nil)
        #expect(plan.keys.isEmpty)
    }

    @Test(
        "a rule filter is false for every subject outside its scope, and the scope lists subjects in inventory order",
        arguments: [
            "coalesce(kind == 'renja', false)",
            "coalesce(kind in ['renja', 'sop'], false) and year >= 2024",
            "coalesce('renja' == kind or year == 2024, false)",
            "coalesce(year == 2024, false) and kind != 'sop'",
            "coalesce(kind == 'K', false)",
            "coalesce(kind == 'K' or kind in ['sop'], false) and present(programs)",
        ])
    func scopeIsSound(_ source: String) throws {
        var plan = LookupPlan()
        let (filter, scope) = try compileFilter(source, plan: &plan)
        let lists = try #require(scope)
        for inventory in inventories {
            let context = context(inventory, plan: plan)
            let documents = inventory.collections[1]
            let candidates = try #require(lists.candidates(in: context))
            for list in candidates {
                let positions = list.map { record in documents.firstIndex { $0 === record } ?? -1 }
                #expect(!positions.contains(-1) && positions == positions.sorted())
            }
            for document in documents where !candidates.contains(where: { $0.contains { $0 === document } }) {
                context.subject = document
                #expect(filter.truth(context) == false, "\(source) on \(document.values)")
            }
        }
        #expect(lists.candidates(in: EvaluationContext(asOf: Fixtures.day("2024-06-15"), lookups: plan)) == nil)
        #expect(
            lists.candidates(in: context(Fixtures.inventory(), plan: LookupPlan())) == nil, "another plan's context")
    }

    @Test(
        "a record's buckets are the dictionary's, whichever form the index takes",
        arguments: [
            // ASCII texts: found by their bytes.
            [Value.string("renja"): [0, 2], .string("sop"): [1], .string("K"): [3], .string(""): [4]],
            // Whole numbers in a short range: an array.
            [.int(32): [0], .int(47): [1, 2], .int(-3): [3]],
            // Whole numbers too far apart, a text that is not ASCII, mixed kinds: the dictionary itself.
            [.int(0): [0], .int(1 << 40): [1]],
            [.string("\u{212A}"): [0], .string("renja"): [1]],
            [.string("renja"): [0], .int(5): [1]],
            [:],
        ])
    func bucketIndex(_ bucketsOfValue: [Value: [Int]]) {
        let index = BucketIndex(bucketsOfValue)
        let probes: [Value] = [
            .string("renja"), .string("renjA"), .string("sop"), .string("K"), .string("\u{212A}"), .string(""),
            .string("se\u{301}"), .string(String(repeating: "renja", count: 8)), .int(32), .int(47), .int(-3), .int(33),
            .int(0), .int(1 << 40), .int(.min), .int(.max), .int(5), .number(32), .null, .bool(true),
            .date(Fixtures.day("2024-06-15")),
            .list([.string("renja")]),
        ]
        for value in probes {
            #expect(index.buckets(of: value) == bucketsOfValue[value] ?? [], "\(value)")
        }
    }

    private func compileFilter(
        _ source: String, subject: String? = "documents", plan: inout LookupPlan
    ) throws -> (filter: CompiledExpression, scope: FilterScope?) {
        var bag = DiagnosticBag()
        let compiled = ExpressionCompiler.compileFilter(
            source, map: Fixtures.map, environment: Fixtures.environment(subject: subject), lookups: &plan,
            diagnostics: &bag
        )
        return try #require(compiled, "\(bag.diagnostics)")
    }

    private func compile(_ source: String, plan: inout LookupPlan) throws -> CompiledExpression {
        var bag = DiagnosticBag()
        let compiled = ExpressionCompiler.compile(
            source, map: Fixtures.map, environment: Fixtures.environment(), expecting: nil, lookups: &plan,
            diagnostics: &bag
        )
        return try #require(compiled, "\(bag.diagnostics)")
    }

    private func context(_ inventory: InventoryData, plan: LookupPlan) -> EvaluationContext {
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"), lookups: plan)
        context.inventory = inventory
        context.subject = inventory.collections[0].first
        return context
    }
}

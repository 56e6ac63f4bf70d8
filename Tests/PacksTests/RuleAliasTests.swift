import Diagnostics
import Packs
import Testing

@Suite("rule id aliases")
struct RuleAliasTests {
    private func load(rules: String) throws -> PackLoadResult {
        PackLoader.load(path: try TemporaryFile.pack(rules: rules))
    }

    @Test("a rule's aliases are read, and its identity is its oldest id")
    func read() throws {
        let loaded = try load(
            rules: "  - {id: R2, aliases: [APP-OLD, APP-NEWER], title: Dua, severity: low, require: 'true'}")
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let rule = try #require(pack.rules.first { $0.id == "R2" })
        #expect(rule.aliases == ["APP-OLD", "APP-NEWER"])
        #expect(rule.names == ["R2", "APP-OLD", "APP-NEWER"])
        #expect(rule.identity == "APP-OLD")
        #expect(pack.rules.first { $0.id == "R1" }?.identity == "R1", "a rule without aliases is known by its id")
    }

    @Test(
        "an alias that is a rule's id, or another rule's alias too, is an error at the aliases",
        arguments: [
            "  - {id: R2, aliases: [R1], title: Dua, severity: low, require: 'true'}",
            """
              - {id: R2, aliases: [OLD], title: Dua, severity: low, require: 'true'}
              - {id: R3, aliases: [OLD], title: Tiga, severity: low, require: 'true'}
            """,
        ])
    func conflict(rules: String) throws {
        let loaded = try load(rules: rules)
        #expect(loaded.pack == nil)
        let conflict = try #require(
            loaded.diagnostics.first { $0.code == "pack.alias_conflict" }, "\(loaded.diagnostics)")
        #expect(conflict.severity == .error)
        #expect(conflict.location != nil)
    }
}

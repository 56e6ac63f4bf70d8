import Foundation
import Testing

/// The lowest level is the framework's: 1 under PermenPANRB 59/2020, 0 under 5/2018. And the 2018 framework's
/// weights reproduce a published result.
@Suite("level scales and the 2018 weights", .serialized)
struct LevelScaleTests {
    private func levelsFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("levels-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func json(_ result: SPBEProcess.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("an inventory with nothing in it scores 1.00 Kurang under the 2020 pack")
    func emptyInventory() throws {
        let path = try levelsFile("opd:\n  id: kosong\n  name: OPD Kosong\n")
        let text = try SPBEProcess.run(["score", path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Estimasi indeks: 1.00 Kurang"), "\(text.stdout)")
        let object = try json(SPBEProcess.run(["score", "--format", "json", path]))
        #expect(object["index"] as? Double == 1)
    }

    @Test("a level 0 under the 2020 pack is rejected at its line, exit 2")
    func levelZeroRejected() throws {
        let path = try levelsFile("levels:\n" + (1...47).map { "  \($0): \($0 == 5 ? 0 : 2)\n" }.joined())
        let result = try SPBEProcess.run(["score", "--levels", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):6:6: error[levels.out_of_scale]"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("indicators missing with --allow-missing count at the floor: 1 under 2020")
    func missingCountAtTheFloor() throws {
        let object = try json(
            SPBEProcess.run([
                "score", "--levels", levelsFile("levels:\n  1: 1\n"), "--allow-missing", "--format", "json",
            ]))
        #expect(object["index_display"] as? String == "1.00")
        #expect((object["missing_indicators"] as? [String])?.count == 46)
    }

    @Test("--assume below the floor is a usage error")
    func assumeBelowTheFloor() throws {
        let result = try SPBEProcess.run([
            "score", "--levels", "Tests/Fixtures/levels/worked-example.yaml", "--assume", "I16=0",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("I16 has levels 1 to 5"), "\(result.stderr)")
    }

    /// Kota Denpasar's 2018 result as published in its monitoring tool's database (tb_indeks_nilai, tb_domain_nilai,
    /// tb_aspek), from its per-indicator levels (tb_penilaian): see the fixture's header for the source.
    @Test("the 2018 pack reproduces Denpasar's published 2018 result: index, domains and aspects to two decimals")
    func denpasar2018() throws {
        let object = try json(
            SPBEProcess.run([
                "score", "--pack", "rules/spbe-2018", "--levels", "Tests/Fixtures/levels/denpasar-2018.yaml",
                "--format", "json",
            ]))
        #expect(object["official_weights"] as? Bool == true)
        #expect(object["index_display"] as? String == "2.64")
        #expect(object["predicate"] as? String == "Baik")
        let domains = try #require(object["domains"] as? [[String: Any]])
        func shown(_ part: [String: Any]) -> String { String(format: "%.2f", part["index"] as? Double ?? -1) }
        #expect(domains.map(shown) == ["2.06", "2.29", "3.00"])
        let aspects = domains.flatMap { $0["aspects"] as? [[String: Any]] ?? [] }
        #expect(aspects.map(shown) == ["2.00", "2.10", "2.00", "2.50", "2.33", "3.29", "2.50"])
    }

    @Test("the 2018 pack keeps level 0 and takes indicator 35 as three entries")
    func scale2018() throws {
        let entries = (1...34).map { "  \($0): 0\n" }.joined() + "  35-1: 5\n  35-2: 5\n  35-3: 5\n"
        let object = try json(
            SPBEProcess.run([
                "score", "--pack", "rules/spbe-2018", "--levels", levelsFile("levels:\n" + entries), "--format", "json",
            ]))
        // Six entries of 20/6 in an aspect of 20: three at level 5 give 2.50 there, 0.50 on the index.
        #expect(object["index_display"] as? String == "0.50")
        let unknown = try SPBEProcess.run([
            "score", "--pack", "rules/spbe-2018", "--levels", levelsFile("levels:\n" + entries + "  35-4: 1\n"),
        ])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no indicator number 35-4"), "\(unknown.stderr)")
    }
}

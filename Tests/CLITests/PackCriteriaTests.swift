import Foundation
import Testing

/// `pack doc` and `pack test --coverage` on the bundled 2020 pack: each level's criterion is shown beside its
/// condition, and the coverage lists the levels every indicator's fixtures end at.
@Suite("level criteria of the bundled pack")
struct PackCriteriaTests {
    @Test("pack doc shows each level's description, official criterion, note and condition")
    func documentShowsCriteria() throws {
        let result = try SPBEProcess.run(["pack", "doc", "rules/spbe-2020"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("| Tingkat | Yang dibutuhkan | Syarat | Bukti dukung |"))
        let level4 = try #require(lines.first { $0.hasPrefix("| 4 ") && $0.contains("indikator 22 tingkat 4") })
        #expect(level4.contains("*Kriteria resmi:* PermenPANRB 59/2020 Lampiran, indikator 22 tingkat 4"))
        #expect(level4.contains("*Catatan:* Bacaan paket:"))
        #expect(level4.contains("set_by == \"tim_koordinasi\""))
        let english = try SPBEProcess.run(["pack", "doc", "--lang", "en", "rules/spbe-2020"]).stdout
        #expect(english.contains("| Level | What it needs | Condition | Evidence |"))
        #expect(english.contains("*Official criterion:* PermenPANRB 59/2020 Lampiran, indikator 32 tingkat 5"))
        // The HTML page renders every table: the framework, the predicates, one per indicator (47) and one per kind
        // of inventory record (the OPD header and four collections).
        let html = try SPBEProcess.run(["pack", "doc", "--format", "html", "rules/spbe-2020"]).stdout
        #expect(html.components(separatedBy: "<table>").count - 1 == 54)
        #expect(!html.contains("\n| "), "a Markdown table was left unrendered")
        #expect(html.contains("<em>Kriteria resmi:</em> PermenPANRB 59/2020 Lampiran, indikator 22 tingkat 4"))
    }

    @Test("pack test --coverage lists, per indicator, the levels its fixtures end at")
    func coverageByLevel() throws {
        let result = try SPBEProcess.run(["pack", "test", "--coverage", "rules/spbe-2020"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("  indicators whose every level is some fixture's result: 47 of 47\n"))
        #expect(result.stdout.contains("    I12: levels 1 2 3 4 5 of 5\n"))
        #expect(result.stdout.contains("    I47: levels 1 2 3 4 5 of 5\n"))
    }

    @Test("a level no fixture ends at is named")
    func unreachedLevelNamed() throws {
        let result = try SPBEProcess.run(["pack", "test", "--coverage", "Tests/Fixtures/packs/mini"])
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("    I02: ") })
        #expect(line.contains("; never "), "\(line)")
    }
}

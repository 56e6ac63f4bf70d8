import DataModel
import Diagnostics
import Engine
import Foundation
import Inventories
import Packs
import Testing

@Suite("waivers")
struct WaiverTests {
    let pack: CompiledPack
    let asOf = Day(iso: "2025-06-30")!

    init() throws {
        let loaded = PackLoader.load(path: FixturePaths.pack("mini"))
        let source = try #require(loaded.pack)
        pack = try #require(PackCompiler.compile(source).pack)
    }

    private func waivers(_ lines: String) throws -> (waivers: [Waiver]?, diagnostics: [Diagnostic]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waivers-\(UUID().uuidString).yaml")
        try Data(("spbe_waivers: 1\nwaivers:\n" + lines).utf8).write(to: url)
        let loaded = WaiverLoader.load(path: url.path, ruleIDs: pack.rules.map(\.spec.id))
        return (loaded.waivers, loaded.diagnostics)
    }

    private func evaluate(_ waivers: [Waiver]) throws -> InventoryEvaluation {
        let loaded = InventoryLoader(schema: pack.schema).load(path: FixturePaths.inventory("mini-weak.yaml"))
        return try Evaluator(pack: pack, asOf: asOf, waivers: WaiverSet(waivers, pack: pack)).evaluate(
            try #require(loaded.inventory))
    }

    @Test("a waiver naming a pemda (by name, in any case) applies only to that pemda's OPDs")
    func pemdaWaiver() throws {
        let text = try String(contentsOfFile: FixturePaths.inventory("mini-weak.yaml"), encoding: .utf8)
        func hostingWaivers(header: String, waiverPemda: String) throws -> [Int?] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("pemda-\(UUID().uuidString).yaml")
            try Data(text.replacingOccurrences(of: "opd:\n", with: "opd:\n" + header).utf8).write(to: url)
            let list = try #require(
                try waivers(
                    "  - {rule: APP-HOSTING, subject: APP-01, pemda: \"\(waiverPemda)\", reason: Migrasi, approved_by: Kadis, until: 2025-12-31}\n"
                ).waivers)
            let inventory = try #require(InventoryLoader(schema: pack.schema).load(path: url.path).inventory)
            let evaluation = try Evaluator(pack: pack, asOf: asOf, waivers: WaiverSet(list, pack: pack)).evaluate(
                inventory)
            return evaluation.subjects.filter {
                pack.rules[$0.ruleIndex].spec.id == "APP-HOSTING" && $0.subject == "APP-01"
            }.map(\.waiver)
        }
        #expect(try hostingWaivers(header: "  pemda: Kabupaten Sleman\n", waiverPemda: "kabupaten  SLEMAN") == [0])
        #expect(try hostingWaivers(header: "  pemda: Kabupaten Bantul\n", waiverPemda: "Kabupaten Sleman") == [nil])
        #expect(try hostingWaivers(header: "", waiverPemda: "Kabupaten Sleman") == [nil])
    }

    @Test("a waived failure stays a failure, marked, and the score is shown with and without waivers")
    func waivedFailure() throws {
        let list = try #require(
            try waivers(
                """
                  - {rule: APP-HOSTING, subject: APP-01, reason: Migrasi 2026, approved_by: Kadis, until: 2025-12-31}
                  - {rule: APP-HOSTING, subject: APP-02, reason: Migrasi 2026, approved_by: Kadis, until: 2025-12-31}
                """
            ).waivers)
        let evaluation = try evaluate(list)
        let hosting = evaluation.subjects.filter { pack.rules[$0.ruleIndex].spec.id == "APP-HOSTING" }
        #expect(hosting.map(\.outcome) == [.fail, .fail])
        #expect(hosting.map(\.waiver) == [0, 1])
        let hostingFindings = evaluation.findings.filter { pack.rules[$0.ruleIndex].spec.id == "APP-HOSTING" }
        #expect(hostingFindings.map(\.waiver) == [0, 1], "the findings carry the waivers their results do")
        // I02 level 2 is passes("APP-HOSTING"): waived, it would be met; the real level stays 1.
        #expect(evaluation.indicators[1].level == 1)
        let real = try #require(evaluation.score.index)
        let waived = try #require(evaluation.scoreWithWaivers?.index)
        #expect(waived > real)
        #expect(evaluation.matchedWaivers == [0, 1])
    }

    @Test("an expired waiver does not apply; one for another OPD does not match")
    func expiredAndOtherOPD() throws {
        let list = try #require(
            try waivers(
                """
                  - {rule: APP-HOSTING, subject: APP-01, reason: Lama, approved_by: Kadis, until: 2025-01-31}
                  - {rule: APP-HOSTING, subject: APP-02, opd: "9.99", reason: Lain, approved_by: Kadis, until: 2025-12-31}
                """
            ).waivers)
        let evaluation = try evaluate(list)
        #expect(evaluation.subjects.allSatisfy { $0.waiver == nil })
        #expect(evaluation.scoreWithWaivers == nil)
        #expect(evaluation.matchedWaivers == [0])
    }

    @Test(
        "waiver files are linted like packs",
        arguments: [
            (
                "  - {rule: APP-HOSTNG, subject: A, reason: r, approved_by: a, until: 2025-12-31}\n",
                "waiver.unknown_rule", "did you mean 'APP-HOSTING'?"
            ),
            (
                "  - {rule: APP-HOSTING, subject: A, reason: r, aproved_by: a, until: 2025-12-31}\n",
                "pack.unknown_key", "did you mean 'approved_by'?"
            ),
            (
                "  - {rule: APP-HOSTING, subject: A, reason: r, approved_by: a, until: 31-12-2025}\n",
                "waiver.invalid_date", nil
            ),
            ("  - {rule: APP-HOSTING, subject: A, approved_by: a, until: 2025-12-31}\n", "pack.missing_key", nil),
        ] as [(String, String, String?)])
    func lint(line: String, code: String, suggestion: String?) throws {
        let loaded = try waivers(line)
        #expect(loaded.waivers == nil)
        let error = try #require(loaded.diagnostics.first { $0.code == code }, "\(loaded.diagnostics)")
        #expect(error.location?.line == 3)
        #expect(error.suggestion == suggestion)
    }
}

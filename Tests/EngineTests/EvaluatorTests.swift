import DataModel
import Engine
import Inventories
import Packs
import Testing

@Suite("evaluating the mini pack")
struct EvaluatorTests {
    let pack: CompiledPack
    let asOf = Day(iso: "2025-06-30")!

    init() throws {
        let loaded = PackLoader.load(path: FixturePaths.pack("mini"))
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        self.pack = try #require(compiled.pack, "\(compiled.diagnostics)")
    }

    private func evaluate(_ name: String) throws -> InventoryEvaluation {
        let loaded = InventoryLoader(schema: pack.schema).load(path: FixturePaths.inventory(name))
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        return try Evaluator(pack: pack, asOf: asOf).evaluate(inventory)
    }

    private func outcomes(_ evaluation: InventoryEvaluation, rule: String) -> [String: Outcome] {
        let index = pack.rules.firstIndex { $0.spec.id == rule }!
        var result: [String: Outcome] = [:]
        for subject in evaluation.subjects where subject.ruleIndex == index {
            result[subject.subject] = subject.outcome
        }
        return result
    }

    @Test("a compliant inventory passes every rule")
    func strongInventory() throws {
        let evaluation = try evaluate("mini-good.yaml")
        #expect(outcomes(evaluation, rule: "APP-HOSTING") == ["APP-01": .pass, "APP-02": .pass])
        #expect(outcomes(evaluation, rule: "APP-AUDIT") == ["APP-01": .pass, "APP-02": .notApplicable])
        #expect(outcomes(evaluation, rule: "DOC-RENSTRA") == ["opd": .pass])
        #expect(evaluation.findings.isEmpty)
        #expect(evaluation.opdName == "Dinas Uji Baik")
    }

    @Test("levels are cumulative and read rule verdicts through passes()")
    func levels() throws {
        let good = try evaluate("mini-good.yaml")
        #expect(good.indicators.map(\.level) == [2, 3, 1])
        let weak = try evaluate("mini-weak.yaml")
        // The third indicator meets no level: it is at its scale's lowest level, 1.
        #expect(weak.indicators.map(\.level) == [1, 1, 1])
        #expect(weak.indicators[2].levelStates.first != .met)
        #expect(weak.indicators[1].levelStates == [.met, .unmet, .notEvidenced])
    }

    @Test("failures carry the interpolated message and the subject's location")
    func failures() throws {
        let evaluation = try evaluate("mini-weak.yaml")
        #expect(outcomes(evaluation, rule: "APP-HOSTING") == ["APP-01": .fail, "APP-02": .fail])
        let hosting = try #require(evaluation.findings.first { $0.subject == "APP-01" && $0.outcome == .fail })
        #expect(hosting.message == "Aplikasi Aplikasi Antrian di-hosting di server_opd")
        #expect(hosting.location.line == 6)
        #expect(hosting.location.file.hasSuffix("mini-weak.yaml"))
        let renstra = try #require(evaluation.findings.first { pack.rules[$0.ruleIndex].spec.id == "DOC-RENSTRA" })
        #expect(renstra.message == "OPD Dinas Uji Lemah belum memiliki Renstra yang ditetapkan")
    }

    @Test("missing data is not evidenced, not a failure, and names the empty field")
    func notEvidenced() throws {
        let evaluation = try evaluate("mini-weak.yaml")
        #expect(outcomes(evaluation, rule: "APP-AUDIT") == ["APP-01": .notEvidenced, "APP-02": .notApplicable])
        let finding = try #require(evaluation.findings.first { $0.outcome == .notEvidenced })
        #expect(finding.missingFields == ["security_audit_date"])
        #expect(finding.message == "data belum cukup untuk menilai: security_audit_date")
    }

    @Test("findings are the failing and not-evidenced subjects, in order; passes have no message")
    func findingsAgreeWithSubjects() throws {
        let evaluation = try evaluate("mini-weak.yaml")
        let expected = evaluation.subjects.filter { $0.outcome == .fail || $0.outcome == .notEvidenced }
        #expect(evaluation.findings.map(\.ruleIndex) == expected.map(\.ruleIndex))
        #expect(evaluation.findings.map(\.subject) == expected.map(\.subject))
        #expect(evaluation.findings.map(\.location) == expected.map(\.location))
        for rule in evaluation.rules {
            let subjects = evaluation.subjects.filter { $0.ruleIndex == rule.ruleIndex }
            #expect(subjects.filter { $0.outcome == .fail }.count == rule.failed)
            #expect(subjects.filter { $0.outcome == .pass }.count == rule.passed)
        }
        let passes = evaluation.subjects.filter { $0.outcome == .pass || $0.outcome == .notApplicable }
        #expect(!passes.isEmpty && passes.allSatisfy { $0.message == nil && $0.missingFields.isEmpty })
        var bytes: [UInt8] = []
        #expect(!passes[0].writeMessage(into: &bytes) && bytes.isEmpty)
        for finding in evaluation.findings {
            bytes = Array("> ".utf8)
            #expect(finding.writeMessage(into: &bytes))
            #expect(String(decoding: bytes, as: UTF8.self) == "> " + (finding.message ?? "none"))
        }
    }

    @Test("the index is the weighted mean of levels, with the predicate on the value shown")
    func score() throws {
        let good = try evaluate("mini-good.yaml").score
        #expect(good.index == 2.0)
        #expect(good.predicate == "Cukup")
        #expect(good.domains.map(\.index) == [2.0, 2.0])
        let weak = try evaluate("mini-weak.yaml").score
        #expect(abs(weak.index! - 1.0) < 1e-12)
        #expect(weak.predicate == "Kurang")
    }

    @Test("English messages are used when asked for")
    func english() throws {
        let loaded = InventoryLoader(schema: pack.schema).load(path: FixturePaths.inventory("mini-weak.yaml"))
        let evaluation = try Evaluator(pack: pack, asOf: asOf, language: "en").evaluate(try #require(loaded.inventory))
        #expect(evaluation.findings.contains { $0.message == "Application Aplikasi Antrian is hosted on server_opd" })
    }
}

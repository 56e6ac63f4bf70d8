import Foundation
import Testing

@Suite("spbe check", .serialized)
struct CheckCommandTests {
    let mini = "Tests/Fixtures/packs/mini"
    let good = "Tests/Fixtures/inventories/mini-good.yaml"
    let weak = "Tests/Fixtures/inventories/mini-weak.yaml"

    @Test("a clean inventory exits 0")
    func clean() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", good])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    @Test("findings at or above the threshold exit 1; --fail-on none exits 0")
    func threshold() throws {
        #expect(try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", weak]).status == 1)
        #expect(try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--fail-on", "none", weak]).status == 0)
        #expect(try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--fail-on", "critical", weak]).status == 1)
    }

    @Test("usage errors exit 64", arguments: [
        ["check"],
        ["check", "--as-of", "30-06-2025", "x.yaml"],
        ["check", "--format", "pdf", "x.yaml"],
        ["check", "--fail-on", "severe", "x.yaml"],
        ["chek"],
    ])
    func usage(arguments: [String]) throws {
        #expect(try SPBEProcess.run(arguments).status == 64)
    }

    @Test("a broken pack gives every error with file:line:col and exits 2")
    func brokenPack() throws {
        let result = try SPBEProcess.run(["check", "--pack", "Tests/Fixtures/packs/broken", good])
        #expect(result.status == 2)
        let headers = result.stderr.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(headers.count == 3, "\(result.stderr)")
        #expect(result.stderr.contains("Tests/Fixtures/packs/broken/pack.yaml:44:14: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"))
        #expect(result.stdout.isEmpty)
    }

    @Test("text report of the weak inventory matches its golden file")
    func goldenText() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", good, weak])
        try Golden.check(result.stdout, against: "mini-check.txt")
    }

    @Test("JSON report is valid JSON and matches its golden file")
    func goldenJSON() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--format", "json", good, weak])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? Int == 1)
        try Golden.check(result.stdout, against: "mini-check.json")
    }

    @Test("English report words and pack texts with --lang en")
    func english() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--lang", "en", weak])
        #expect(result.stdout.contains("Application Aplikasi Antrian is hosted on server_opd"))
        #expect(result.stdout.contains("Estimated index"))
    }

    @Test("the same run twice gives the same bytes")
    func deterministic() throws {
        let arguments = ["check", "--pack", mini, "--as-of", "2025-06-30", "--format", "json", "Tests/Fixtures/inventories"]
        #expect(try SPBEProcess.run(arguments).stdout == (try SPBEProcess.run(arguments).stdout))
    }
}

@Suite("spbe check --waivers", .serialized)
struct WaiverCommandTests {
    private func waiverFile(_ body: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waivers-\(UUID().uuidString).yaml")
        try Data(("spbe_waivers: 1\nwaivers:\n" + body).utf8).write(to: url)
        return url.path
    }

    @Test("waived findings are shown as waived and do not block; expired ones block again")
    func exitCodes() throws {
        let arguments = ["check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--fail-on", "high"]
        let weak = "Tests/Fixtures/inventories/mini-weak.yaml"
        let all = try waiverFile("""
              - {rule: APP-HOSTING, subject: APP-01, reason: Migrasi, approved_by: Kadis, until: 2025-12-31}
              - {rule: APP-HOSTING, subject: APP-02, reason: Migrasi, approved_by: Kadis, until: 2025-12-31}
              - {rule: DOC-RENSTRA, subject: opd, reason: Renstra baru dibahas DPRD, approved_by: Sekda, until: 2025-07-10}
            """)
        let waived = try SPBEProcess.run(arguments + ["--waivers", all, weak])
        #expect(waived.status == 0, "\(waived.stderr)")
        #expect(waived.stdout.contains("DIKECUALIKAN HIGH APP-HOSTING"))
        #expect(waived.stderr.contains("warning[waiver.expiring]"))
        let expired = try waiverFile("  - {rule: DOC-RENSTRA, subject: opd, reason: Lama, approved_by: Sekda, until: 2024-12-31}\n")
        let result = try SPBEProcess.run(arguments + ["--waivers", expired, weak])
        #expect(result.status == 1)
        #expect(result.stdout.contains("KEDALUWARSA"))
        #expect(result.stderr.contains("warning[waiver.expired]"))
    }

    @Test("a waiver file with errors exits 2 with positions")
    func broken() throws {
        let file = try waiverFile("  - {rule: DOC-RENSTR, subject: opd, reason: r, approved_by: a, until: 2025-12-31}\n")
        let result = try SPBEProcess.run(["check", "--pack", "Tests/Fixtures/packs/mini", "--waivers", file, "Tests/Fixtures/inventories/mini-weak.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file):3:12: error[waiver.unknown_rule]: the pack has no rule 'DOC-RENSTR'; did you mean 'DOC-RENSTRA'?"))
    }
}

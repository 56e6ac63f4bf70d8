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

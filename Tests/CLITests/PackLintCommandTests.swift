import Foundation
import Testing

@Suite("spbe pack lint")
struct PackLintCommandTests {
    static let mistakes = "Tests/Fixtures/packs/mistakes"

    @Test("one run reports every mistake of a pack, its fixtures and its files, in file order, and nothing else")
    func everyMistakeInOneRun() throws {
        let result = try SPBEProcess.run(["pack", "lint", Self.mistakes])
        #expect(result.status == 2)
        try Golden.check(result.stdout, against: "mistakes-lint.txt")
        let codes = result.stdout.split(separator: "\n").filter { $0.hasPrefix(Self.mistakes) }
        #expect(codes.count >= 15)
        // The broken indicators file is one error: no rule naming its indicators is reported, nor any weight sum.
        #expect(!result.stdout.contains("unknown indicator"))
        #expect(!result.stdout.contains("pack.weight_sum"))
        // A bad severity does not hide the same rule's bad 'each:'; a misspelt 'requre' is not also a missing 'require'.
        #expect(result.stdout.contains("rules.yaml:5:15: error[pack.unknown_severity]"))
        #expect(result.stdout.contains("rules.yaml:6:11: error[pack.unknown_collection]"))
        #expect(!result.stdout.contains("needs 'require'"))
    }

    @Test("a YAML syntax error is shown with an excerpt and a caret on the line of the mistake")
    func syntaxErrorExcerpt() throws {
        let result = try SPBEProcess.run(["pack", "lint", Self.mistakes])
        #expect(
            result.stdout.contains(
                """
                indicators.yaml:6:5: error[yaml.syntax]: invalid YAML: could not find expected ':'
                  |
                6 |     weight 40
                  |     ^
                """))
    }

    @Test("the JSON output holds the same diagnostics")
    func json() throws {
        let text = try SPBEProcess.run(["pack", "lint", Self.mistakes])
        let json = try SPBEProcess.run(["pack", "lint", "--format", "json", Self.mistakes])
        #expect(json.status == 2)
        let errors = text.stdout.split(separator: "\n").filter { $0.contains(": error[") }.count
        #expect(json.stdout.components(separatedBy: "\"severity\" : \"error\"").count - 1 == errors)
    }

    @Test(
        "every bundled pack and example pack lints clean with --strict, fixtures included",
        arguments: [
            "rules/spbe-2020", "rules/spbe-2018", "rules/pemdi-2026", "rules/smart-city", "rules/inventory",
            "examples/packs/spbe-2020-sleman", "examples/packs/spbe-2020-satu-data",
        ])
    func bundledPacksAreClean(_ pack: String) throws {
        let result = try SPBEProcess.run(["pack", "lint", "--strict", pack])
        #expect(result.status == 0, "\(result.stdout)")
    }
}

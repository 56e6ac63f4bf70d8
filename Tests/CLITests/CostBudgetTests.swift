import Foundation
import Testing

@Suite("per-inventory cost budget")
struct CostBudgetTests {
    static let folder = "Tests/CLITests/Fixtures/cost"

    @Test("an inventory over the rule budget is an error naming it; the others are still reported, and the run exits 2")
    func runGoesOn() throws {
        let result = try SPBEProcess.run([
            "check", "\(Self.folder)/inventories", "--pack", "\(Self.folder)/pack", "--max-cost", "100000", "--as-of",
            "2025-06-30",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error[eval.cost_exceeded]: rule APP-UNIK went over its evaluation cost budget of 100,000 units on '\(Self.folder)/inventories/b-besar.yaml'"
            ), "\(result.stderr)")
        #expect(result.stdout.contains("Dinas a-kecil"))
        #expect(result.stdout.contains("Dinas c-kecil"))
        #expect(!result.stdout.contains("Dinas b-besar"))
    }

    @Test("the static estimate counts a rule's each: loop")
    func eachLoopEstimate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-cost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = SPBEProcess.packageRoot.path
        // Per subject the condition weighs about 100 × 100 units; over 100 subjects, about 10^6.
        try Data(
            """
            spbe_pack: 1
            extends: [\(root)/\(Self.folder)/pack]
            pack: {id: mahal, title: Mahal, version: 0.1.0, framework: Uji}
            rules:
              - id: APP-KUBIK
                title: Kubik
                indicator: I02
                severity: low
                each: applications
                require: all(applications as a, count(applications as b, b.name == a.name and a.name != name) >= 0)
                recommendation: Contoh.
                references: [Contoh]

            """.utf8
        ).write(to: folder.appendingPathComponent("pack.yaml"))
        let result = try SPBEProcess.run(["pack", "lint", folder.path, "--max-cost", "1000000"])
        #expect(result.status == 2)
        #expect(
            result.stdout.contains("error[pack.cost_budget]: the estimated evaluation cost of rule APP-KUBIK"),
            "\(result.stdout)")
    }
}

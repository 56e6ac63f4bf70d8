import Foundation
import Testing

/// The index recomputed by hand from PermenPANRB 59/2020's formula and weights, independently of the engine,
/// must match what `spbe score --levels` prints, to two decimals.
@Suite("spbe score", .serialized)
struct ScoreCommandTests {
    /// Official indicator weights (percent of the index) by indicator number, from the domain facts §1.3.
    static let weights: [Double] = Array(repeating: 1.3, count: 10) + Array(repeating: 2.5, count: 10)
        + Array(repeating: 1.5, count: 11) + Array(repeating: 2.75, count: 10) + Array(repeating: 3.0, count: 6)

    /// Σ(BI × TK) / 100.
    static func handIndex(_ levels: [Int]) -> Double {
        zip(weights, levels).reduce(0) { $0 + $1.0 * Double($1.1) } / 100
    }

    static func predicate(_ index: Double) -> String {
        switch index {
        case 4.2...: "Memuaskan"
        case 3.5..<4.2: "Sangat Baik"
        case 2.6..<3.5: "Baik"
        case 1.8..<2.6: "Cukup"
        default: "Kurang"
        }
    }

    private func score(levels: [Int]) throws -> [String: Any] {
        let text = "levels:\n" + levels.enumerated().map { "  \($0.offset + 1): \($0.element)\n" }.joined()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("levels-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        let result = try SPBEProcess.run(["score", "--levels", url.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test("the worked example scores 2.08 Cukup with domain indexes 3.00, 1.90, 1.00, 2.31")
    func workedExample() throws {
        let result = try SPBEProcess.run(["score", "--levels", "Tests/Fixtures/levels/worked-example.yaml", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["index_display"] as? String == "2.08")
        #expect(object["predicate"] as? String == "Cukup")
        let domains = try #require(object["domains"] as? [[String: Any]])
        #expect(domains.compactMap { ($0["index"] as? Double).map { String(format: "%.2f", $0) } } == ["3.00", "1.90", "1.00", "2.31"])
    }

    @Test("level sets recomputed by hand match to two decimals", arguments: [
        Array(repeating: 1, count: 47), Array(repeating: 5, count: 47), Array(repeating: 3, count: 47),
        (0..<47).map { ($0 * 7 + 3) % 5 + 1 }, (0..<47).map { ($0 * 11 + 1) % 6 },
    ])
    func handComputed(levels: [Int]) throws {
        let object = try score(levels: levels)
        let expected = Self.handIndex(levels)
        let index = try #require(object["index"] as? Double)
        #expect(String(format: "%.2f", index) == String(format: "%.2f", expected))
        #expect(object["predicate"] as? String == Self.predicate(expected))
    }

    @Test("a missing indicator is an error unless --allow-missing counts it as 0")
    func missing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString).yaml")
        try Data("levels: {1: 3, 2: 2}\n".utf8).write(to: url)
        let strict = try SPBEProcess.run(["score", "--levels", url.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("no level for indicator(s) 3, 4"))
        let lenient = try SPBEProcess.run(["score", "--levels", url.path, "--allow-missing", "--format", "json"])
        #expect(lenient.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lenient.stdout.utf8)) as? [String: Any])
        #expect((object["missing_indicators"] as? [Int])?.count == 45)
    }

    @Test("a levels file for another framework is refused")
    func otherFramework() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("old-\(UUID().uuidString).yaml")
        try Data("framework: spbe-2018\nlevels: {1: 3}\n".utf8).write(to: url)
        let result = try SPBEProcess.run(["score", "--levels", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("spbe-2018"))
    }
}

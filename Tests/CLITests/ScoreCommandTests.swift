import Foundation
import Testing

/// The index recomputed by hand from PermenPANRB 59/2020's formula and weights, independently of the engine,
/// must match what `spbe score --levels` prints, to two decimals.
@Suite("spbe score", .serialized)
struct ScoreCommandTests {
    /// Official indicator weights (percent of the index) by indicator number, from the domain facts §1.3.
    static let weights: [Double] =
        Array(repeating: 1.3, count: 10) + Array(repeating: 2.5, count: 10)
        + Array(repeating: 1.5, count: 11) + Array(repeating: 2.75, count: 10) + Array(repeating: 3.0, count: 6)

    /// Σ(BI × TK) / 100.
    static func handIndex(_ levels: [Int]) -> Double {
        zip(weights, levels).reduce(0) { $0 + $1.0 * Double($1.1) } / 100
    }

    /// The band of the index as shown: rounded half up to two decimals (docs/scoring.md).
    static func predicate(_ index: Double) -> String {
        switch ((index * 1e8).rounded() / 1e6).rounded() / 100 {
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
        let result = try SPBEProcess.run([
            "score", "--levels", "Tests/Fixtures/levels/worked-example.yaml", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["index_display"] as? String == "2.08")
        #expect(object["predicate"] as? String == "Cukup")
        let domains = try #require(object["domains"] as? [[String: Any]])
        #expect(
            domains.compactMap { ($0["index"] as? Double).map { String(format: "%.2f", $0) } } == [
                "3.00", "1.90", "1.00", "2.31",
            ])
    }

    @Test(
        "level sets recomputed by hand match to two decimals",
        arguments: [
            Array(repeating: 1, count: 47), Array(repeating: 5, count: 47), Array(repeating: 3, count: 47),
            (0..<47).map { ($0 * 7 + 3) % 5 + 1 }, (0..<47).map { ($0 * 11 + 1) % 5 + 1 },
        ])
    func handComputed(levels: [Int]) throws {
        let object = try score(levels: levels)
        let expected = Self.handIndex(levels)
        let index = try #require(object["index"] as? Double)
        #expect(String(format: "%.2f", index) == String(format: "%.2f", expected))
        #expect(object["predicate"] as? String == Self.predicate(expected))
    }

    @Test("a missing indicator is an error unless --allow-missing counts it at the lowest level")
    func missing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString).yaml")
        try Data("levels: {1: 3, 2: 2}\n".utf8).write(to: url)
        let strict = try SPBEProcess.run(["score", "--levels", url.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("no level for indicator(s) 3, 4"))
        let lenient = try SPBEProcess.run(["score", "--levels", url.path, "--allow-missing", "--format", "json"])
        #expect(lenient.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lenient.stdout.utf8)) as? [String: Any])
        #expect((object["missing_indicators"] as? [String])?.count == 45)
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

/// The other bundled frameworks and the pemda-level estimate.
@Suite("spbe score on every framework", .serialized)
struct FrameworkScoreTests {
    /// PermenPANRB 8/2026 (Indeks Pemdi) indicator weights as reported in the domain facts §1.5.
    static let pemdiWeights: [Double] = [5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15]

    /// The Pemdi predicate bands, upper-inclusive (addendum 2026-12 §6: 1.51–2.50 Cukup), on the index as shown.
    static func pemdiPredicate(_ index: Double) -> String {
        let shown = Int(((index * 1e8).rounded() / 1e6).rounded())
        switch shown {
        case 401...: return "Memuaskan"
        case 351...400: return "Sangat Baik"
        case 251...350: return "Baik"
        case 151...250: return "Cukup"
        default: return "Kurang"
        }
    }

    private func levelsFile(_ levels: [Int], framework: String) throws -> String {
        let text =
            "framework: \(framework)\nlevels:\n"
            + levels.enumerated().map { "  \($0.offset + 1): \($0.element)\n" }.joined()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("levels-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(
        "Pemdi 2026 level sets recomputed by hand match to two decimals, and the pack is marked provisional",
        arguments: [
            Array(repeating: 1, count: 20), Array(repeating: 5, count: 20), (0..<20).map { $0 % 5 + 1 },
            (0..<20).map { ($0 * 3) % 5 + 1 },
        ])
    func pemdi(levels: [Int]) throws {
        let path = try levelsFile(levels, framework: "pemdi-2026")
        let result = try SPBEProcess.run(["score", "--pack", "rules/pemdi-2026", "--levels", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let expected = zip(Self.pemdiWeights, levels).reduce(0) { $0 + $1.0 * Double($1.1) } / 100
        let index = try #require(object["index"] as? Double)
        #expect(String(format: "%.2f", index) == String(format: "%.2f", expected))
        #expect(object["predicate"] as? String == Self.pemdiPredicate(expected))
        #expect(object["provisional"] as? Bool == true)
    }

    @Test("the 2018 framework computes an index with its medium-confidence weights")
    func weights2018() throws {
        let path = try levelsFile(Array(repeating: 3, count: 34), framework: "spbe-2018")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "  35-1: 3\n  35-2: 3\n  35-3: 3\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let json = try SPBEProcess.run(["score", "--pack", "rules/spbe-2018", "--levels", path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["official_weights"] as? Bool == true)
        #expect(object["index_display"] as? String == "3.00")
    }

    @Test("a pemda folder is scored as one pemda from the evidence of all its OPDs")
    func pemdaFolder() throws {
        let result = try SPBEProcess.run([
            "score", "examples/kabupaten-bantul", "--as-of", "2025-06-30", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["basis"] as? String == "pemda")
        #expect((object["label"] as? String)?.contains("Kabupaten Bantul") == true)
        let single = try SPBEProcess.run(["score", "examples/kabupaten-bantul/dinsos.yaml", "--as-of", "2025-06-30"])
        #expect(single.stdout.contains("simulasi tingkat OPD"))
    }

    @Test("the strong example reaches a clearly higher index than the weak one, and the report says why")
    func strongAndWeak() throws {
        func index(_ example: String) throws -> (Double, String) {
            let json = try SPBEProcess.run([
                "check", example, "--as-of", "2025-06-30", "--fail-on", "none", "--format", "json",
            ])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let inventory = try #require((object["inventories"] as? [[String: Any]])?.first)
            let score = try #require(inventory["score"] as? [String: Any])
            let text = try SPBEProcess.run(["check", example, "--as-of", "2025-06-30", "--fail-on", "none"]).stdout
            return (try #require(score["index"] as? Double), text)
        }
        let (strong, _) = try index("examples/diskominfo-sleman.yaml")
        let (weak, weakText) = try index("examples/disdukcapil-gunungkidul.yaml")
        #expect(strong - weak > 2)
        #expect(weakText.contains("HIGH APP-HOSTING"))
        #expect(weakText.contains("→ "))
    }
}

@Suite("spbe score --assume")
struct AssumeTests {
    @Test("assumed levels give the index before and after, as the regulation's formula does")
    func whatIf() throws {
        let result = try SPBEProcess.run([
            "score", "--levels", "Tests/Fixtures/levels/worked-example.yaml", "--assume", "I42=5", "--assume", "44=5",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let before = try #require((object["before"] as? [String: Any])?["index"] as? Double)
        let after = try #require(object["index"] as? Double)
        // Worked example: I42 3 → 5 and I44 3 → 5, each weighing 3 of 100: +0.12.
        #expect(abs((after - before) - 0.12) < 1e-9)
        #expect((object["assumptions"] as? [[String: Any]])?.map { $0["indicator"] as? String } == ["I42", "I44"])
    }

    @Test(
        "an unknown indicator or level is a usage error",
        arguments: [["--assume", "I99=3"], ["--assume", "I42=7"], ["--assume", "I42"]])
    func usage(_ arguments: [String]) throws {
        #expect(
            try SPBEProcess.run(["score", "--levels", "Tests/Fixtures/levels/worked-example.yaml"] + arguments).status
                == 64)
    }
}

@Suite("spbe evidence", .serialized)
struct EvidenceTests {
    @Test("each indicator's evidence at the current level names the record that holds it; the next level's is missing")
    func checklist() throws {
        let result = try SPBEProcess.run([
            "evidence", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30",
            "Tests/Fixtures/inventories/mini-good.yaml",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("I01 Arsitektur — tingkat 2 Terkelola"))
        #expect(result.stdout.contains("[ada] tingkat 2: Arsitektur ditetapkan"))
        #expect(result.stdout.contains("tercatat di documents"))
        let markdown = try SPBEProcess.run([
            "evidence", "--as-of", "2025-06-30", "--format", "markdown", "examples/dinkes-sleman.yaml",
        ]).stdout
        #expect(markdown.contains("- [x] **tingkat 3**"))
        #expect(markdown.contains("- [ ] **tingkat 4**"))
        #expect(markdown.contains("tercatat di `documents` DOC-21 — `examples/dinkes-sleman.yaml:294:5`"))
        let html = try SPBEProcess.run([
            "evidence", "--as-of", "2025-06-30", "--format", "html", "--lang", "en", "examples/kabupaten-bantul",
        ]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("☑ present") && html.contains("☐ missing"))
    }
}

import Foundation
import Testing

/// The predicate agrees with the index every report shows (two decimals, rounded half up), and an index within
/// 0.005 of a band edge carries a note, in every format: `check` as text, JSON, markdown and HTML, and `score` as
/// text and JSON. Each case is a pack made for it, whose two indicators (one at level 5, one at level 1) weigh so
/// that the index is exactly the value under test; the bands are read from the real pack's file.
@Suite("predicates at band edges, through the whole pipeline", .serialized)
struct PredicateThresholdTests {
    struct Case: CustomTestStringConvertible, Sendable {
        /// The framework pack whose `predicates:` the case uses.
        let pack: String
        /// The full-precision index.
        let index: Double
        /// What every report shows.
        let shown: String
        let predicate: String
        let borderline: Bool

        var testDescription: String { "\(pack) \(index) → \(shown) \(predicate)\(borderline ? " (borderline)" : "")" }
    }

    static let spbe2020: [Case] = [
        Case(pack: "spbe-2020", index: 1.795, shown: "1.80", predicate: "Cukup", borderline: true),
        Case(pack: "spbe-2020", index: 1.8, shown: "1.80", predicate: "Cukup", borderline: true),
        Case(pack: "spbe-2020", index: 1.79, shown: "1.79", predicate: "Kurang", borderline: false),
        Case(pack: "spbe-2020", index: 2.595, shown: "2.60", predicate: "Baik", borderline: true),
        Case(pack: "spbe-2020", index: 2.6, shown: "2.60", predicate: "Baik", borderline: true),
        Case(pack: "spbe-2020", index: 2.59, shown: "2.59", predicate: "Cukup", borderline: false),
        Case(pack: "spbe-2020", index: 3.495, shown: "3.50", predicate: "Sangat Baik", borderline: true),
        Case(pack: "spbe-2020", index: 3.5, shown: "3.50", predicate: "Sangat Baik", borderline: true),
        Case(pack: "spbe-2020", index: 4.195, shown: "4.20", predicate: "Memuaskan", borderline: true),
        Case(pack: "spbe-2020", index: 4.2, shown: "4.20", predicate: "Memuaskan", borderline: true),
        Case(pack: "spbe-2020", index: 4.21, shown: "4.21", predicate: "Memuaskan", borderline: false),
    ]

    /// Pemdi's bands are upper-inclusive: exactly 1.50, 2.50, 3.50 and 4.00 are in the lower band.
    static let pemdi: [Case] = [
        Case(pack: "pemdi-2026", index: 1.5, shown: "1.50", predicate: "Kurang", borderline: true),
        Case(pack: "pemdi-2026", index: 1.505, shown: "1.51", predicate: "Cukup", borderline: true),
        Case(pack: "pemdi-2026", index: 2.5, shown: "2.50", predicate: "Cukup", borderline: true),
        Case(pack: "pemdi-2026", index: 2.505, shown: "2.51", predicate: "Baik", borderline: true),
        Case(pack: "pemdi-2026", index: 3.5, shown: "3.50", predicate: "Baik", borderline: true),
        Case(pack: "pemdi-2026", index: 3.505, shown: "3.51", predicate: "Sangat Baik", borderline: true),
        Case(pack: "pemdi-2026", index: 4.0, shown: "4.00", predicate: "Sangat Baik", borderline: true),
        Case(pack: "pemdi-2026", index: 4.005, shown: "4.01", predicate: "Memuaskan", borderline: true),
        Case(pack: "pemdi-2026", index: 4.02, shown: "4.02", predicate: "Memuaskan", borderline: false),
    ]

    @Test(
        "the predicate follows the value shown, with the borderline note, in every format", arguments: spbe2020 + pemdi)
    func everyFormat(_ testCase: Case) throws {
        let folder = try Self.makePack(for: testCase)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("pack.yaml").path
        let inventory = folder.appendingPathComponent("opd.yaml").path
        let headline = "\(testCase.shown) \(testCase.predicate)"
        let note = "Dekat batas predikat"

        let text = try run(["check", "--pack", pack, "--format", "text", inventory])
        #expect(text.contains("Estimasi indeks: \(headline)"), "\(text)")
        #expect(text.contains(note) == testCase.borderline)

        let markdown = try run(["check", "--pack", pack, "--format", "markdown", inventory])
        #expect(markdown.contains("**Estimasi indeks: \(headline)**"), "\(markdown)")
        #expect(markdown.contains(note) == testCase.borderline)

        let html = try run(["check", "--pack", pack, "--format", "html", inventory])
        #expect(html.contains(">\(headline)<"))
        #expect(html.contains("class=\"borderline\"") == testCase.borderline)

        let json = try object(run(["check", "--pack", pack, "--format", "json", inventory]))
        let inventories = try #require(json["inventories"] as? [[String: Any]])
        let score = try #require(inventories.first?["score"] as? [String: Any])
        #expect(score["index_display"] as? String == testCase.shown)
        #expect(score["predicate"] as? String == testCase.predicate)
        #expect(score["borderline"] as? Bool == testCase.borderline)
        #expect((score["borderline_note"] as? String)?.contains(note) ?? false == testCase.borderline)

        let scoreText = try run(["score", "--pack", pack, inventory])
        #expect(scoreText.contains("Estimasi indeks: \(headline)"), "\(scoreText)")
        #expect(scoreText.contains(note) == testCase.borderline)

        let scoreJSON = try object(run(["score", "--pack", pack, "--format", "json", inventory]))
        #expect(scoreJSON["index_display"] as? String == testCase.shown)
        #expect(scoreJSON["predicate"] as? String == testCase.predicate)
        #expect(scoreJSON["borderline"] as? Bool == testCase.borderline)
    }

    private func run(_ arguments: [String]) throws -> String {
        let result = try SPBEProcess.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A pack with the bands of `testCase.pack` and two indicators: one at level 5 weighing `w`, one at level 1
    /// weighing `100 − w`, so that the index is `(5w + 100 − w) / 100 = 1 + w / 25`.
    static func makePack(for testCase: Case) throws -> URL {
        let root = SPBEProcess.packageRoot
        let source = try String(
            contentsOf: root.appendingPathComponent("rules/\(testCase.pack)/pack.yaml"), encoding: .utf8)
        let bands = source.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0 != "  predicates:" }.prefix { $0 == "  predicates:" || $0.hasPrefix("    - ") }
        let weight = (testCase.index - 1) * 25
        let always = (1...5).map { "      \($0): {require: 'true'}" }.joined(separator: "\n")
        let never = (1...5).map { "      \($0): {require: 'false'}" }.joined(separator: "\n")
        let pack = """
            spbe_pack: 1
            extends: [\(root.appendingPathComponent("rules/inventory").path)]
            pack: {id: ambang, title: Ambang predikat, version: 0.1.0, framework: Uji ambang}
            framework:
              scales:
                proses:
            \((1...5).map { "      - {level: \($0), name: T\($0)}" }.joined(separator: "\n"))
              total_weight: 100
              domains:
                - id: D1
                  name: Satu
                  weight: 100
                  aspects:
                    - {id: A1, name: Satu, weight: 100}
            \(bands.joined(separator: "\n"))
            indicators:
              - id: I1
                number: 1
                name: Penuh
                aspect: A1
                weight: \(weight)
                scale: proses
                levels:
            \(always)
              - id: I2
                number: 2
                name: Kosong
                aspect: A1
                weight: \(100 - weight)
                scale: proses
                levels:
            \(never)

            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ambang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(pack.utf8).write(to: folder.appendingPathComponent("pack.yaml"))
        try Data("opd:\n  id: uji\n  name: OPD Uji\n".utf8).write(to: folder.appendingPathComponent("opd.yaml"))
        return folder
    }
}

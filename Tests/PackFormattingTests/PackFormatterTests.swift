import DataModel
import Engine
import Foundation
import Packs
import Testing

@testable import PackFormatting

@Suite("spbe pack fmt")
struct PackFormatterTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules")

    static func formatted(_ text: String) -> String? {
        guard case .formatted(let result) = PackFormatter.format(text, path: "pack.yaml") else { return nil }
        return result
    }

    @Test("a rule's keys are put in order, each with its lines and comments, trailing spaces dropped")
    func reordersKeys() {
        let text = """
            rules:
              - require: present(name)   # the check
                id: R1
                note: >-
                  two lines
                  of note
                title: {id: Judul}
                severity: low

              # the second rule
              - id: R2
                title: Judul
                severity: high  \("")
                require: 'true'
            """
        let expected = """
            rules:
              - id: R1
                title: {id: Judul}
                severity: low
                require: present(name)   # the check
                note: >-
                  two lines
                  of note

              # the second rule
              - id: R2
                title: Judul
                severity: high
                require: 'true'

            """
        #expect(Self.formatted(text) == expected)
        #expect(Self.formatted(expected) == expected)
    }

    @Test("an item with a comment between its keys, or in flow style, is left as written")
    func leavesUnsureShapes() {
        let text = "indicators:\n  - name: A\n    # why\n    id: I1\n  - {name: B, id: I2}\n"
        #expect(Self.formatted(text) == text)
    }

    @Test("a file that is not YAML is an error, not a rewrite")
    func invalidYAML() {
        guard case .invalid(let diagnostic) = PackFormatter.format("rules: [\n", path: "x.yaml") else {
            Issue.record("expected a diagnostic")
            return
        }
        #expect(diagnostic.location?.file == "x.yaml")
    }

    @Test("every bundled pack, formatted in a copy, compiles to the same pack, and a second format changes nothing")
    func bundledPacks() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-fmt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.rules, to: copy)
        var packs = try FileManager.default.contentsOfDirectory(atPath: copy.path).sorted()
        packs.removeAll {
            !FileManager.default.fileExists(
                atPath: copy.appendingPathComponent($0).appendingPathComponent("pack.yaml").path)
        }
        #expect(packs.count >= 4)
        for pack in packs {
            let folder = copy.appendingPathComponent(pack)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
                let file = folder.appendingPathComponent(name)
                let text = try String(contentsOf: file, encoding: .utf8)
                let once = try #require(Self.formatted(text))
                #expect(Self.formatted(once) == once, "\(pack)/\(name) changes on a second format")
                try Data(once.utf8).write(to: file)
            }
        }
        for pack in packs {
            let original = try #require(PackLoader.load(path: Self.rules.appendingPathComponent(pack).path).pack)
            let loaded = PackLoader.load(path: copy.appendingPathComponent(pack).path)
            let reformatted = try #require(loaded.pack, "\(pack): \(loaded.diagnostics)")
            #expect(PackCompiler.compile(reformatted).pack != nil, "\(pack) no longer compiles")
            #expect(reformatted.rules.map(Self.summary) == original.rules.map(Self.summary), "\(pack) rules differ")
            #expect(
                reformatted.indicators.map(Self.summary) == original.indicators.map(Self.summary),
                "\(pack) indicators differ")
        }
    }

    @Test("a bundled rules file with every rule's indicator and severity lines swapped formats back to the original")
    func restoresShuffledKeys() throws {
        let folder = Self.rules.appendingPathComponent("spbe-2020")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("rules-") {
            let original = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let shuffled = original.replacingOccurrences(
                of: #"(?m)^(    indicator: [^\n]*)\n(    severity: [^\n]*)$"#, with: "$2\n$1",
                options: .regularExpression
            )
            #expect(shuffled != original, "\(name) has no indicator line before a severity line")
            #expect(Self.formatted(shuffled) == original, "\(name) does not format back")
        }
    }

    /// What a rule says, positions left out.
    static func summary(_ rule: RuleSpec) -> [String] {
        [
            rule.id, localized(rule.title), "\(rule.indicatorID ?? "")", rule.severity.rawValue, rule.each ?? "",
            rule.filter?.text ?? "", rule.require.text,
            rule.message.map { $0.translations.mapValues(\.text).sorted { $0.key < $1.key }.description } ?? "",
            localized(rule.recommendation),
            rule.references.joined(separator: "|"), rule.note ?? "",
        ]
    }

    static func localized(_ text: LocalizedText?) -> String {
        (text?.translations ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }

    /// What an indicator says, positions left out.
    static func summary(_ indicator: IndicatorSpec) -> [String] {
        [
            indicator.id, "\(indicator.number ?? 0)", indicator.name, indicator.aspectID, "\(indicator.weight)",
            indicator.scaleID, "\(indicator.target ?? 0)",
            "\(indicator.effort ?? 0)", indicator.references.joined(separator: "|"), indicator.note ?? "",
        ]
            + indicator.levels.map {
                "\($0.level) \($0.require?.text ?? "") \(localized($0.description)) \($0.evidence)"
            }
    }
}

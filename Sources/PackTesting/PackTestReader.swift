import DataModel
import Diagnostics
import Engine
import Foundation
import YAMLSource

/// Reads a pack's fixtures: every `*.yaml` in its `tests/` folder, in name order.
///
/// ```yaml
/// spbe_pack_test: 1
/// as_of: 2025-06-30
/// cases:
///   - name: aplikasi khusus tanpa audit
///     inventory: {spbe_inventory: 1, opd: {…}, applications: […]}
///     expect:
///       fail: {APP-AUDIT-KEAMANAN: [APP-01]}
///       levels: {I31: 1}
/// ```
/// Unknown keys are errors, as in packs.
public enum PackTestReader {
    /// The folder of a pack that holds its fixtures.
    public static let folderName = "tests"

    /// The fixture files of the pack at `packPath` (a folder), sorted by name; empty when it has none.
    public static func files(forPack packPath: String) -> [String] {
        let folder = (packPath as NSString).appendingPathComponent(folderName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Reads one fixture file; every problem is a diagnostic with its position.
    public static func read(path: String, limits: YAMLLimits = .default) -> (
        file: PackTestFile?, diagnostics: [Diagnostic], text: String?
    ) {
        let read = readPartial(path: path, limits: limits)
        return (read.diagnostics.contains { $0.severity == .error } ? nil : read.file, read.diagnostics, read.text)
    }

    /// Reads one fixture file, keeping the cases that read even when others have errors, so that their
    /// inventories and expectations can be checked in the same run.
    public static func readPartial(path: String, limits: YAMLLimits = .default) -> (
        file: PackTestFile?, diagnostics: [Diagnostic], text: String?
    ) {
        switch YAMLReader.read(path: path, limits: limits) {
        case .failure(let diagnostic):
            return (
                nil, [diagnostic], diagnostic.location == nil ? nil : try? String(contentsOfFile: path, encoding: .utf8)
            )
        case .success(let document):
            var reader = Reader(path: path)
            let file = reader.file(document.root)
            return (file, reader.bag.diagnostics, document.text)
        }
    }

    private struct Reader {
        let path: String
        var bag = DiagnosticBag()

        mutating func file(_ root: YAMLNode?) -> PackTestFile? {
            guard let root,
                let entries = mapping(root, "a fixture file", allowed: ["spbe_pack_test", "as_of", "cases"])
            else {
                bag.report(.fixtureEmpty(path))
                return nil
            }
            if entries["spbe_pack_test"]?.plainScalarKind != .int(1) {
                bag.report(.fixtureFormat(at: entries["spbe_pack_test"]?.location ?? root.location))
            }
            let asOf = entries["as_of"].flatMap { date($0) }
            guard let cases = entries["cases"]?.sequenceItems else {
                bag.report(.fixtureWithoutCases(at: root.location))
                return nil
            }
            return PackTestFile(path: path, cases: cases.compactMap { testCase($0, asOf: asOf) })
        }

        private mutating func testCase(_ node: YAMLNode, asOf fileDate: Day?) -> PackTestCase? {
            guard let entries = mapping(node, "a case", allowed: ["name", "as_of", "inventory", "expect"]) else {
                return nil
            }
            guard let name = entries["name"]?.scalar, !name.isEmpty else {
                bag.report(.caseWithoutName(at: node.location))
                return nil
            }
            guard let inventory = entries["inventory"] else {
                bag.report(.caseMissingKey(name, "'inventory'", at: node.location))
                return nil
            }
            guard let asOf = entries["as_of"].flatMap({ date($0) }) ?? fileDate else {
                bag.report(.caseMissingKey(name, "'as_of' (or the file one)", at: node.location))
                return nil
            }
            guard let expectNode = entries["expect"], let expectation = expectation(expectNode) else {
                if entries["expect"] == nil {
                    bag.report(.caseMissingKey(name, "'expect'", at: node.location))
                }
                return nil
            }
            return PackTestCase(
                name: name, asOf: asOf, inventory: inventory, expectation: expectation, location: node.location)
        }

        private static let outcomeKeys: [(String, Outcome)] = [
            ("fail", .fail), ("pass", .pass), ("not_evidenced", .notEvidenced), ("not_applicable", .notApplicable),
        ]

        private mutating func expectation(_ node: YAMLNode) -> PackTestExpectation? {
            let allowed = Self.outcomeKeys.map(\.0) + ["levels", "index"]
            guard let entries = mapping(node, "expect", allowed: allowed) else { return nil }
            var subjects: [Outcome: [String: ExpectedSubjects]] = [:]
            for (key, outcome) in Self.outcomeKeys {
                guard let byRule = entries[key] else { continue }
                guard let rules = byRule.mappingEntries else {
                    bag.report(.expectedSubjectsNotMapping(key, at: byRule.location))
                    continue
                }
                var expected: [String: ExpectedSubjects] = [:]
                for rule in rules {
                    guard let id = rule.key.scalar else { continue }
                    let items = rule.value.sequenceItems ?? [rule.value]
                    let names = items.compactMap(\.scalar)
                    if names.count != items.count {
                        bag.report(.expectedSubjectsNotList(of: id, at: rule.value.location))
                    }
                    expected[id] = ExpectedSubjects(subjects: names, location: rule.key.location)
                }
                subjects[outcome] = expected
            }
            var levels: [String: Expected<Int>] = [:]
            for entry in entries["levels"]?.mappingEntries ?? [] {
                guard let id = entry.key.scalar, case .int(let level) = entry.value.plainScalarKind,
                    (0...5).contains(level)
                else {
                    bag.report(.fixtureInvalidLevel(at: entry.value.location))
                    continue
                }
                levels[id] = Expected(value: level, location: entry.key.location)
            }
            var index: Expected<Double>?
            if let node = entries["index"] {
                switch node.plainScalarKind {
                case .int(let value): index = Expected(value: Double(value), location: node.location)
                case .float(let value) where value.isFinite: index = Expected(value: value, location: node.location)
                default: bag.report(.fixtureInvalidIndex(at: node.location))
                }
            }
            return PackTestExpectation(subjects: subjects, levels: levels, index: index)
        }

        private mutating func date(_ node: YAMLNode) -> Day? {
            guard let text = node.scalar, let day = Day(iso: text) else {
                bag.report(.fixtureInvalidDate(at: node.location))
                return nil
            }
            return day
        }

        private mutating func mapping(_ node: YAMLNode, _ what: String, allowed: [String]) -> [String: YAMLNode]? {
            guard let entries = node.mappingEntries else {
                bag.report(.fixtureExpectedMapping(what, at: node.location))
                return nil
            }
            var result: [String: YAMLNode] = [:]
            for entry in entries {
                guard let key = entry.key.scalar, allowed.contains(key) else {
                    let key = entry.key.scalar ?? "?"
                    bag.report(.fixtureUnknownKey(key, in: what, allowed: allowed, at: entry.key.location))
                    continue
                }
                result[key] = entry.value
            }
            return result
        }
    }
}

import DataModel
import Diagnostics
import Inventories
import Packs
import YAMLSource

/// Checks a pack's fixtures without running them, so that `spbe pack lint` reports every mistake of a fixture in
/// the same run as the pack's: the file's structure, each case's inventory against the pack's schema, and the rule
/// and indicator ids its expectations name. Checks that would only repeat an error of the pack are skipped.
public enum PackFixtureChecker {
    /// Every diagnostic of the fixtures of `pack`, the text of each fixture file read, and the files as far as
    /// they read.
    public static func check(
        _ pack: RulePack, gaps: PackGaps, limits: YAMLLimits = .default
    ) -> (diagnostics: [Diagnostic], sources: SourceStore, files: [PackTestFile]) {
        var diagnostics: [Diagnostic] = []
        var sources = SourceStore()
        var files: [PackTestFile] = []
        let loader = InventoryLoader(schema: pack.schema, limits: limits)
        let ruleIDs = pack.rules.map(\.id)
        let indicatorIDs = pack.indicators.map(\.id)
        for path in PackTestReader.files(forPack: pack.root) {
            let read = PackTestReader.readPartial(path: path, limits: limits)
            diagnostics += read.diagnostics
            if let text = read.text { sources.add(text, of: path) }
            if let file = read.file { files.append(file) }
            for testCase in read.file?.cases ?? [] {
                if !gaps.schema { diagnostics += loader.load(root: testCase.inventory, file: path).diagnostics }
                for (_, expected) in testCase.expectation.subjects {
                    for (id, subjects) in expected
                    where !ruleIDs.contains(id) && !gaps.rules && !gaps.brokenIDs.contains(id) {
                        diagnostics.append(.fixtureUnknownRule(id, among: ruleIDs, at: subjects.location))
                    }
                }
                for (id, expected) in testCase.expectation.levels
                where !indicatorIDs.contains(id) && !gaps.indicators && !gaps.brokenIDs.contains(id) {
                    diagnostics.append(.fixtureUnknownIndicator(id, among: indicatorIDs, at: expected.location))
                }
            }
        }
        return (diagnostics, sources, files)
    }
}

import DataModel
import Diagnostics
import YAMLSource

/// Indicator levels filled in directly, as on the official self-assessment form (`levels: {1: 3, 2: 2, …}`).
public struct SelfAssessment: Sendable {
    /// The framework the numbering follows, when the file says (`spbe-2018`); nil means the pack's own.
    public let framework: String?
    /// Level (0–5) by indicator number.
    public let levels: [Int: Int]
    /// Where each number is written, for errors about it.
    public let locations: [Int: SourceLocation]
    /// Where the `levels:` mapping is.
    public let location: SourceLocation

    /// Reads a YAML or JSON self-assessment file; every problem is a diagnostic with its position.
    public static func load(path: String, limits: YAMLLimits = .default) -> (SelfAssessment?, [Diagnostic]) {
        let document: YAMLDocument
        switch YAMLReader.read(path: path, limits: limits) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parsed): document = parsed
        }
        var bag = DiagnosticBag()
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let entries = document.root?.mappingEntries else {
            bag.report(.levelsNotMapping(at: document.root?.location ?? start))
            return (nil, bag.diagnostics)
        }
        var framework: String?
        var levelsNode: YAMLNode?
        for entry in entries {
            switch entry.key.scalar {
            case "framework": framework = entry.value.scalar
            case "levels": levelsNode = entry.value
            default:
                bag.report(.unknownLevelsKey(entry.key.scalar, at: entry.key.location))
            }
        }
        guard let levelsNode, let items = levelsNode.mappingEntries else {
            bag.report(.levelsMissing(at: levelsNode?.location ?? start))
            return (nil, bag.diagnostics)
        }
        var levels: [Int: Int] = [:]
        var locations: [Int: SourceLocation] = [:]
        for item in items {
            guard case .int(let number) = item.key.plainScalarKind, number > 0 else {
                bag.report(.invalidIndicatorNumber(item.key.scalar, at: item.key.location))
                continue
            }
            guard case .int(let level) = item.value.plainScalarKind, (0...5).contains(level) else {
                bag.report(.invalidSelfAssessedLevel(of: number, at: item.value.location))
                continue
            }
            levels[number] = level
            locations[number] = item.key.location
        }
        guard !bag.hasErrors else { return (nil, bag.diagnostics) }
        return (
            SelfAssessment(framework: framework, levels: levels, locations: locations, location: levelsNode.location),
            bag.diagnostics
        )
    }
}

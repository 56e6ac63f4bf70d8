import DataModel
import Diagnostics
import YAMLSource

/// Indicator levels filled in directly, as on the official self-assessment form (`levels: {1: 3, 2: 2, …}`).
///
/// Keys are indicator numbers, or a number and an entry for an indicator assessed several times (`35-2`: the
/// second sampled public service under PermenPANRB 5/2018). Levels are read as 0 to 5; whether a level is on the
/// indicator's scale (level 0 is not, under PermenPANRB 59/2020) is for the pack to say.
public struct SelfAssessment: Sendable {
    /// The framework the numbering follows, when the file says (`spbe-2018`); nil means the pack's own.
    public let framework: String?
    /// Level (0–5) by indicator key (`16`, `35-2`).
    public let levels: [String: Int]
    /// Where each key is written, for errors about it.
    public let locations: [String: SourceLocation]
    /// Where each level is written, for errors about it.
    public let levelLocations: [String: SourceLocation]
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
        var levels: [String: Int] = [:]
        var locations: [String: SourceLocation] = [:]
        var levelLocations: [String: SourceLocation] = [:]
        for item in items {
            guard let key = indicatorKey(item.key) else {
                bag.report(.invalidIndicatorNumber(item.key.scalar, at: item.key.location))
                continue
            }
            guard case .int(let level) = item.value.plainScalarKind, (0...5).contains(level) else {
                bag.report(.invalidSelfAssessedLevel(of: key, at: item.value.location))
                continue
            }
            levels[key] = level
            locations[key] = item.key.location
            levelLocations[key] = item.value.location
        }
        guard !bag.hasErrors else { return (nil, bag.diagnostics) }
        return (
            SelfAssessment(
                framework: framework, levels: levels, locations: locations, levelLocations: levelLocations,
                location: levelsNode.location
            ),
            bag.diagnostics
        )
    }

    /// `16` for the key 16, `35-2` for the key 35-2; nil for anything else.
    private static func indicatorKey(_ node: YAMLNode) -> String? {
        if case .int(let number) = node.plainScalarKind { return number > 0 ? String(number) : nil }
        guard let text = node.scalar else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Int(parts[0]), let entry = Int(parts[1]), number > 0, entry > 0,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return "\(number)-\(entry)"
    }
}

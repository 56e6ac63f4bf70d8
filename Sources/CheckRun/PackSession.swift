import DataModel
import Diagnostics
import Engine
import Packs
import YAMLSource

/// A pack loaded and compiled for a run, with the errors met on the way and the texts of the pack's files
/// (for excerpts): what a front end shows before it checks anything.
public struct PackSession: Sendable {
    /// The compiled pack; nil when the pack did not load or compile.
    public let pack: CompiledPack?
    /// The inventory schema of the pack; nil when the pack did not load.
    public let schema: InventorySchema?
    /// The errors of loading and compiling (warnings are for `spbe pack lint`), in reading order.
    public let diagnostics: [Diagnostic]
    /// The texts of the pack's files, its bases' too.
    public let sources: SourceStore

    /// Loads the pack at `path` and compiles its rules within `budget`.
    public static func compile(path: String, limits: YAMLLimits, budget: EvaluationBudget) -> PackSession {
        let loaded = PackLoader.load(path: path, limits: limits)
        guard let pack = loaded.pack else {
            return PackSession(pack: nil, schema: nil, diagnostics: errors(loaded.diagnostics), sources: loaded.sources)
        }
        let compiled = PackCompiler.compile(pack, budget: budget)
        return PackSession(
            pack: compiled.pack, schema: pack.schema, diagnostics: errors(loaded.diagnostics + compiled.diagnostics),
            sources: loaded.sources
        )
    }

    /// Loads the pack at `path` without compiling its rules, for front ends that only read or write inventories
    /// (`pack` is then nil).
    public static func schema(path: String, limits: YAMLLimits) -> PackSession {
        let loaded = PackLoader.load(path: path, limits: limits)
        return PackSession(
            pack: nil, schema: loaded.pack?.schema, diagnostics: errors(loaded.diagnostics), sources: loaded.sources)
    }

    private static func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }
}

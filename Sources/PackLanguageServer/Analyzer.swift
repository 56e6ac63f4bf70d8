import Authoring
import Diagnostics
import Engine
import Foundation
import Inventories
import PackTesting
import Packs
import YAMLSource

/// Runs the loaders and the compiler over open documents (their unsaved text) and collects the diagnostics by
/// file, exactly those `spbe pack lint`, `spbe pack test` and `spbe inventory validate` report.
final class Analyzer {
    /// The pack inventories and waiver files are checked against when no pack lies above them.
    let defaultPack: String?
    /// The last pack of each pack path that loaded without errors: what completion, hover and definition read
    /// while the author's current text has an error.
    private(set) var packs: [String: PackSnapshot] = [:]

    /// Creates an analyzer; `defaultPack` is the bundled SPBE pack folder.
    init(defaultPack: String?) {
        self.defaultPack = defaultPack
    }

    /// The diagnostics of the document at `path` and of the files it is checked with, by file path: every file
    /// of its pack gets an entry (an empty one clears an editor's earlier markers).
    func diagnostics(for path: String, open: [String: String]) -> [String: [Diagnostic]] {
        guard let text = open[path] else { return [:] }
        switch DocumentKind.of(path: path, text: text) {
        case .pack(let pack):
            return packDiagnostics(pack, open: open)
        case .fixture(let pack):
            return [path: fixtureDiagnostics(path, pack: pack, open: open)]
        case .waivers(let pack):
            return [path: waiverDiagnostics(path, text: text, pack: pack ?? defaultPack, open: open)]
        case .inventory:
            return [path: inventoryDiagnostics(path, text: text, open: open)]
        case .other:
            return [path: []]
        }
    }

    /// Loads (from the open texts where there are some) and compiles the pack at `pack`, remembering it when it
    /// loads; the pack is nil on errors.
    @discardableResult
    func load(_ pack: String, open: [String: String]) -> (
        pack: RulePack?, compiled: CompiledPack?, diagnostics: [Diagnostic], files: [String]
    ) {
        guard let tree = try? ShadowTree() else { return (nil, nil, [], []) }
        defer { tree.remove() }
        try? tree.mirrorPack(pack, overlay: open)
        let loaded = PackLoader.load(path: tree.mirrored(pack))
        var diagnostics = loaded.diagnostics
        var compiled: CompiledPack?
        if let rulePack = loaded.pack {
            let result = PackCompiler.compile(rulePack)
            diagnostics += result.diagnostics
            compiled = result.pack
            if let program = result.pack { diagnostics += PackLinter(pack: program).lint() }
        }
        let mapped = diagnostics.map { relocated($0, tree: tree) }
        let files = loaded.pack?.files.map(tree.original) ?? packFiles(pack)
        if let rulePack = loaded.pack { packs[pack] = PackSnapshot(pack: rulePack, tree: tree) }
        return (loaded.pack, compiled, mapped, files)
    }

    /// The pack as last loaded without errors; when it never was, loaded now from the open texts or, when
    /// they have errors, from the saved files.
    func pack(at path: String, open: [String: String]) -> PackSnapshot? {
        if let pack = packs[path] { return pack }
        load(path, open: open)
        if packs[path] == nil { load(path, open: [:]) }
        return packs[path]
    }

    private func packDiagnostics(_ pack: String, open: [String: String]) -> [String: [Diagnostic]] {
        let result = load(pack, open: open)
        var byFile: [String: [Diagnostic]] = [:]
        let own = { (file: String) in file == pack || file.hasPrefix(pack + "/") }
        for file in result.files where own(file) { byFile[file] = [] }
        for diagnostic in result.diagnostics {
            guard let location = diagnostic.location, own(location.file) else {
                // A diagnostic without a position, or in a base pack: shown at the top of the pack's first file,
                // its position in the message.
                var moved = diagnostic
                if let location = diagnostic.location { moved.message = "\(location): \(diagnostic.message)" }
                moved.location = nil
                byFile[result.files.first(where: own) ?? pack, default: []].append(moved)
                continue
            }
            byFile[location.file, default: []].append(diagnostic)
        }
        return byFile
    }

    private func fixtureDiagnostics(_ path: String, pack: String, open: [String: String]) -> [Diagnostic] {
        guard let tree = try? ShadowTree() else { return [] }
        defer { tree.remove() }
        try? tree.write(open[path] ?? "", for: path)
        let read = PackTestReader.read(path: tree.mirrored(path))
        var diagnostics = read.diagnostics
        if let file = read.file, let compiled = load(pack, open: open).compiled {
            let report = PackTestRunner(pack: compiled).run([file])
            diagnostics += report.diagnostics
            for result in report.results {
                for problem in result.problems {
                    let (location, text) =
                        Self.positioned(problem, in: tree.mirrored(path)) ?? (result.testCase.location, problem)
                    diagnostics.append(
                        Diagnostic(
                            .warning, code: "test.failed", "case '\(result.testCase.name)' fails: \(text)", at: location
                        ))
                }
            }
        }
        return diagnostics.map { relocated($0, tree: tree) }.filter { $0.location == nil || $0.location?.file == path }
    }

    /// A fixture problem that starts with a position in `file` (`FILE:LINE:COL: text`), split into the two.
    static func positioned(_ problem: String, in file: String) -> (SourceLocation, String)? {
        guard problem.hasPrefix(file + ":") else { return nil }
        let parts = problem.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2)
        guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
        return (SourceLocation(file: file, line: line, column: column), parts[2].trimmingCharacters(in: .whitespaces))
    }

    private func waiverDiagnostics(_ path: String, text: String, pack: String?, open: [String: String]) -> [Diagnostic]
    {
        guard let tree = try? ShadowTree() else { return [] }
        defer { tree.remove() }
        try? tree.write(text, for: path)
        let ruleIDs = pack.flatMap { self.pack(at: $0, open: open) }?.pack.rules.map(\.id) ?? []
        return WaiverLoader.load(path: tree.mirrored(path), ruleIDs: ruleIDs).diagnostics.map {
            relocated($0, tree: tree)
        }
    }

    private func inventoryDiagnostics(_ path: String, text: String, open: [String: String]) -> [Diagnostic] {
        guard let pack = defaultPack.flatMap({ self.pack(at: $0, open: open) }) else { return [] }
        return InventoryLoader(schema: pack.pack.schema).load(bytes: Array(text.utf8), path: path).diagnostics
    }

    /// A diagnostic whose position is in the shadow tree, moved back to the original file.
    private func relocated(_ diagnostic: Diagnostic, tree: ShadowTree) -> Diagnostic {
        var moved = diagnostic
        if let location = diagnostic.location { moved.location?.file = tree.original(location.file) }
        moved.message = diagnostic.message.replacingOccurrences(of: tree.root, with: "")
        return moved
    }

    private func packFiles(_ pack: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: pack, isDirectory: &isFolder), isFolder.boolValue else {
            return [pack]
        }
        return ((try? FileManager.default.contentsOfDirectory(atPath: pack)) ?? []).filter {
            $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
        }
        .sorted().map { (pack as NSString).appendingPathComponent($0) }
    }
}

/// A pack that loaded without errors, with the shadow tree it was read from, whose paths its positions name.
struct PackSnapshot {
    /// The pack.
    let pack: RulePack
    /// The (removed) tree its files were read from.
    let tree: ShadowTree

    /// A position of the pack, moved back to the original file.
    func original(_ location: SourceLocation) -> SourceLocation {
        var moved = location
        moved.file = tree.original(location.file)
        return moved
    }
}

import DataModel
import Diagnostics
import Foundation
import YAMLSource

/// The result of loading a pack: the pack when it has no errors, and every diagnostic found on the way.
public struct PackLoadResult: Sendable {
    /// The pack, or nil when any error was found.
    public let pack: RulePack?
    /// As much of the pack as loaded, errors or not, for the compiler and the linter to check in the same run;
    /// nil when no pack file could be read at all.
    public var partial: RulePack? = nil
    /// What of the pack failed to load, for later stages to skip errors that only repeat an earlier one.
    public var gaps: PackGaps = .none
    /// Errors and warnings, in reading order.
    public let diagnostics: [Diagnostic]
    /// The text of each file read (a base pack's too), for source excerpts in diagnostics.
    public let sources: SourceStore
}

/// Loads a rule pack from a folder (every `*.yaml`/`*.yml` directly in it) or from one YAML file.
///
/// A pack may `extends:` other packs by path; they are loaded first and the pack's own `override:`, `disable:`,
/// schema fields, indicators and rules are applied on top (see `PackComposer`).
public enum PackLoader {
    /// Top-level keys a pack file may have.
    static let sectionKeys = [
        "spbe_pack", "extends", "pack", "framework", "schema", "indicators", "rules", "override", "disable",
    ]
    /// The pack format versions this build reads.
    static let supportedFormats = [1]
    /// How many packs deep `extends` may go.
    static let maxExtendsDepth = 8
    /// How many packs one load may read in all, bases of bases included: a pack that names the same base many
    /// times at every level must not make the loader read an exponential number of packs.
    static let maxPacksLoaded = 64

    /// Counts the packs read by one top-level load.
    final class LoadCount {
        var packs = 0
    }

    /// Loads and validates the pack at `path`; reports all problems, not just the first.
    public static func load(path: String, limits: YAMLLimits = .default) -> PackLoadResult {
        load(path: path, limits: limits, chain: [], count: LoadCount())
    }

    static func load(path: String, limits: YAMLLimits, chain: [String], count: LoadCount) -> PackLoadResult {
        count.packs += 1
        let reader = PackReader()
        var sources = SourceStore()
        let files = packFiles(at: path, reader: reader)
        var sections = PackSections()
        for file in files {
            switch YAMLReader.read(path: file, limits: limits) {
            case .failure(let diagnostic):
                reader.report(diagnostic)
                // The text of a file with a syntax error is kept for the error's excerpt, and tells which sections
                // the file meant to declare, so that nothing is reported missing because of it.
                let readable = diagnostic.code.hasPrefix("yaml.") || diagnostic.code == "input.invalid_utf8"
                let text =
                    readable
                    ? FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } : nil
                if diagnostic.location != nil, let text { sources.add(text, of: file) }
                reader.gaps.brokenFile(text: text)
            case .success(let document):
                sources.add(document.text, of: file)
                guard let root = document.root else {
                    reader.report(.emptyPackFile(file))
                    continue
                }
                collect(root, into: &sections, reader: reader)
            }
        }
        var bases: [RulePack] = []
        for base in sections.extends {
            let loaded = loadBase(
                base, from: path, limits: limits, chain: chain + [CanonicalPath.of(path)], count: count, reader: reader)
            sources.merge(loaded.sources)
            if let pack = loaded.pack ?? loaded.partial { bases.append(pack) }
            if loaded.pack == nil { reader.gaps.brokenFile(text: nil) }
            reader.gaps.brokenIDs.formUnion(loaded.gaps.brokenIDs)
        }
        let pack = assemble(sections, bases: bases, files: files, root: path, reader: reader)
        let diagnostics = reader.diagnostics
        var result = PackLoadResult(
            pack: diagnostics.hasErrors ? nil : pack, diagnostics: diagnostics.diagnostics, sources: sources)
        result.partial = pack
        result.gaps = reader.gaps
        return result
    }

    /// The YAML files of a pack folder, sorted by name so reading order is stable; or the file itself.
    static func packFiles(at path: String, reader: PackReader) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            reader.report(.packNotFound(path))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // Pipes, sockets and devices named *.yaml are passed over: reading one could block for ever.
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }.filter(isRegularFile)
        if files.isEmpty {
            reader.report(.emptyPackFolder(path))
        }
        return files
    }

    /// `path` with `.` and `dir/..` removed, so positions in a base pack read `rules/spbe-2020/…`.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    private static func isFolderPath(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `path` is (or links to) a regular file.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Loads a base pack named by `extends:`, relative to the extending pack's folder.
    private static func loadBase(
        _ base: (path: String, location: SourceLocation), from path: String, limits: YAMLLimits, chain: [String],
        count: LoadCount,
        reader: PackReader
    ) -> PackLoadResult {
        var isDirectory: ObjCBool = false
        let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        let folder = isFolder ? path : (path as NSString).deletingLastPathComponent
        var resolved = normalized(
            base.path.hasPrefix("/") ? base.path : (folder as NSString).appendingPathComponent(base.path))
        // A bare name is a pack beside this one or, failing that, a bundled pack: `extends: [spbe-2020]`.
        if !base.path.contains("/"), !FileManager.default.fileExists(atPath: resolved),
            let bundled = BundledPacks.path(of: base.path)
        {
            resolved = bundled
        }
        guard FileManager.default.fileExists(atPath: resolved) else {
            reader.report(.baseNotFound(base.path, resolved: resolved, bundled: BundledPacks.names, at: base.location))
            return PackLoadResult(pack: nil, diagnostics: [], sources: [:])
        }
        if chain.contains(CanonicalPath.of(resolved)) {
            reader.report(.extendsCycle(through: base.path, at: base.location))
            return PackLoadResult(pack: nil, diagnostics: [], sources: [:])
        }
        if chain.count >= maxExtendsDepth {
            reader.report(.extendsTooDeep(maxExtendsDepth, at: base.location))
            return PackLoadResult(pack: nil, diagnostics: [], sources: [:])
        }
        if count.packs >= maxPacksLoaded {
            reader.report(.tooManyBases(maxPacksLoaded, at: base.location))
            return PackLoadResult(pack: nil, diagnostics: [], sources: [:])
        }
        if FileManager.default.fileExists(atPath: resolved), !isFolderPath(resolved), !isRegularFile(resolved) {
            reader.report(.baseNotAPack(base.path, at: base.location))
            return PackLoadResult(pack: nil, diagnostics: [], sources: [:])
        }
        let loaded = load(path: resolved, limits: limits, chain: chain, count: count)
        for diagnostic in loaded.diagnostics { reader.report(diagnostic) }
        if loaded.pack == nil, !loaded.diagnostics.contains(where: { $0.severity == .error }) {
            reader.report(.baseNotLoaded(base.path, at: base.location))
        } else if loaded.pack == nil {
            reader.report(.baseHasErrors(base.path, at: base.location))
        }
        return loaded
    }

    private static func collect(_ root: YAMLNode, into sections: inout PackSections, reader: PackReader) {
        guard let entries = reader.fields(root, of: "a pack file", allowed: sectionKeys) else { return }
        if let node = entries["spbe_pack"], let version = reader.int(node, "spbe_pack") {
            if !supportedFormats.contains(version) {
                reader.report(.unsupportedPackFormat(version, at: node.location))
            }
            sections.format = (version, node.location)
        }
        func single(_ key: String, _ slot: inout YAMLNode?) {
            guard let node = entries[key] else { return }
            if let first = slot {
                reader.report(.duplicateSection(key, first: first.location, at: node.location))
                return
            }
            slot = node
        }
        single("pack", &sections.metadata)
        single("framework", &sections.framework)
        single("schema", &sections.schema)
        single("override", &sections.override)
        sections.indicators += reader.list(entries["indicators"], "indicators")
        sections.rules += reader.list(entries["rules"], "rules")
        for node in reader.list(entries["extends"], "extends") {
            if let path = reader.string(node, "each entry of extends") {
                sections.extends.append((path, node.location))
            }
        }
        for node in reader.list(entries["disable"], "disable") {
            if let id = reader.string(node, "each entry of disable") { sections.disabled.append((id, node.location)) }
        }
    }

    private static func assemble(
        _ sections: PackSections, bases: [RulePack], files: [String], root: String, reader: PackReader
    ) -> RulePack? {
        guard !files.isEmpty else { return nil }
        let here = SourceLocation(file: files[0], line: 1, column: 1)
        let extending = !sections.extends.isEmpty
        if sections.format == nil {
            reader.report(.missingPackFormat(at: here))
        }
        let metadata = sections.metadata.flatMap(reader.metadata)
        if sections.metadata == nil {
            reader.report(.missingSection("'pack:' metadata", at: here))
        }
        var framework = sections.framework.flatMap { reader.framework($0, extending: extending) }
        if sections.framework != nil && framework == nil { reader.gaps.framework = true }
        if sections.framework == nil && !extending {
            if sections.indicators.isEmpty && sections.rules.isEmpty {
                // A schema-only pack: an inventory format for framework packs to extend.
                framework = Framework.none
            } else {
                reader.report(.missingSection("'framework:'", at: here))
            }
        }
        let schema = sections.schema.flatMap { reader.schema($0, extending: extending) }
        if sections.schema != nil && schema == nil { reader.gaps.schema = true }
        if sections.schema == nil && !extending {
            reader.report(.missingSection("'schema:'", at: here))
        }
        let indicators = sections.indicators.compactMap(reader.indicator)
        let rules = sections.rules.compactMap(reader.rule)
        if !extending {
            if let node = sections.override {
                reader.report(.overrideWithoutBase("override", at: node.location))
            }
            if let first = sections.disabled.first {
                reader.report(.overrideWithoutBase("disable", at: first.location))
            }
        }
        // What did not load is stood in for, so that the rest is still checked; the errors are already reported.
        let placeholder = PackMetadata(
            id: "", title: LocalizedText(indonesian: ""), version: "", framework: "", legalBasis: [], language: "id",
            description: nil, provisional: false, location: nil
        )
        if framework == nil && reader.gaps.framework && !extending { framework = Framework.none }
        let standInSchema =
            schema == nil && reader.gaps.schema && !extending
            ? InventorySchema(header: RecordSchema(name: "opd", fields: []), collections: []) : nil
        let own = PackComposer.Own(
            metadata: metadata ?? placeholder, framework: framework, schema: schema ?? standInSchema,
            indicators: indicators, rules: rules,
            override: sections.override, disabled: sections.disabled, files: files, root: root
        )
        guard
            let pack = PackComposer(reader: reader).compose(own, bases: bases, basePaths: sections.extends.map(\.path))
        else {
            return nil
        }
        PackValidator(pack: pack, reader: reader).validate()
        return pack
    }
}

/// The sections of a pack's files, collected before they are read.
struct PackSections {
    var format: (Int, SourceLocation)?
    var metadata: YAMLNode?
    var framework: YAMLNode?
    var schema: YAMLNode?
    var override: YAMLNode?
    var indicators: [YAMLNode] = []
    var rules: [YAMLNode] = []
    var extends: [(path: String, location: SourceLocation)] = []
    var disabled: [(id: String, location: SourceLocation)] = []
}

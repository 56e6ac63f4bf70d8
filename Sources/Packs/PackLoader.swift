import DataModel
import Diagnostics
import Foundation
import YAMLSource

/// The result of loading a pack: the pack when it has no errors, and every diagnostic found on the way.
public struct PackLoadResult: Sendable {
    /// The pack, or nil when any error was found.
    public let pack: RulePack?
    /// Errors and warnings, in reading order.
    public let diagnostics: [Diagnostic]
    /// The text of each file read, for source excerpts in diagnostics.
    public let sources: [String: String]
}

/// Loads a rule pack from a folder (every `*.yaml`/`*.yml` directly in it) or from one YAML file.
public enum PackLoader {
    /// Top-level keys a pack file may have.
    static let sectionKeys = ["spbe_pack", "pack", "framework", "schema", "indicators", "rules"]
    /// The pack format versions this build reads.
    static let supportedFormats = [1]

    /// Loads and validates the pack at `path`; reports all problems, not just the first.
    public static func load(path: String, limits: YAMLLimits = .default) -> PackLoadResult {
        let reader = PackReader()
        var sources: [String: String] = [:]
        let files = packFiles(at: path, reader: reader)
        var sections = Sections()
        for file in files {
            switch YAMLReader.read(path: file, limits: limits) {
            case .failure(let diagnostic):
                reader.report(diagnostic)
            case .success(let document):
                sources[file] = document.text
                guard let root = document.root else {
                    reader.warning("pack.empty_file", "pack file is empty", at: SourceLocation(file: file, line: 1, column: 1))
                    continue
                }
                collect(root, into: &sections, reader: reader)
            }
        }
        let pack = assemble(sections, files: files, root: path, reader: reader)
        let diagnostics = reader.diagnostics
        return PackLoadResult(pack: diagnostics.hasErrors ? nil : pack, diagnostics: diagnostics.diagnostics, sources: sources)
    }

    /// The YAML files of a pack folder, sorted by name so reading order is stable; or the file itself.
    static func packFiles(at path: String, reader: PackReader) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            reader.error("pack.not_found", "no rule pack at '\(path)'", at: nil, suggestion: "pass a pack folder or file with --pack")
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
        if files.isEmpty {
            reader.error("pack.empty", "the folder '\(path)' holds no .yaml pack files", at: nil)
        }
        return files
    }

    private struct Sections {
        var format: (Int, SourceLocation)?
        var metadata: YAMLNode?
        var framework: YAMLNode?
        var schema: YAMLNode?
        var indicators: [YAMLNode] = []
        var rules: [YAMLNode] = []
    }

    private static func collect(_ root: YAMLNode, into sections: inout Sections, reader: PackReader) {
        guard let entries = reader.fields(root, of: "a pack file", allowed: sectionKeys) else { return }
        if let node = entries["spbe_pack"], let version = reader.int(node, "spbe_pack") {
            if !supportedFormats.contains(version) {
                reader.error("pack.unsupported_format", "pack format \(version) is not supported by this version of spbe (reads: 1)", at: node.location)
            }
            sections.format = (version, node.location)
        }
        func single(_ key: String, _ slot: inout YAMLNode?) {
            guard let node = entries[key] else { return }
            if let first = slot {
                reader.error(
                    "pack.duplicate_section", "'\(key)' is declared twice (first at \(first.location))", at: node.location
                )
                return
            }
            slot = node
        }
        single("pack", &sections.metadata)
        single("framework", &sections.framework)
        single("schema", &sections.schema)
        sections.indicators += reader.list(entries["indicators"], "indicators")
        sections.rules += reader.list(entries["rules"], "rules")
    }

    private static func assemble(_ sections: Sections, files: [String], root: String, reader: PackReader) -> RulePack? {
        guard !files.isEmpty else { return nil }
        let here = SourceLocation(file: files[0], line: 1, column: 1)
        if sections.format == nil {
            reader.error("pack.missing_format", "no pack file declares 'spbe_pack: 1'", at: here, suggestion: "add 'spbe_pack: 1' to pack.yaml")
        }
        let metadata = sections.metadata.flatMap(reader.metadata)
        if sections.metadata == nil { reader.error("pack.missing_section", "the pack has no 'pack:' metadata section", at: here) }
        let framework = sections.framework.flatMap(reader.framework)
        if sections.framework == nil { reader.error("pack.missing_section", "the pack has no 'framework:' section", at: here) }
        let schema = sections.schema.flatMap(reader.schema)
        if sections.schema == nil { reader.error("pack.missing_section", "the pack has no 'schema:' section", at: here) }
        let indicators = sections.indicators.compactMap(reader.indicator)
        let rules = sections.rules.compactMap(reader.rule)
        guard let metadata, let framework, let schema else { return nil }
        let pack = RulePack(
            metadata: metadata, framework: framework, schema: schema, indicators: indicators, rules: rules,
            files: files, root: root
        )
        PackValidator(pack: pack, reader: reader).validate()
        return pack
    }
}

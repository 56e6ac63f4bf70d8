import Diagnostics
import YAMLSource

/// Reads a framework mapping file, checked like a pack: unknown keys, a missing note where the entry is uncertain,
/// an unknown confidence, an indicator listed twice and indicator ids neither pack has are errors with their
/// position; an indicator of the older pack the file does not list is a warning.
///
/// ```yaml
/// spbe_mapping: 1
/// mapping: {from: spbe-2020, to: pemdi-2026, provisional: true, basis: Nama indikator kedua paket}
/// entries:
///   - {from: I20, to: [I04], confidence: exact, note: Pokok yang sama dengan nama baru}
///   - {from: I26, to: [], confidence: none, note: Tidak ada indikator Pemdi bernama manajemen pengetahuan}
/// ```
public enum FrameworkMappingLoader {
    static let entryKeys = ["from", "to", "confidence", "note"]

    /// The mapping of the file at `path`, checked against the indicator ids of both packs (`fromIDs`, `toIDs`, in
    /// pack order); nil with diagnostics on any error.
    public static func load(
        path: String, fromIDs: [String], toIDs: [String], limits: YAMLLimits = .default
    ) -> (mapping: FrameworkMapping?, diagnostics: [Diagnostic], text: String?) {
        switch YAMLReader.read(path: path, limits: limits) {
        case .failure(let diagnostic):
            return (nil, [diagnostic], nil)
        case .success(let document):
            let reader = PackReader()
            let mapping = read(document.root, path: path, fromIDs: fromIDs, toIDs: toIDs, reader: reader)
            let diagnostics = reader.diagnostics
            return (diagnostics.hasErrors ? nil : mapping, diagnostics.diagnostics, document.text)
        }
    }

    private static func read(
        _ root: YAMLNode?, path: String, fromIDs: [String], toIDs: [String], reader: PackReader
    ) -> FrameworkMapping? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let root,
            let fields = reader.fields(
                root, of: "a mapping file", allowed: ["spbe_mapping", "mapping", "entries"],
                required: ["spbe_mapping", "mapping", "entries"])
        else {
            if root == nil { reader.report(.mappingFileEmpty(at: start)) }
            return nil
        }
        if let format = fields["spbe_mapping"], reader.int(format, "spbe_mapping") != 1 {
            reader.report(.unsupportedMappingFormat(at: format.location))
        }
        guard let header = fields["mapping"],
            let about = reader.fields(
                header, of: "the mapping", allowed: ["from", "to", "provisional", "basis"],
                required: ["from", "to", "provisional", "basis"]),
            let fromPack = reader.string(about["from"], "from"), let toPack = reader.string(about["to"], "to"),
            let provisional = reader.bool(about["provisional"], "provisional"),
            reader.string(about["basis"], "basis") != nil
        else { return nil }
        var seen: [String: SourceLocation] = [:]
        let entries = reader.list(fields["entries"], "entries").compactMap { node in
            entry(node, fromIDs: fromIDs, toIDs: toIDs, seen: &seen, reader: reader)
        }
        for id in fromIDs where seen[id] == nil {
            reader.report(.mappingUnlisted(id, pack: fromPack, at: fields["entries"]?.location ?? start))
        }
        return FrameworkMapping(fromPack: fromPack, toPack: toPack, provisional: provisional, entries: entries)
    }

    private static func entry(
        _ node: YAMLNode, fromIDs: [String], toIDs: [String], seen: inout [String: SourceLocation], reader: PackReader
    ) -> FrameworkMapping.Entry? {
        guard
            let fields = reader.fields(
                node, of: "a mapping entry", allowed: entryKeys, required: ["from", "to", "confidence"]),
            let from = reader.string(fields["from"], "from"), let confidenceNode = fields["confidence"]
        else { return nil }
        let errors = reader.errorCount
        if !fromIDs.contains(from) {
            reader.report(.mappingUnknownIndicator(from, among: fromIDs, at: fields["from"]?.location))
        }
        let targets = reader.list(fields["to"], "to")
        for target in targets {
            guard let id = reader.string(target, "each entry of to") else { continue }
            if !toIDs.contains(id) { reader.report(.mappingUnknownIndicator(id, among: toIDs, at: target.location)) }
        }
        let confidence = confidenceNode.scalar.flatMap(FrameworkMapping.Confidence.init(rawValue:))
        if confidence == nil { reader.report(.mappingConfidence(at: confidenceNode.location)) }
        let note = fields["note"].flatMap { reader.string($0, "note") } ?? ""
        if let confidence {
            if confidence != .exact, note.isEmpty { reader.report(.mappingNoteMissing(at: node.location)) }
            if (confidence == .none) != targets.isEmpty {
                reader.report(.mappingTargets(confidence.rawValue, at: fields["to"]?.location ?? node.location))
            }
        }
        if let first = seen[from] {
            reader.report(.mappingDuplicate(from, firstLine: first.line, at: node.location))
        } else {
            seen[from] = node.location
        }
        guard reader.errorCount == errors, let confidence else { return nil }
        return FrameworkMapping.Entry(
            from: from, to: targets.compactMap(\.scalar), confidence: confidence, note: note, location: node.location)
    }
}

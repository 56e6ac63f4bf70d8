import Diagnostics
import Expressions
import Foundation
import YAMLSource

/// Hover, go to definition and document symbols.
struct NavigationProvider {
    let vocabulary: PackVocabulary
    let lines: LineIndex
    /// The document's path, for `extends:` entries relative to it.
    let path: String

    /// Markdown about the word at `position`: a function's signature, a rule, an indicator or a field.
    func hover(at position: LSPPosition) -> (markdown: String, range: LSPRange)? {
        guard let (word, range) = lines.word(at: position) else { return nil }
        if let builtin = Builtin(rawValue: word) { return ("`\(builtin.signature)`", range) }
        if let rule = vocabulary.rule(word) { return (vocabulary.describe(rule), range) }
        if let indicator = vocabulary.indicator(word) { return (vocabulary.describe(indicator), range) }
        if let record = vocabulary.records.first(where: { $0.name == word }) {
            let fields = record.fields.map(\.name).joined(separator: ", ")
            return ("**\(record.name)**\n\n\(record.description?.text(in: "en") ?? "")\n\nfields: \(fields)", range)
        }
        if let (record, field) = vocabulary.field(word) { return (vocabulary.describe(record, field), range) }
        return nil
    }

    /// Where the rule, indicator or base pack named at `position` is defined.
    func definition(at position: LSPPosition) -> SourceLocation? {
        guard let (word, _) = lines.word(at: position) else { return nil }
        if let rule = vocabulary.rule(word), let snapshot = vocabulary.snapshot {
            return snapshot.original(rule.location)
        }
        if let indicator = vocabulary.indicator(word), let snapshot = vocabulary.snapshot {
            return snapshot.original(indicator.location)
        }
        let line = lines.line(position.line).trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("extends:") || line.hasPrefix("- ") else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let candidates = [
            vocabulary.bundled[word], PathNames.normalized((folder as NSString).appendingPathComponent(word)),
        ].compactMap { $0 }
        for candidate in candidates {
            let file =
                DocumentKind.isPackFolder(candidate)
                ? (candidate as NSString).appendingPathComponent("pack.yaml") : candidate
            if FileManager.default.fileExists(atPath: file), file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                return SourceLocation(file: file, line: 1, column: 1)
            }
        }
        return nil
    }

    /// The document's outline: sections, and in them rules, indicators and schema collections with their fields.
    func symbols(text: String) -> [[String: Any]] {
        guard case .success(let document) = YAMLReader.parse(bytes: Array(text.utf8), path: path),
            let entries = document.root?.mappingEntries
        else { return [] }
        let ends = entries.dropFirst().map(\.key.location) + [nil]
        return zip(entries, ends).map { entry, end in
            symbol(
                name: entry.key.scalar ?? "?", kind: 2, start: entry.key.location, end: end,
                children: children(of: entry))
        }
    }

    private func children(of entry: YAMLEntry) -> [[String: Any]] {
        switch entry.key.scalar {
        case "rules", "indicators":
            let items = entry.value.sequenceItems ?? []
            let ends = items.dropFirst().map(\.location) + [nil]
            return zip(items, ends).compactMap { item, end in
                guard let id = item.mappingEntries?.first(where: { $0.key.scalar == "id" })?.value.scalar else {
                    return nil
                }
                return symbol(
                    name: id, kind: entry.key.scalar == "rules" ? 12 : 5, start: item.location, end: end, children: [])
            }
        case "schema":
            return (entry.value.mappingEntries ?? []).flatMap { record in
                // `collections:` holds records of its own; the header record (`opd:`) sits beside it.
                record.key.scalar == "collections"
                    ? (record.value.mappingEntries ?? []).map(recordSymbol) : [recordSymbol(record)]
            }
        default:
            return []
        }
    }

    /// A schema record and its fields.
    private func recordSymbol(_ record: YAMLEntry) -> [String: Any] {
        let fields = (record.value.mappingEntries?.first { $0.key.scalar == "fields" }?.value.mappingEntries ?? []).map
        {
            symbol(name: $0.key.scalar ?? "?", kind: 8, start: $0.key.location, end: nil, children: [])
        }
        return symbol(name: record.key.scalar ?? "?", kind: 23, start: record.key.location, end: nil, children: fields)
    }

    /// An LSP DocumentSymbol from `start` to just before `end` (or the end of its line).
    private func symbol(name: String, kind: Int, start: SourceLocation, end: SourceLocation?, children: [[String: Any]])
        -> [String: Any]
    {
        let selection = lines.range(of: start)
        var last = selection.end
        if let end {
            let endLine = max(start.line, end.line - 1)
            last = LSPPosition(line: endLine - 1, character: lines.line(endLine - 1).utf16.count)
            if last < selection.end { last = selection.end }
        }
        var object: [String: Any] = [
            "name": name, "kind": kind, "range": LSPRange(start: selection.start, end: last).json,
            "selectionRange": selection.json,
        ]
        if !children.isEmpty { object["children"] = children }
        return object
    }
}

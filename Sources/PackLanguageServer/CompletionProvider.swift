import DataModel
import Expressions
import Foundation
import Packs

/// One completion proposal.
struct CompletionItem: Equatable {
    /// LSP completion kinds used here.
    enum Kind: Int {
        case function = 3
        case field = 5
        case enumMember = 20
        case keyword = 14
        case reference = 18
        case module = 9
        case value = 12
    }

    /// The text inserted.
    let label: String
    /// What it is.
    let kind: Kind
    /// A one-line explanation.
    let detail: String?

    var json: [String: Any] {
        var object: [String: Any] = ["label": label, "kind": kind.rawValue]
        if let detail { object["detail"] = detail }
        return object
    }
}

/// Completion in pack files, fixtures, waivers and inventories, decided by the key of the line being typed.
struct CompletionProvider {
    let vocabulary: PackVocabulary
    let lines: LineIndex
    let kind: DocumentKind

    /// The proposals at `position`.
    func complete(at position: LSPPosition) -> [CompletionItem] {
        let before = lines.prefix(before: position)
        if before.range(of: #"passes\(\s*[A-Za-z0-9_.-]*$"#, options: .regularExpression) != nil { return ruleIDs() }
        let trimmed = before.drop { $0 == " " }
        let item = trimmed.hasPrefix("- ") ? trimmed.dropFirst(2) : trimmed
        guard let colon = item.firstIndex(of: ":") else {
            if trimmed.hasPrefix("- "), let parent = parentKey(of: position.line) { return values(for: parent) }
            return keys(indented: before.count - trimmed.count, line: position.line)
        }
        let key = item[..<colon].trimmingCharacters(in: .whitespaces).trimmingCharacters(
            in: CharacterSet(charactersIn: "\"'"))
        return values(for: key)
    }

    private func values(for key: String) -> [CompletionItem] {
        switch key {
        case "indicator": return indicatorIDs()
        case "each":
            return vocabulary.records.dropFirst().map {
                CompletionItem(label: $0.name, kind: .module, detail: "collection")
            }
        case "severity":
            return RuleSeverity.allCases.map {
                CompletionItem(label: $0.rawValue, kind: .enumMember, detail: "severity")
            }
        case "extends":
            return vocabulary.bundled.keys.sorted().map {
                CompletionItem(label: $0, kind: .module, detail: "bundled pack")
            }
        case "disable", "rule", "rules": return ruleIDs() + indicatorIDs()
        case "aspect":
            return (vocabulary.snapshot?.pack.framework.aspects ?? []).map {
                CompletionItem(label: $0.id, kind: .reference, detail: $0.name)
            }
        default:
            if case .inventory = kind, let field = vocabulary.field(key),
                case .enumeration(let values) = field.field.type
            {
                return values.map {
                    CompletionItem(label: $0, kind: .enumMember, detail: "\(field.record.name).\(field.field.name)")
                }
            }
            return expressionItems()
        }
    }

    /// Fields, functions, enum values (quoted) and rule ids: what an expression may name.
    private func expressionItems() -> [CompletionItem] {
        var items: [CompletionItem] = []
        var seen: Set<String> = []
        for record in vocabulary.records {
            for field in record.fields where seen.insert(field.name).inserted {
                items.append(
                    CompletionItem(
                        label: field.name, kind: .field, detail: "\(record.name).\(field.name): \(field.type)"))
            }
        }
        for record in vocabulary.records {
            for field in record.fields {
                guard case .enumeration(let values) = field.type else { continue }
                for value in values where seen.insert("\"\(value)\"").inserted {
                    items.append(
                        CompletionItem(label: "\"\(value)\"", kind: .enumMember, detail: "\(record.name).\(field.name)")
                    )
                }
            }
        }
        items += Builtin.allCases.map { CompletionItem(label: $0.rawValue, kind: .function, detail: $0.signature) }
        items += ["all", "any", "none", "count"].map { CompletionItem(label: $0, kind: .keyword, detail: "quantifier") }
        return items + ruleIDs()
    }

    private func keys(indented indent: Int, line: Int) -> [CompletionItem] {
        let keys: [String]
        switch kind {
        case .pack:
            if indent == 0 {
                keys = PackVocabulary.sectionKeys
            } else {
                switch parentKey(of: line) {
                case "rules": keys = PackVocabulary.ruleKeys
                case "indicators": keys = PackVocabulary.indicatorKeys
                case "levels": keys = PackVocabulary.levelKeys
                default:
                    keys =
                        PackVocabulary.ruleKeys
                        + PackVocabulary.indicatorKeys.filter { !PackVocabulary.ruleKeys.contains($0) }
                }
            }
        case .inventory:
            var seen: Set<String> = []
            return vocabulary.records.flatMap { record in
                record.fields.filter { seen.insert($0.name).inserted }
                    .map {
                        CompletionItem(
                            label: $0.name, kind: .field, detail: $0.label ?? "\(record.name).\($0.name): \($0.type)")
                    }
            }
                + vocabulary.records.dropFirst().map {
                    CompletionItem(label: $0.name, kind: .module, detail: "collection")
                }
        default:
            keys = []
        }
        return keys.map { CompletionItem(label: $0, kind: .keyword, detail: nil) }
    }

    /// The nearest key above `line` written at a smaller indentation than it (`rules` for a rule's keys).
    private func parentKey(of line: Int) -> String? {
        let indent = lines.line(line).prefix { $0 == " " || $0 == "-" }.count
        var index = line - 1
        while index >= 0 {
            let text = lines.line(index)
            let trimmed = text.drop { $0 == " " }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#"), text.count - trimmed.count < indent,
                !trimmed.hasPrefix("- ") || text.count - trimmed.count + 2 < indent
            {
                let item = trimmed.hasPrefix("- ") ? trimmed.dropFirst(2) : trimmed
                if let colon = item.firstIndex(of: ":"),
                    item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty
                {
                    return String(item[..<colon])
                }
            }
            index -= 1
        }
        return nil
    }

    private func ruleIDs() -> [CompletionItem] {
        (vocabulary.snapshot?.pack.rules ?? []).map {
            CompletionItem(label: $0.id, kind: .reference, detail: $0.title.text(in: "en"))
        }
    }

    private func indicatorIDs() -> [CompletionItem] {
        (vocabulary.snapshot?.pack.indicators ?? []).map {
            CompletionItem(label: $0.id, kind: .reference, detail: $0.name)
        }
    }
}

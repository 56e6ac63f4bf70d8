/// Reorders the keys of the block-style items of one sequence (`rules:` or `indicators:`), moving each key with
/// the lines below it.
struct KeyOrder {
    /// The canonical order; keys not in it keep their place after the known ones.
    let order: [String]

    /// The section's lines with each item's keys in order; items it is unsure of are left as written.
    func reorder(_ lines: [String]) -> [String] {
        guard
            let dash = lines.first(where: { $0.drop { $0 == " " }.hasPrefix("- ") }).map({
                $0.prefix { $0 == " " }.count
            })
        else {
            return lines
        }
        var output: [String] = []
        var item: [String] = []
        for line in lines {
            if indent(line) == dash && line.dropFirst(dash).hasPrefix("- ") {
                output += reorderItem(item, dash: dash)
                item = []
            }
            if item.isEmpty && !(indent(line) == dash && line.dropFirst(dash).hasPrefix("- ")) {
                output.append(line)
            } else {
                item.append(line)
            }
        }
        return output + reorderItem(item, dash: dash)
    }

    /// One item: `- key: …` then keys at `dash + 2`, each with its deeper lines; trailing blank and comment lines
    /// stay at the end.
    private func reorderItem(_ item: [String], dash: Int) -> [String] {
        guard !item.isEmpty else { return [] }
        var trailer: [String] = []
        var body = item
        while let last = body.last, body.count > 1, isBlankOrComment(last) {
            trailer.insert(last, at: 0)
            body.removeLast()
        }
        let keyIndent = dash + 2
        var blocks: [[String]] = []
        for (offset, line) in body.enumerated() {
            let text = offset == 0 ? String(repeating: " ", count: keyIndent) + line.dropFirst(keyIndent) : line
            if indent(text) == keyIndent, !isBlankOrComment(text) {
                guard key(of: text) != nil else { return item }
                blocks.append([text])
            } else if indent(text) > keyIndent || text.trimmingCharacters(in: .whitespaces).isEmpty {
                guard !blocks.isEmpty, !isComment(text) || indent(text) > keyIndent else { return item }
                blocks[blocks.count - 1].append(text)
            } else {
                // A comment at the keys' indentation, or a line less indented: not a shape this formatter moves.
                return item
            }
        }
        let keys = blocks.map { key(of: $0[0]) ?? "" }
        guard Set(keys).count == keys.count else { return item }
        let rank = { (key: String) in order.firstIndex(of: key) ?? order.count }
        let sorted = blocks.enumerated().sorted {
            (rank(keys[$0.offset]), $0.offset) < (rank(keys[$1.offset]), $1.offset)
        }.map(\.element)
        var lines = sorted.flatMap { $0 }
        lines[0] = String(repeating: " ", count: dash) + "- " + lines[0].dropFirst(keyIndent)
        return lines + trailer
    }

    /// The key of a `key: value` or `key:` line, nil for anything else (a flow mapping, a quoted key).
    private func key(of line: String) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let key = trimmed[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let after = trimmed[trimmed.index(after: colon)...]
        guard after.isEmpty || after.first == " " else { return nil }
        return String(key)
    }

    private func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    private func isComment(_ line: String) -> Bool { line.drop { $0 == " " }.hasPrefix("#") }

    private func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}

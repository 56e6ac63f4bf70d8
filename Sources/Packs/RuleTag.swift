import Diagnostics
import YAMLSource

/// What a rule tag may be: one lowercase word, or words joined by `-` or `_` (`dokumen`, `data-terbuka`).
public enum RuleTag {
    /// The tag syntax as a regular expression, for the pack JSON Schema.
    public static let pattern = "^[a-z][a-z0-9]*([-_][a-z0-9]+)*$"

    /// Whether `tag` is a valid tag.
    public static func isValid(_ tag: String) -> Bool {
        guard let first = tag.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var previousWasJoiner = false
        for scalar in tag.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasJoiner = false
            case "-", "_":
                if previousWasJoiner { return false }
                previousWasJoiner = true
            default: return false
            }
        }
        return !previousWasJoiner
    }

    /// A valid spelling of an invalid tag, when lowercasing and joining its words gives one.
    static func repaired(_ tag: String) -> String? {
        let words = tag.lowercased().split { !($0.isLetter || $0.isNumber) }
        let candidate = words.joined(separator: "-")
        return isValid(candidate) ? candidate : nil
    }
}

extension PackReader {
    /// A rule's `tags:`: a list of valid tags, each once.
    func tags(_ node: YAMLNode?) -> [String] {
        var tags: [String] = []
        for item in list(node, "tags") {
            guard let tag = string(item, "tag") else { continue }
            if !RuleTag.isValid(tag) {
                report(.packInvalidTag(tag, at: item.location))
            } else if tags.contains(tag) {
                report(.packDuplicateTag(tag, at: item.location))
            } else {
                tags.append(tag)
            }
        }
        return tags
    }
}

import Foundation

/// `xl/styles.xml`, only as far as dates go: which cell formats (`s` of a cell, an index into `cellXfs`) show
/// a number as a date.
final class XLSXStyles: XMLPartParser {
    /// The indexes of cell formats whose number format is a date.
    var dateStyles: Set<Int> {
        Set(
            formatIDs.indices.filter { index in
                let id = formatIDs[index]
                return XLSXStyles.builtInDates.contains(id) || (customFormats[id].map(XLSXStyles.isDateFormat) ?? false)
            })
    }

    /// Built-in number formats that are dates (ECMA-376 §18.8.30, and the East Asian ones Excel maps to dates).
    static let builtInDates: Set<Int> = Set(14...17).union([22, 27, 30, 36, 45, 46, 47, 50, 57])

    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    override func start(_ name: String, attributes: XMLAttributes) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellFormats = false }
    }

    /// Whether a format code shows a date: it has a day, month or year part (`d`, `m`, `y`) outside quoted
    /// text, escapes and `[…]` sections, and is not a pure time (`h:mm`, where `m` is minutes).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        var letters: Set<Character> = []
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default: if !inQuotes && !inBrackets { letters.insert(character) }
            }
        }
        if letters.contains("d") || letters.contains("y") { return true }
        return letters.contains("m") && !letters.contains("h") && !letters.contains("s")
    }
}

/// A piece of HTML. Text interpolated into it is escaped; only another `HTML` value is inserted as markup, so a
/// page cannot carry a user's text (OPD names, file names, record values) as markup by accident.
struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    private(set) var markup: String

    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// Markup taken as it is: only for HTML the engine's reporters rendered (they escape their own text).
    init(trusted markup: String) { self.markup = markup }

    var description: String { markup }

    /// Joins pieces of HTML.
    static func join(_ parts: [HTML], separator: String = "\n") -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator))
    }

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// A number.
        mutating func appendInterpolation(_ number: Int64) { markup += String(number) }

        /// A number.
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// Markup.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Pieces of markup, one after the other.
        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

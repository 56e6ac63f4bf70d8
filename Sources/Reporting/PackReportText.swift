import Engine

/// The parts of reports that depend only on the pack, the report's language and the layout, kept per compiled
/// pack: the same in every report of that pack, and most of a one-OPD report, which the portal writes for every
/// upload (`PackCache`).
enum PackReportText {
    /// A part kept.
    enum Part: Hashable, Sendable {
        /// The JSON report's `rules` and `indicators` members (108 of the 140 KB of
        /// `examples/xlsx/dpmptsp-sleman.xlsx`'s report), compact or pretty.
        case jsonTables(pretty: Bool)
        /// A SARIF run's `tool.driver.rules` (every rule with its help in text and Markdown), nested `indent`
        /// spaces deep in a pretty log; nil in a compact one.
        case sarifRules(indent: Int?)
    }

    private struct Key: Hashable, Sendable {
        let part: Part
        let language: String
    }

    private static let kept = PackCache<Key, [UInt8]>(capacity: 16)

    /// The bytes of `part` for `pack` in `language`, made by `encode` unless kept.
    static func bytes(_ part: Part, pack: CompiledPack, language: String, encode: () -> [UInt8]) -> [UInt8] {
        kept.value(for: pack, key: Key(part: part, language: language), make: encode)
    }
}

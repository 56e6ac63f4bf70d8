import Engine

/// The encoded `tool.driver.rules` of SARIF runs, kept per pack, language and layout: every rule of the pack with
/// its help in text and Markdown is most of a one-OPD log, and the same in every report of that pack (the portal
/// writes one per upload). Reports with cross-OPD results are not kept: their rules' texts name the pemda.
enum SARIFRulesText {
    private struct Key: Hashable, Sendable {
        let language: String
        /// How deep the array stands in a pretty log; nil in a compact one.
        let indent: Int?
    }

    private static let kept = PackCache<Key, [UInt8]>()

    /// The bytes of `report`'s rules array, nested `indent` spaces deep in a pretty log (nil: compact), made by
    /// `encode` unless kept.
    static func bytes(for report: Report, indent: Int?, encode: () -> [UInt8]) -> [UInt8] {
        guard report.regencies.isEmpty else { return encode() }
        return kept.value(for: report.pack, key: Key(language: report.language, indent: indent), make: encode)
    }
}

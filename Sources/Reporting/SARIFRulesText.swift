import Engine

/// The encoded `tool.driver.rules` of SARIF runs, kept per pack, language and depth: every rule of the pack with
/// its help in text and Markdown is most of a one-OPD log, and the same in every report of that pack (the portal
/// writes one per upload). Reports with cross-OPD results are not kept: their rules' texts name the pemda.
enum SARIFRulesText {
    private struct Key: Hashable, Sendable {
        let language: String
        let indent: Int
    }

    private static let kept = PackCache<Key, String>()

    /// The text of `report`'s rules array nested `indent` spaces deep, made by `encode` unless kept.
    static func text(for report: Report, indent: Int, encode: () -> String) -> String {
        guard report.regencies.isEmpty else { return encode() }
        return kept.value(for: report.pack, key: Key(language: report.language, indent: indent), make: encode)
    }
}

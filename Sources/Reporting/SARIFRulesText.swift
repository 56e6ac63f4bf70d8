import Engine
import Foundation

/// The encoded `tool.driver.rules` of SARIF runs, kept per pack and language: every rule of the pack with its
/// help in text and Markdown is most of a one-OPD log, and the same for every report of that pack (the portal
/// writes one per upload). Reports with cross-OPD results are not kept: their rules' texts name the pemda.
final class SARIFRulesText: @unchecked Sendable {
    /// One encoded rules array, for the pack whose rules are `rules` (compared by identity) in `language`, nested
    /// `indent` spaces deep.
    private struct Entry {
        let rules: [CompiledRule]
        let language: String
        let indent: Int
        let text: String

        func matches(_ report: Report, indent: Int) -> Bool {
            self.indent == indent && language == report.language && rules.count == report.pack.rules.count
                && zip(rules, report.pack.rules).allSatisfy { $0 === $1 }
        }
    }

    /// The packs kept, newest last: a portal serves a handful of packs at most.
    private static let capacity = 8

    private let lock = NSLock()
    private var entries: [Entry] = []

    /// The text of `report`'s rules array nested `indent` spaces deep, made by `encode` unless kept.
    func text(for report: Report, indent: Int, encode: () -> String) -> String {
        guard report.regencies.isEmpty else { return encode() }
        if let kept = lock.withLock({ entries.first { $0.matches(report, indent: indent) } }) { return kept.text }
        let text = encode()
        lock.withLock {
            guard !entries.contains(where: { $0.matches(report, indent: indent) }) else { return }
            if entries.count == Self.capacity { entries.removeFirst() }
            entries.append(Entry(rules: report.pack.rules, language: report.language, indent: indent, text: text))
        }
        return text
    }
}

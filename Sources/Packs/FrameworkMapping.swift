import Diagnostics

/// A mapping between the indicators of two frameworks' packs (SPBE 2020 to Pemdi 2026), kept as data beside the
/// packs (`rules/mappings/`), so that what a pemda learnt under one framework (official levels, follow-ups) can be
/// read under the next. Every entry says how sure it is.
public struct FrameworkMapping: Sendable {
    /// How sure an entry is.
    public enum Confidence: String, Sendable, CaseIterable, Comparable {
        /// The same subject under a new name, one to one (level criteria not necessarily compared).
        case exact
        /// The subject is covered in part, or several old indicators merge into one new one.
        case partial
        /// No indicator of the other framework clearly covers it.
        case none

        /// Orders exact before partial before none.
        public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One indicator of the older framework and where it went.
    public struct Entry: Sendable {
        /// The indicator id in the `from` pack.
        public let from: String
        /// The indicator ids in the `to` pack (empty for `none`).
        public let to: [String]
        /// How sure the entry is.
        public let confidence: Confidence
        /// What is uncertain, in the mapping's words (required unless exact).
        public let note: String
        /// Where the entry is written.
        public let location: SourceLocation
    }

    /// The pack id the entries map from (`spbe-2020`).
    public let fromPack: String
    /// The pack id they map to (`pemdi-2026`).
    public let toPack: String
    /// Whether the mapping is marked provisional.
    public let provisional: Bool
    /// The entries, in file order.
    public let entries: [Entry]

    /// The entry of an older indicator.
    public func entry(from id: String) -> Entry? { entries.first { $0.from == id } }

    /// The entries that lead to a newer indicator, in file order.
    public func entries(to id: String) -> [Entry] { entries.filter { $0.to.contains(id) } }

    /// How many entries there are of each confidence.
    public var coverage: [Confidence: Int] {
        Dictionary(grouping: entries, by: \.confidence).mapValues(\.count)
    }
}

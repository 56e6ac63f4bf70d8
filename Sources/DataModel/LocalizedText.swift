/// A text of a pack in one or more languages; Bahasa Indonesia (`id`) is the default and always present.
public struct LocalizedText: Hashable, Sendable {
    /// Texts by language code (`id`, `en`).
    public let translations: [String: String]

    /// Creates a text from translations; `id` should be among them.
    public init(_ translations: [String: String]) { self.translations = translations }

    /// Creates an Indonesian-only text.
    public init(indonesian: String) { self.translations = ["id": indonesian] }

    /// The text in `language`, falling back to Indonesian, then to any language.
    public func text(in language: String = "id") -> String {
        translations[language] ?? translations["id"] ?? translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }
}

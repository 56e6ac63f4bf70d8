import Engine

/// The JSON report's `rules` and `indicators` members, kept per pack, language and layout: they depend on nothing
/// else, and are most of a one-OPD report (108 of the 140 KB of `examples/xlsx/dpmptsp-sleman.xlsx`'s), which the
/// portal writes for every upload.
enum JSONPackTables {
    private struct Key: Hashable, Sendable {
        let language: String
        let pretty: Bool
    }

    private static let kept = PackCache<Key, [UInt8]>()

    /// The bytes of the two members for `pack`, made by `encode` unless kept.
    static func bytes(for pack: CompiledPack, language: String, pretty: Bool, encode: () -> [UInt8]) -> [UInt8] {
        kept.value(for: pack, key: Key(language: language, pretty: pretty), make: encode)
    }
}

/// Which pemda (regency, city or province) an inventory belongs to.
///
/// OPD ids repeat between pemdas (every Disdukcapil has the code pattern `2.12.0.00.0.00.01.0000`), so an OPD is
/// known by its pemda and its id together. A pemda is known by its Kemendagri region code when the header gives one
/// (`pemda_code: "34.02"`), else by its name as written (`pemda: Kabupaten Bantul`), compared without regard to
/// letter case and runs of spaces. An inventory that gives neither belongs to the unnamed pemda.
public struct PemdaIdentity: Hashable, Sendable {
    /// What identities are compared by: `kode:34.02`, `nama:kabupaten bantul`, or empty for the unnamed pemda.
    public let key: String
    /// The name to show: the `pemda` field as written, else the code; empty for the unnamed pemda.
    public let name: String
    /// The region code as written (trimmed), when given.
    public let code: String?

    /// The identity from a header's `pemda_code` and `pemda` fields (either may be nil or blank).
    public init(code: String?, name: String?) {
        let code = code.map(Self.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        let name = name.map(Self.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        self.code = code
        self.name = name ?? code ?? ""
        if let code {
            key = "kode:" + code
        } else if let name {
            key = "nama:" + name.lowercased()
        } else {
            key = ""
        }
    }

    /// Identities are equal when their keys are: the same code, or the same name up to letter case and spaces.
    public static func == (left: PemdaIdentity, right: PemdaIdentity) -> Bool { left.key == right.key }

    /// Hashes the key.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The identity of an inventory from its header record, read through `schema`'s header slots.
    public init(header: Record, schema: InventorySchema) {
        func text(_ field: String) -> String? {
            guard let slot = schema.header.slot(of: field) else { return nil }
            let value = header.values[slot]
            return value.isNull ? nil : value.description
        }
        self.init(code: text("pemda_code"), name: text("pemda"))
    }

    /// The pemda of inventories whose header names none.
    public static let unnamed = PemdaIdentity(code: nil, name: nil)

    /// Whether the header named a pemda.
    public var isNamed: Bool { !key.isEmpty }

    /// `name`, or nil for the unnamed pemda (for outputs that leave out what is unknown).
    public var givenName: String? { isNamed ? name : nil }

    /// Whether `text` (a waiver's `pemda:`) names this pemda: its code, or its name up to letter case and spaces.
    public func isNamed(by text: String) -> Bool {
        let given = Self.collapsed(text)
        if let code, given == code { return true }
        return !name.isEmpty && given.lowercased() == name.lowercased()
    }

    /// `text` trimmed, with each run of white space made one space.
    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

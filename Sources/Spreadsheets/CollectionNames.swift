import DataModel
import Diagnostics

/// Which collection a CSV file or a workbook sheet holds, by its name: the collection's schema name
/// (`applications`) or, for the bundled collections, an Indonesian name (`aplikasi`), ignoring case.
enum CollectionNames {
    /// The Indonesian names accepted for the bundled collections.
    static let indonesian: [String: String] = [
        "aplikasi": "applications", "dokumen": "documents", "layanan": "services", "infrastruktur": "infrastructure",
    ]

    /// The name of the header sheet of a workbook.
    static let headerSheet = "opd"

    /// The collection slot `name` stands for.
    static func slot(of name: String, in schema: InventorySchema) -> Int? {
        let key = name.trimmingWhitespace.lowercased()
        if let slot = schema.collections.firstIndex(where: { $0.name.lowercased() == key }) { return slot }
        return indonesian[key].flatMap(schema.collectionSlot(of:))
    }

    /// `did you mean …?` among the names accepted for `schema`, or the list of them.
    static func suggestion(for name: String, in schema: InventorySchema, extra: [String] = []) -> String {
        let names =
            extra + schema.collections.map(\.name)
            + indonesian.keys.sorted().filter { indonesian[$0].flatMap(schema.collectionSlot(of:)) != nil }
        return Suggestion.didYouMean(name, among: names) ?? "expected one of: \(names.joined(separator: ", "))"
    }
}

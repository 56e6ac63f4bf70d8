import DataModel
import Diagnostics

/// Which collection a sheet (or CSV file) holds when its name is not a collection's: a word of its name that
/// names one (`Daftar Aplikasi`, `Dokumen 2025`), else a header row whose columns are mostly one collection's
/// fields. A sheet that matches nothing yet holds records is an error, so no record is ever dropped unsaid.
enum SheetMatching {
    /// Why a sheet was taken for a collection.
    enum Reason: Sendable {
        /// A word of the sheet's name is the collection's name or its Indonesian name.
        case name(word: String)
        /// So many of the header row's columns are the collection's fields.
        case header(fields: Int, of: Int)
    }

    /// The collection a word of `name` names (its schema name or its Indonesian name), when exactly one does.
    static func byName(_ name: String, in schema: InventorySchema) -> (slot: Int, reason: Reason)? {
        let words = name.lowercased().split { !$0.isLetter && $0 != "_" }.map(String.init)
        var found: [Int: String] = [:]
        for word in words {
            if let slot = CollectionNames.slot(of: word, in: schema), found[slot] == nil { found[slot] = word }
        }
        guard found.count == 1, let (slot, word) = found.first else { return nil }
        return (slot, .name(word: word))
    }

    /// The collection whose fields name at least two, and at least half, of the header row's columns, when one
    /// collection names more of them than any other.
    static func byHeader(_ table: SheetTable, in schema: InventorySchema) -> (slot: Int, reason: Reason)? {
        let headers = headerCells(table)
        guard !headers.isEmpty else { return nil }
        let counts = schema.collections.map { collection in
            let matcher = FieldMatcher(collection)
            return headers.filter { matcher.slot(of: $0) != nil }.count
        }
        guard let best = counts.max(), best >= 2, best * 2 >= headers.count, counts.filter({ $0 == best }).count == 1,
            let slot = counts.firstIndex(of: best)
        else { return nil }
        return (slot, .header(fields: best, of: headers.count))
    }

    /// Whether the table holds records: a header row of two or more columns and a row below it.
    static func holdsRecords(_ table: SheetTable) -> Bool {
        let rows = table.rows.filter { !$0.isComment && !$0.isBlank }
        return rows.count >= 2 && headerCells(table).count >= 2
    }

    /// The non-empty texts of the header row (the first row neither blank nor a comment).
    private static func headerCells(_ table: SheetTable) -> [String] {
        guard let header = table.rows.first(where: { !$0.isComment && !$0.isBlank }) else { return [] }
        return header.cells.sorted { $0.key < $1.key }.compactMap { $0.value.trimmedText }.filter { !$0.isEmpty }
    }
}

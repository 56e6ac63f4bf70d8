import DataModel
import Diagnostics
import Foundation
import Inventories
import YAMLSource

/// Loads a CSV inventory: a folder holding `opd.yaml` (the header, as YAML: `spbe_inventory: 1` and `opd:`)
/// and one CSV file per collection, named after it (`applications.csv` or `aplikasi.csv`).
struct CSVFolderLoader {
    let schema: InventorySchema
    let encoding: TextEncodingChoice
    /// The delimiter of every CSV file; nil to tell it from each file's header row.
    let delimiter: CSVDelimiter?
    let limits: SheetLimits
    /// Bounds for `opd.yaml`.
    let yamlLimits: YAMLLimits

    func load(folder: String) -> InventoryLoadResult {
        var diagnostics = DiagnosticBag()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            diagnostics.error(
                "input.unreadable", "cannot list folder '\(folder)': permission denied or unreadable", at: nil)
            return InventoryLoadResult(inventory: nil, diagnostics: diagnostics.diagnostics)
        }
        guard let headerName = names.first(where: { InventoryDiscovery.csvHeaderNames.contains($0.lowercased()) })
        else {
            diagnostics.report(
                .missingHeader(
                    "the CSV inventory '\(folder)' has no opd.yaml",
                    at: SourceLocation(file: folder, line: 1, column: 1),
                    suggestion:
                        "add opd.yaml with 'spbe_inventory: 1' and 'opd:' (id, name, pemda …); 'spbe inventory template' writes one"
                ))
            return InventoryLoadResult(inventory: nil, diagnostics: diagnostics.diagnostics)
        }
        let headerPath = (folder as NSString).appendingPathComponent(headerName)
        let header = loadHeader(headerPath)
        diagnostics.report(contentsOf: header.result.diagnostics)
        var collections =
            header.result.inventory?.collections ?? [[Record]](repeating: [], count: schema.collections.count)
        var given = Set(collections.indices.filter { !collections[$0].isEmpty })
        var cellBudget = limits.maxCells
        for name in names where name.lowercased().hasSuffix(".csv") {
            let path = (folder as NSString).appendingPathComponent(name)
            let start = SourceLocation(file: path, line: 1, column: 1)
            guard let slot = collectionSlot(of: name, path: path, at: start, diagnostics: &diagnostics) else {
                continue
            }
            guard given.insert(slot).inserted else {
                diagnostics.report(.duplicateCollection(schema.collections[slot].name, at: start))
                continue
            }
            switch CSVTableReader.read(
                path: path, encoding: encoding, delimiter: delimiter, schema: schema.collections[slot], limits: limits,
                cellBudget: &cellBudget
            ) {
            case .failure(let failure):
                diagnostics.report(failure.diagnostic)
            case .success(let table):
                var reader = SheetRecordReader(schema: schema.collections[slot])
                collections[slot] = reader.records(table.restoringFormulaText())
                diagnostics.report(contentsOf: reader.diagnostics.diagnostics)
            }
        }
        guard !diagnostics.hasErrors, let headerRecord = header.result.inventory?.header else {
            return InventoryLoadResult(inventory: nil, diagnostics: diagnostics.diagnostics, sources: header.sources)
        }
        return InventoryLoadResult(
            inventory: InventoryData(source: folder, header: headerRecord, collections: collections),
            diagnostics: diagnostics.diagnostics, sources: header.sources
        )
    }

    /// The collection of the CSV file `name`: named after one, or matched by a word of its name or by its header
    /// row (with a note); nil for a file of no collection, an error when it holds records (two lines or more that
    /// are neither blank nor comments) and a warning when not.
    private func collectionSlot(
        of name: String, path: String, at location: SourceLocation, diagnostics: inout DiagnosticBag
    ) -> Int? {
        let stem = String(name.dropLast(4))
        if let slot = CollectionNames.slot(of: stem, in: schema) { return slot }
        if let (slot, reason) = SheetMatching.byName(stem, in: schema) ?? matchedByHeader(path) {
            diagnostics.report(
                .collectionMatched(
                    name, kind: "CSV file", collection: schema.collections[slot].name, reason: reason, at: location))
            return slot
        }
        let suggestion = CollectionNames.suggestion(for: stem, in: schema)
        var bytes: [UInt8] = []
        if case .success(let read) = BoundedFileReader.read(path: path, limit: limits.maxFileBytes) { bytes = read }
        let text = (try? TextDecoder.decode(bytes, path: path, encoding: encoding).get()) ?? ""
        let lines = text.split(whereSeparator: \.isNewline).filter { line in
            let trimmed = String(line).trimmingWhitespace
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("\"#")
        }.count
        if lines >= 2 {
            diagnostics.report(.unmatchedRecords(name, kind: "CSV file", suggestion: suggestion, at: location))
        } else {
            diagnostics.report(.unknownCollection(name, kind: "CSV file", suggestion: suggestion, at: location))
        }
        return nil
    }

    /// The collection whose fields the header row of the CSV file at `path` names (`SheetMatching.byHeader`), the
    /// delimiter told against every collection's fields; the probe's cells are not counted against the limit.
    private func matchedByHeader(_ path: String) -> (slot: Int, reason: SheetMatching.Reason)? {
        let everyField = RecordSchema(name: "any", fields: schema.collections.flatMap(\.fields))
        var probeBudget = limits.maxCells
        guard
            case .success(let table) = CSVTableReader.read(
                path: path, encoding: encoding, delimiter: delimiter, schema: everyField, limits: limits,
                cellBudget: &probeBudget
            )
        else { return nil }
        return SheetMatching.byHeader(table, in: schema)
    }

    /// `opd.yaml`, decoded like the CSV files (so an `opd.yaml` saved by Notepad in Windows-1252 reads too).
    private func loadHeader(_ path: String) -> (result: InventoryLoadResult, sources: SourceStore) {
        let failed = { (diagnostic: Diagnostic) in
            (InventoryLoadResult(inventory: nil, diagnostics: [diagnostic]), SourceStore())
        }
        let bytes: [UInt8]
        switch BoundedFileReader.read(path: path, limit: limits.maxFileBytes) {
        case .failure(let diagnostic): return failed(diagnostic)
        case .success(let read): bytes = read
        }
        switch TextDecoder.decode(bytes, path: path, encoding: encoding) {
        case .failure(let failure):
            return failed(failure.diagnostic)
        case .success(let text):
            switch YAMLReader.parse(bytes: Array(text.utf8), path: path, limits: yamlLimits) {
            case .failure(let diagnostic): return failed(diagnostic)
            case .success(let document):
                return (InventoryLoader(schema: schema, limits: yamlLimits).load(document), [path: text])
            }
        }
    }
}

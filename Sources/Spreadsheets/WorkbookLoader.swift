import DataModel
import Diagnostics
import Foundation
import Inventories

/// Loads an XLSX inventory: a sheet `opd` with the header as field/value rows, and one sheet per collection,
/// named after it (`applications` or `aplikasi`) with a header row of field names or labels.
struct WorkbookLoader {
    let schema: InventorySchema
    let limits: SheetLimits

    func load(path: String) -> InventoryLoadResult {
        load(path: path) { () throws(SheetFailure) in try XLSXWorkbook(path: path, limits: limits) }
    }

    /// Loads the workbook `data` (an upload held in memory), called `path` in diagnostics and reports.
    func load(data: Data, path: String) -> InventoryLoadResult {
        load(path: path) { () throws(SheetFailure) in try XLSXWorkbook(data: data, path: path, limits: limits) }
    }

    private func load(path: String, opening open: () throws(SheetFailure) -> XLSXWorkbook) -> InventoryLoadResult {
        var diagnostics = DiagnosticBag()
        let failed = { (diagnostics: DiagnosticBag) in
            InventoryLoadResult(inventory: nil, diagnostics: diagnostics.diagnostics)
        }
        var workbook: XLSXWorkbook
        do throws(SheetFailure) {
            workbook = try open()
        } catch {
            diagnostics.report(error.diagnostic)
            return failed(diagnostics)
        }
        let start = SourceLocation(file: path, line: 1, column: 1)
        var header: Record?
        var collections = [[Record]](repeating: [], count: schema.collections.count)
        var given: Set<Int> = []
        do throws(SheetFailure) {
            for name in workbook.sheetNames {
                if name.trimmingWhitespace.lowercased() == CollectionNames.headerSheet {
                    guard header == nil else {
                        diagnostics.report(.duplicateCollection(CollectionNames.headerSheet, at: start))
                        continue
                    }
                    var reader = HeaderSheetReader(schema: schema.header)
                    header = reader.header(try workbook.table(named: name))
                    diagnostics.report(contentsOf: reader.diagnostics.diagnostics)
                } else {
                    let table = try workbook.table(named: name)
                    let location = SourceLocation(file: path, line: 1, column: 1, sheet: name)
                    guard let slot = collectionSlot(of: name, table: table, at: location, diagnostics: &diagnostics)
                    else { continue }
                    guard given.insert(slot).inserted else {
                        diagnostics.report(.duplicateCollection(schema.collections[slot].name, at: location))
                        continue
                    }
                    var reader = SheetRecordReader(schema: schema.collections[slot])
                    collections[slot] = reader.records(table)
                    diagnostics.report(contentsOf: reader.diagnostics.diagnostics)
                }
            }
        } catch {
            diagnostics.report(error.diagnostic)
            return failed(diagnostics)
        }
        guard let header else {
            if !diagnostics.hasErrors {
                diagnostics.report(
                    .missingHeader(
                        "the workbook has no sheet 'opd' with the OPD's id, name, pemda …", at: start,
                        suggestion:
                            "add a sheet 'opd' with one row per field: the field in column A, its value in column B"
                    ))
            }
            return failed(diagnostics)
        }
        guard !diagnostics.hasErrors else { return failed(diagnostics) }
        return InventoryLoadResult(
            inventory: InventoryData(source: path, header: header, collections: collections),
            diagnostics: diagnostics.diagnostics
        )
    }

    /// The collection of sheet `name`: named after one, or matched by its name's words or its header row (with
    /// a note); nil for a sheet of no collection, an error when it holds records and a warning when not.
    private func collectionSlot(
        of name: String, table: SheetTable, at location: SourceLocation, diagnostics: inout DiagnosticBag
    ) -> Int? {
        if let slot = CollectionNames.slot(of: name, in: schema) { return slot }
        if let (slot, reason) = SheetMatching.byName(name, in: schema) ?? SheetMatching.byHeader(table, in: schema) {
            diagnostics.report(
                .collectionMatched(
                    name, kind: "sheet", collection: schema.collections[slot].name, reason: reason, at: location))
            return slot
        }
        let suggestion = CollectionNames.suggestion(for: name, in: schema, extra: [CollectionNames.headerSheet])
        if SheetMatching.holdsRecords(table) {
            diagnostics.report(.unmatchedRecords(name, kind: "sheet", suggestion: suggestion, at: location))
        } else {
            diagnostics.report(.unknownCollection(name, kind: "sheet", suggestion: suggestion, at: location))
        }
        return nil
    }
}

import DataModel
import Diagnostics
import Foundation
import Inventories
import Spreadsheets
import Testing

/// A sheet named otherwise than its collection is read as the collection its name or header row names, with a
/// note; one holding records that matches nothing is an error, never a silent drop.
@Suite("sheets named otherwise")
struct SheetMatchingTests {
    private func load(_ path: String) -> InventoryLoadResult {
        InventoryReader(schema: Fixtures.bundledSchema).load(path: path)
    }

    private func row(_ number: Int, _ cells: [String]) -> String {
        "<row r=\"\(number)\">"
            + cells.enumerated().map { index, text in
                Fixtures.text(SourceLocation.columnLetters(index + 1) + String(number), text)
            }.joined() + "</row>"
    }

    private var applications: String {
        row(1, ["id", "name", "type", "hosting"]) + row(2, ["APP-01", "SIMPEG", "khusus", "pdn"])
    }

    @Test(
        "a sheet whose name says the collection is read as it, with a note",
        arguments: ["Daftar Aplikasi", "Aplikasi 2025", "applications (revisi)"])
    func byName(sheet: String) throws {
        let loaded = load(
            try Fixtures.workbook(sheets: [
                ("opd", Fixtures.headerRows + row(2, ["name", "Dinas X"])), (sheet, applications),
            ]))
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(inventory.collections[0].map(\.key) == ["APP-01"])
        let note = try #require(loaded.diagnostics.first { $0.code == "sheet.matched_collection" })
        #expect(note.severity == .note)
        #expect(note.message.hasPrefix("sheet '\(sheet)' is read as applications: its name says"))
    }

    @Test("a document sheet named 'Dokumen 2025' is read as documents")
    func documents() throws {
        let rows = row(1, ["id", "title", "kind"]) + row(2, ["DOC-01", "Renstra 2021-2026", "renstra"])
        let loaded = load(
            try Fixtures.workbook(sheets: [
                ("opd", Fixtures.headerRows + row(2, ["name", "Dinas X"])), ("Dokumen 2025", rows),
            ]))
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        let slot = try #require(Fixtures.bundledSchema.collectionSlot(of: "documents"))
        #expect(inventory.collections[slot].map(\.key) == ["DOC-01"])
    }

    @Test("a sheet whose header row is mostly one collection's fields is read as it")
    func byHeader() throws {
        let rows =
            row(1, ["ID aplikasi", "Nama aplikasi", "Jenis aplikasi", "Penempatan server"])
            + row(2, ["APP-01", "SIMPEG", "khusus", "pdn"])
        let loaded = load(
            try Fixtures.workbook(sheets: [
                ("opd", Fixtures.headerRows + row(2, ["name", "Dinas X"])), ("Sheet1", rows),
            ]))
        let inventory = try #require(loaded.inventory, "\(loaded.diagnostics)")
        #expect(inventory.collections[0].count == 1)
        #expect(
            loaded.diagnostics.contains {
                $0.code == "sheet.matched_collection" && $0.message.contains("4 of the 4 columns")
            })
    }

    @Test("a sheet of records that matches nothing is an error with a did-you-mean")
    func unmatched() throws {
        let rows = row(1, ["kode", "uraian"]) + row(2, ["1", "x"])
        let loaded = load(
            try Fixtures.workbook(sheets: [
                ("opd", Fixtures.headerRows + row(2, ["name", "Dinas X"])), ("layanann", rows),
            ]))
        #expect(loaded.inventory == nil)
        let error = try #require(loaded.diagnostics.first { $0.code == "sheet.unmatched_records" })
        #expect(error.severity == .error)
        #expect(error.suggestion == "rename it: did you mean 'layanan'?")
    }

    @Test(
        "a CSV file named 'Daftar Aplikasi.csv', or headed by application fields, is read as applications; one of records matching nothing is an error"
    )
    func csvFiles() throws {
        let matched = load(
            try Fixtures.csvInventory(
                ["Daftar Aplikasi.csv": Array("id,name,type\nAPP-01,SIMPEG,khusus\n".utf8)],
                header: "spbe_inventory: 1\nopd: {id: X-01, name: Dinas X}\n"))
        #expect(matched.inventory?.collections[0].count == 1)
        #expect(matched.diagnostics.map(\.code) == ["sheet.matched_collection"])
        let byHeader = load(
            try Fixtures.csvInventory(
                ["Sheet1.csv": Array("ID aplikasi;Nama aplikasi;Jenis aplikasi\nAPP-01;SIMPEG;khusus\n".utf8)],
                header: "spbe_inventory: 1\nopd: {id: X-01, name: Dinas X}\n"))
        #expect(byHeader.inventory?.collections[0].count == 1)
        #expect(
            byHeader.diagnostics.first?.message
                == "CSV file 'Sheet1.csv' is read as applications: 3 of the 3 columns of its header row are fields of applications"
        )
        let unmatched = load(
            try Fixtures.csvInventory(
                ["rekap.csv": Array("kode,uraian\n1,x\n".utf8)],
                header: "spbe_inventory: 1\nopd: {id: X-01, name: Dinas X}\n"))
        #expect(unmatched.inventory == nil)
        #expect(unmatched.diagnostics.map(\.code) == ["sheet.unmatched_records"])
    }
}

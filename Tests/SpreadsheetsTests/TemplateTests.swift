import DataModel
import Foundation
import OutputSafety
import Packs
import Spreadsheets
import Testing

@Suite("spreadsheet templates")
struct TemplateTests {
    /// The schema of the regional example pack, which adds `sleman_smart` to services.
    private let regional = PackLoader.load(
        path: Fixtures.root.appendingPathComponent("examples/packs/spbe-2020-sleman").path
    ).pack!.schema

    @Test("a CSV template has a header row of every field, a # guide row with allowed values, and a commented opd.yaml")
    func csv() throws {
        let folder = try Fixtures.folder().path
        let files = InventoryTemplate.files(schema: regional, format: .csv, folder: folder)
        #expect(
            files.map { ($0.path as NSString).lastPathComponent } == [
                "opd.yaml", "applications.csv", "documents.csv", "services.csv", "infrastructure.csv",
            ])
        let applications = String(decoding: files[1].data.dropFirst(3), as: UTF8.self)
        let lines = applications.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("id,name,description,type,"))
        #expect(lines[1].hasPrefix("# ID aplikasi (wajib): teks,"))
        #expect(lines[1].contains("\"Jenis aplikasi (wajib): salah satu dari umum, khusus."))
        let services = String(decoding: files[3].data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(services[0].hasSuffix(",url,sleman_smart"))
        #expect(
            services[1].hasSuffix(
                ",Tersedia di Sleman Smart: ya atau tidak. Layanan tersedia di aplikasi super Sleman Smart."))
        let header = String(decoding: files[0].data, as: UTF8.self)
        #expect(header.contains("  # Kode OPD (wajib): teks. Kode unit (SIPD) atau kode lain yang stabil.\n  id:\n"))
    }

    @Test("a filled-in template reads back with no warnings about its columns")
    func readsBack() throws {
        for format in [InventoryFormat.csv, .xlsx] {
            let folder = try Fixtures.folder().path
            let files = InventoryTemplate.files(schema: regional, format: format, folder: folder)
            #expect(AtomicFileWriter.write(files, protected: [], replaceExisting: false).isEmpty)
            let loaded = InventoryReader(schema: regional).load(path: format == .csv ? folder : files[0].path)
            // Only the empty required header fields are reported: every column is known, the guide rows skipped.
            #expect(
                Set(loaded.diagnostics.map(\.code)).isSubset(of: ["inventory.missing_field", "sheet.missing_value"]),
                "\(loaded.diagnostics)")
            #expect(loaded.diagnostics.count == 2)
        }
    }

    @Test("the XLSX template's sheets are opd and the collections")
    func workbook() throws {
        let folder = try Fixtures.folder().path
        let files = InventoryTemplate.files(schema: regional, format: .xlsx, folder: folder)
        #expect(files.map { ($0.path as NSString).lastPathComponent } == ["inventory.xlsx"])
        #expect(AtomicFileWriter.write(files, protected: [], replaceExisting: false).isEmpty)
        #expect(AtomicFileWriter.write(files, protected: [], replaceExisting: false).map(\.code) == ["convert.exists"])
        #expect(
            AtomicFileWriter.write(files, protected: [files[0].path], replaceExisting: true).map(\.code) == [
                "convert.overwrite_input"
            ])
    }
}

import DataModel
import Foundation
import Packs
import ZIPFoundation

/// Paths, schemas and temporary files shared by the spreadsheet tests.
enum Fixtures {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled pack's inventory schema.
    static let bundledSchema: InventorySchema = PackLoader.load(
        path: root.appendingPathComponent("rules/spbe-2020").path
    ).pack!.schema

    /// A small schema with one field of each type.
    static let schema = InventorySchema(
        header: RecordSchema(
            name: "opd",
            fields: [
                FieldSchema(name: "id", type: .string, required: true, label: "Kode OPD"),
                FieldSchema(name: "name", type: .string, label: "Nama OPD"),
            ]),
        collections: [
            RecordSchema(
                name: "applications",
                fields: [
                    FieldSchema(name: "id", type: .string, required: true, label: "ID aplikasi"),
                    FieldSchema(
                        name: "type", type: .enumeration(values: ["umum", "khusus"]), required: true,
                        label: "Jenis aplikasi"),
                    FieldSchema(name: "users", type: .int, label: "Jumlah pengguna"),
                    FieldSchema(name: "budget", type: .number),
                    FieldSchema(name: "sso", type: .bool, label: "Single sign-on"),
                    FieldSchema(name: "audit", type: .date, label: "Tanggal audit"),
                    FieldSchema(name: "modules", type: .list(.string), label: "Modul"),
                    FieldSchema(name: "notes", type: .string),
                ])
        ]
    )

    /// A new empty folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-sheets-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A CSV inventory folder with `opd.yaml` and the given files (name → bytes).
    static func csvInventory(
        _ files: [String: [UInt8]], header: String = "spbe_inventory: 1\nopd: {id: X-01, name: Dinas X}\n"
    ) throws -> String {
        let folder = try folder().appendingPathComponent("dinas-x")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(header.utf8).write(to: folder.appendingPathComponent("opd.yaml"))
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder.path
    }

    /// A CSV inventory with one `applications.csv` written as UTF-8.
    static func csvInventory(applications text: String) throws -> String {
        try csvInventory(["applications.csv": Array(text.utf8)])
    }

    /// A workbook built from raw parts: sheets (name, `<sheetData>` rows), optional shared strings and
    /// `cellXfs` number formats, so tests can use what Excel writes and spbe does not; `extraParts` add or replace
    /// parts by path.
    static func workbook(
        sheets: [(name: String, rows: String)], sharedStrings: [String] = [], cellFormats: [Int] = [0],
        customFormats: [Int: String] = [:],
        date1904: Bool = false, extraParts: [(String, Data)] = []
    ) throws -> String {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, Data)] = []
        func add(_ path: String, _ text: String) { parts.append((path, Data(text.utf8))) }
        add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        add(
            "_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        )
        let sheetList = sheets.enumerated().map {
            "<sheet name=\"\($1.name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
        }.joined()
        add(
            "xl/workbook.xml",
            "<x:workbook xmlns:x=\"\(main)\" xmlns:r=\"\(rel)\">" + (date1904 ? "<x:workbookPr date1904=\"1\"/>" : "")
                + "<x:sheets>\(sheetList)</x:sheets></x:workbook>")
        var relationships = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/s\($0 + 1).xml\"/>"
        }.joined()
        relationships += "<Relationship Id=\"rS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        relationships += "<Relationship Id=\"rT\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>"
        )
        let custom = customFormats.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\($0.value)\"/>" }.joined()
        add(
            "xl/styles.xml",
            "<styleSheet xmlns=\"\(main)\"><numFmts>\(custom)</numFmts><cellXfs>"
                + cellFormats.map { "<xf numFmtId=\"\($0)\"/>" }.joined() + "</cellXfs></styleSheet>")
        add(
            "xl/sharedStrings.xml",
            "<sst xmlns=\"\(main)\">" + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>")
        for (index, sheet) in sheets.enumerated() {
            add(
                "xl/worksheets/s\(index + 1).xml",
                "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.rows)</sheetData></worksheet>")
        }
        parts = parts.filter { part in !extraParts.contains { $0.0 == part.0 } } + extraParts
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        let url = try folder().appendingPathComponent("dinas-x.xlsx")
        try archive.data!.write(to: url)
        return url.path
    }

    /// The `opd` sheet rows of a valid header.
    static let headerRows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>X-01</t></is></c></row>"

    /// An inline string cell.
    static func text(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }
}

import DataModel
import Diagnostics
import Foundation
import ZIPFoundation

/// Writes an XLSX inventory: a sheet `opd` (the header: field, value and a guide per row) and one sheet per
/// collection (a header row of field names, a guide row starting with `#`, one row per record).
///
/// Cells are typed: text as inline strings in text-formatted columns, numbers, booleans, and dates as serial
/// numbers formatted `yyyy-mm-dd` (dates before 1900-03-01 as text). Enum columns get a drop-down list. The zip
/// entries carry a fixed date, so the same inventory always gives the same bytes.
enum XLSXInventoryWriter {
    /// The workbook's bytes; the header cells are encoded with `encoder` (which reports what a cell would lose).
    static func data(
        _ inventory: InventoryData, grids: [SheetGrid], schema: InventorySchema, encoder: inout CellEncoder
    ) throws -> Data {
        let sheets =
            [headerSheet(inventory.header, schema: schema.header, encoder: &encoder)] + grids.map(collectionSheet)
        let names = [CollectionNames.headerSheet] + grids.map(\.name)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", XLSXParts.rootRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", XLSXParts.styles),
        ]
        parts += sheets.enumerated().map { index, sheet in ("xl/worksheets/sheet\(index + 1).xml", sheet.xml) }
        return try zip(parts)
    }

    private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)

    static func zip(_ parts: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }

    private static func collectionSheet(_ grid: SheetGrid) -> XLSXWorksheetWriter {
        let columns = grid.fields.enumerated().map { index, field in
            let longest = ([field.name] + grid.rows.map { $0[index].csvText() }).map { $0.count }.max() ?? 0
            return XLSXWorksheetWriter.Column(
                width: min(60, max(12, longest + 2)), style: style(field.type), choices: choices(field.type))
        }
        let header = grid.header.map { (cell: OutputCell.text($0), style: XLSXParts.Style?.some(.header)) }
        let guide = grid.guide.map { (cell: OutputCell.text($0), style: XLSXParts.Style?.some(.guide)) }
        let records = grid.rows.map { row in row.map { (cell: $0, style: XLSXParts.Style?.none) } }
        return XLSXWorksheetWriter(columns: columns, rows: [header, guide] + records, frozenRows: 2)
    }

    private static func headerSheet(_ record: Record, schema: RecordSchema, encoder: inout CellEncoder)
        -> XLSXWorksheetWriter
    {
        typealias Entry = (cell: OutputCell, style: XLSXParts.Style?)
        var rows: [[Entry]] = [
            [(.text("# isian"), .header), (.text("nilai"), .header), (.text("keterangan"), .header)],
            [
                (.text("spbe_inventory"), .text), (.number("1"), .general),
                (.text("Versi format inventaris (1)"), .guide),
            ],
        ]
        var choices: [(String, [String])] = []
        for (index, field) in schema.fields.enumerated() {
            let value = encoder.cell(
                record.values[index], field: "\(schema.name).\(field.name)", firstColumn: false, record: record)
            rows.append([
                (.text(field.name), .text), (value, style(field.type)), (.text(ColumnGuide.text(for: field)), .guide),
            ])
            if let values = self.choices(field.type) { choices.append(("B\(rows.count)", values)) }
        }
        let widths = [max(16, (schema.fields.map(\.name.count).max() ?? 0) + 2), 40, 80]
        var sheet = XLSXWorksheetWriter(
            columns: widths.map { XLSXWorksheetWriter.Column(width: $0, style: .general, choices: nil) }, rows: rows,
            frozenRows: 1
        )
        sheet.cellChoices = choices
        return sheet
    }

    private static func style(_ type: ValueType) -> XLSXParts.Style {
        switch type {
        case .date: .date
        case .string, .enumeration, .list: .text
        default: .general
        }
    }

    private static func choices(_ type: ValueType) -> [String]? {
        if case .enumeration(let values) = type { return values }
        return nil
    }
}

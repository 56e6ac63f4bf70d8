import CSV
import DataModel
import Diagnostics
import Foundation
import OutputSafety

/// Writes a CSV inventory: `opd.yaml` (the header, every field under a comment saying what it holds) and one
/// `<collection>.csv` per collection of the schema, each with a header row of field names, a guide row (a
/// comment row starting with `#`) and one row per record.
///
/// Files are UTF-8 with a byte order mark (so Excel opens them as UTF-8) and CRLF line ends; cells are separated
/// by the delimiter asked for (a semicolon, with decimal commas in numbers, for Excel in the Indonesian locale)
/// and quoted by CSV.swift's writer where they must be (the delimiter, a quote or a line break). Text a
/// spreadsheet would run as a formula is neutralised (`SpreadsheetFormula`), and `CSVFolderLoader` restores it.
enum CSVInventoryWriter {
    /// The files of the CSV inventory in `folder`; the grids come from `CellEncoder`; `banner` is a first comment
    /// line of `opd.yaml`.
    static func files(
        _ inventory: InventoryData, grids: [SheetGrid], schema: InventorySchema, folder: String, banner: String?,
        delimiter: CSVDelimiter = .comma
    ) -> [OutputFile] {
        let lines =
            (banner.map { ["# \($0)"] } ?? [])
            + YAMLInventoryWriter.header(inventory.header, schema: schema.header, guide: true)
        let header = lines.joined(separator: "\n") + "\n"
        var files = [OutputFile(path: (folder as NSString).appendingPathComponent("opd.yaml"), data: Data(header.utf8))]
        for grid in grids {
            files.append(
                OutputFile(
                    path: (folder as NSString).appendingPathComponent("\(grid.name).csv"),
                    data: data(grid, delimiter: delimiter)))
        }
        return files
    }

    /// The CSV bytes of one grid, its cells separated by `delimiter`.
    static func data(_ grid: SheetGrid, delimiter: CSVDelimiter = .comma) -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = bom.withUnsafeBufferPointer { stream.write($0.baseAddress!, maxLength: $0.count) }
        // CSV.swift writes to a stream it has opened; a memory stream never fails to take bytes.
        guard let writer = try? CSVWriter(stream: stream, delimiter: delimiter.rawValue, newline: .crlf) else {
            return Data()
        }
        let rows =
            [grid.header, grid.guide]
            + grid.rows.map { $0.map { $0.safeCSVText(decimalComma: delimiter == .semicolon) } }
        for row in rows { try? writer.write(row: row) }
        _ = writer.stream.write("\r\n", maxLength: 2)
        return stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    }
}

import CSV
import Foundation

extension TableWorkbook {
    /// The sheet as a UTF-8 CSV file (with a byte order mark, so Excel reads it as UTF-8; CRLF line ends): the
    /// header, then the rows; text a spreadsheet would run as a formula is neutralised, as in every CSV spbe writes.
    public static func csv(_ sheet: Sheet) -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = bom.withUnsafeBufferPointer { stream.write($0.baseAddress!, maxLength: $0.count) }
        // CSV.swift writes to a stream it has opened; a memory stream never fails to take bytes.
        guard let writer = try? CSVWriter(stream: stream, delimiter: ",", newline: .crlf) else { return Data() }
        let header = sheet.header.map { OutputCell.text($0).safeCSVText() }
        try? writer.write(row: header)
        for row in sheet.rows {
            let cells = sheet.header.indices.map { column in
                column < row.count ? output(row[column]).safeCSVText() : ""
            }
            try? writer.write(row: cells)
        }
        _ = writer.stream.write("\r\n", maxLength: 2)
        return stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    }
}

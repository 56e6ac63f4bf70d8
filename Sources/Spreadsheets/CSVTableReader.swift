import CSV
import DataModel
import Diagnostics
import YAMLSource

/// Reads one CSV file into a `SheetTable`, within `SheetLimits` and in the chosen text encoding.
///
/// Parsing is CSV.swift's RFC 4180 reader (quoted cells, doubled quotes, line breaks inside quotes, CRLF, LF or
/// CR line ends). It reports no positions, so they are derived here: a line break can only occur inside a quoted
/// cell or at the end of a record, so a cell starts on the record's first line plus the line breaks in the
/// cells before it, and the next record starts one line after the last line of this one. Line breaks inside a
/// cell are kept as `\n`.
enum CSVTableReader {
    /// The table, or the one diagnostic that says why the file cannot be read. Its cells are separated by
    /// `delimiter`, or, when nil, by the delimiter its header row shows against `schema` (`CSVDelimiter.sniff`).
    static func read(
        path: String, encoding: TextEncodingChoice, delimiter: CSVDelimiter?, schema: RecordSchema, limits: SheetLimits,
        cellBudget: inout Int
    ) -> Result<SheetTable, SheetFailure> {
        let bytes: [UInt8]
        switch BoundedFileReader.read(path: path, limit: limits.maxFileBytes) {
        case .failure(let diagnostic): return .failure(SheetFailure(diagnostic))
        case .success(let read): bytes = read
        }
        let text: String
        switch TextDecoder.decode(bytes, path: path, encoding: encoding) {
        case .failure(let failure): return .failure(failure)
        case .success(let decoded): text = decoded
        }
        let chosen: CSVDelimiter
        let decided: Result<CSVDelimiter, SheetFailure> =
            delimiter.map { .success($0) } ?? CSVDelimiter.sniff(text, schema: schema, path: path)
        switch decided {
        case .failure(let failure): return .failure(failure)
        case .success(let sniffed): chosen = sniffed
        }
        return parse(text, path: path, delimiter: chosen, limits: limits, cellBudget: &cellBudget)
    }

    /// Parses `text` as the contents of `path` (used only in positions), its cells separated by `delimiter`; the
    /// table reads decimal commas when the delimiter is a semicolon or a tab (a comma then separates no cells).
    static func parse(
        _ text: String, path: String, delimiter: CSVDelimiter = .comma, limits: SheetLimits, cellBudget: inout Int
    ) -> Result<SheetTable, SheetFailure> {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, delimiter: delimiter.scalar)
        } catch {
            return .failure(
                SheetFailure(
                    .sheetEncoding("cannot read '\(path)' as CSV", at: SourceLocation(file: path, line: 1, column: 1))))
        }
        var rows: [SheetRow] = []
        var line = 1
        while let fields = reader.next() {
            var cells: [Int: SheetCell] = [:]
            var cellLine = line
            for (index, raw) in fields.enumerated() {
                let location = SourceLocation(file: path, line: cellLine, column: index + 1)
                if !raw.isEmpty {
                    guard raw.utf8.count <= limits.maxCellBytes else {
                        return .failure(
                            SheetFailure(
                                .sheetTooLarge(
                                    "a cell of \(raw.utf8.count) bytes", limit: limits.maxCellBytes, at: location)))
                    }
                    cellBudget -= 1
                    guard cellBudget >= 0 else {
                        return .failure(
                            SheetFailure(
                                .sheetTooLarge("too many cells in the inventory", limit: limits.maxCells, at: location))
                        )
                    }
                    cells[index + 1] = SheetCell(location: location, content: .text(normalizedLineBreaks(raw)))
                }
                cellLine += lineBreaks(in: raw)
            }
            rows.append(SheetRow(location: SourceLocation(file: path, line: line, column: 1), cells: cells))
            line = cellLine + 1
        }
        if let unclosed = unclosedQuote(rows.last, text: text) {
            return .failure(SheetFailure(.unclosedQuote(at: unclosed)))
        }
        return .success(SheetTable(file: path, sheet: nil, rows: rows, decimalComma: delimiter != .comma))
    }

    /// The cell of the last record that swallowed the end of the file: it spans lines, which only a quoted cell
    /// can, yet the file does not end with the closing quote of a last quoted cell.
    private static func unclosedQuote(_ last: SheetRow?, text: String) -> SourceLocation? {
        guard let last, let final = last.cells.max(by: { $0.key < $1.key })?.value,
            case .text(let value) = final.content, value.contains("\n")
        else { return nil }
        var end = text.unicodeScalars[...]
        while let scalar = end.last, scalar == "\n" || scalar == "\r" { end = end.dropLast() }
        return end.last == "\"" ? nil : final.location
    }

    /// Line breaks in a cell: CRLF, LF and CR each count once.
    private static func lineBreaks(in text: String) -> Int {
        var count = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && previous != "\r") { count += 1 }
            previous = scalar
        }
        return count
    }

    private static func normalizedLineBreaks(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
            } else if !(scalar == "\n" && previous == "\r") {
                scalars.append(scalar)
            }
            previous = scalar
        }
        return String(scalars)
    }
}

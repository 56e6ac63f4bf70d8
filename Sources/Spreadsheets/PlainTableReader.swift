import Diagnostics
import YAMLSource

/// Reads workbooks and CSV files as `PlainTable`s, within the same `SheetLimits` and with the same refusals as
/// inventories (zip bombs, oversized files and parts, binary files, broken XML, formulas without values), each
/// failure one diagnostic naming the file.
public enum PlainTableReader {
    /// Every sheet of the workbook at `path`, in workbook order, or the one diagnostic that says why it cannot
    /// be read.
    public static func workbook(path: String, limits: SheetLimits = .default) -> Result<[PlainTable], PlainTableFailure>
    {
        do throws(SheetFailure) {
            var workbook = try XLSXWorkbook(path: path, limits: limits)
            var tables: [PlainTable] = []
            for name in workbook.sheetNames {
                tables.append(PlainTable(try workbook.table(named: name)))
            }
            return .success(tables)
        } catch {
            return .failure(PlainTableFailure(diagnostic: error.diagnostic))
        }
    }

    /// The CSV file at `path` (UTF-8, else Windows-1252; cells separated by the comma, semicolon or tab its first
    /// line holds most of), with the text of cells a CSV writer neutralised as formulas restored.
    public static func csv(path: String, limits: SheetLimits = .default) -> Result<PlainTable, PlainTableFailure> {
        let bytes: [UInt8]
        switch BoundedFileReader.read(path: path, limit: limits.maxFileBytes) {
        case .failure(let diagnostic): return .failure(PlainTableFailure(diagnostic: diagnostic))
        case .success(let read): bytes = read
        }
        let text: String
        switch TextDecoder.decode(bytes, path: path, encoding: .auto) {
        case .failure(let failure): return .failure(PlainTableFailure(diagnostic: failure.diagnostic))
        case .success(let decoded): text = decoded
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter =
            CSVDelimiter.allCases.max { first, second in
                firstLine.unicodeScalars.count(where: { $0 == first.scalar })
                    < firstLine.unicodeScalars.count(where: { $0 == second.scalar })
            } ?? .comma
        var budget = limits.maxCells
        switch CSVTableReader.parse(text, path: path, delimiter: delimiter, limits: limits, cellBudget: &budget) {
        case .failure(let failure): return .failure(PlainTableFailure(diagnostic: failure.diagnostic))
        case .success(let table): return .success(PlainTable(table.restoringFormulaText()))
        }
    }
}

/// Why a table cannot be read at all: the one diagnostic that says so, naming the file.
public struct PlainTableFailure: Error, Sendable {
    /// What to tell the user.
    public let diagnostic: Diagnostic
}

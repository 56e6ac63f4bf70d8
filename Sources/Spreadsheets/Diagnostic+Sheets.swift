import DataModel
import Diagnostics

/// The wording of every diagnostic about spreadsheet inventories, in one place. Codes are stable: `sheet.*` for
/// what a person fixes in a cell, a file or a sheet, `xlsx.*` for workbooks that cannot be opened.
extension Diagnostic {
    static func sheetEncoding(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.encoding", message, at: location,
            suggestion: "save it as 'CSV UTF-8', or pass --encoding windows-1252 for an older Excel export"
        )
    }

    static func sheetBinary(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.binary", "'\(path)' is a binary file, not CSV text",
            at: SourceLocation(file: path, line: 1, column: 1),
            suggestion: "save the sheet as CSV, or give the .xlsx workbook"
        )
    }

    static func sheetTooLarge(_ what: String, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "sheet.too_large", "\(what) (the limit is \(limit))", at: location)
    }

    static func undecidedDelimiter(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.csv_delimiter", message, at: location,
            suggestion: "choose with --delimiter ',' (comma), --delimiter ';' (semicolon) or --delimiter tab"
        )
    }

    static func unclosedQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.csv_quote",
            "this cell opens a quote (\") that is never closed, so the rest of the file was read into it",
            at: location, suggestion: "close the quote, or double it (\"\") where a quote is meant as text"
        )
    }

    static func unknownColumn(_ name: String, collection: String, suggestion: String?, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .warning, code: "sheet.unknown_column", "unknown column '\(name)' in \(collection) is ignored",
            at: location,
            suggestion: suggestion
        )
    }

    static func unnamedColumn(collection: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "sheet.unnamed_column", "a column of \(collection) without a header is ignored",
            at: location,
            suggestion: "give it a header (a field name or its label), or delete it"
        )
    }

    static func duplicateColumn(_ field: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.duplicate_column",
            "a second column for field '\(field)' (the first is column \(SourceLocation.columnLetters(first.column)))",
            at: location,
            suggestion: "keep one of them"
        )
    }

    static func missingColumn(_ field: String, collection: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.missing_column", "\(collection) has no column for required field '\(field)'",
            at: location,
            suggestion: "add a column headed '\(field)'"
        )
    }

    static func missingValue(_ field: String, collection: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.missing_value", "\(collection) record is missing required field '\(field)'",
            at: location)
    }

    static func cellType(_ problem: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "sheet.type", problem, at: location, suggestion: suggestion)
    }

    static func formulaWithoutValue(_ formula: String, at location: SourceLocation) -> Diagnostic {
        let shown = formula.isEmpty ? "the cell's formula (shared with another cell)" : "the formula =\(formula)"
        return Diagnostic(
            .error, code: "sheet.formula_without_value", "\(shown) has no stored value, so its value is unknown",
            at: location,
            suggestion: "open and save the workbook in Excel or LibreOffice so the value is stored, or type the value"
        )
    }

    static func serialDate(_ text: String, day: Day, field: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "sheet.serial_date", "the number \(text) for \(field) is read as the Excel date \(day)",
            at: location,
            suggestion: "format the column as a date so the workbook shows it as one"
        )
    }

    static func numberAsText(_ text: String, field: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "sheet.number_as_text",
            "\(field) is text, but the cell holds the number \(text), kept as '\(text)'",
            at: location,
            suggestion:
                "format the column as Text and type the value again: a number loses leading zeros and trailing digits"
        )
    }

    static func mergedCells(_ range: String, first: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "sheet.merged_cells",
            "cells \(range) are merged: the value of \(first) is read in each of their rows",
            at: location, suggestion: "unmerge them and fill each row to keep the rows independent"
        )
    }

    static func titleRows(_ count: Int, header: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "sheet.title_rows",
            "\(count == 1 ? "the row" : "the \(count) rows") above the header row \(header) \(count == 1 ? "is" : "are") a title and skipped",
            at: location
        )
    }

    static func cellError(_ error: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.cell_error", "the cell holds the spreadsheet error \(error)", at: location,
            suggestion: "fix the formula or type the value"
        )
    }

    static func duplicateRecordID(_ id: String, collection: String, first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        let firstPlace = first.sheet == nil ? "line \(first.line)" : "row \(first.line)"
        return Diagnostic(
            .warning, code: "sheet.duplicate_id",
            "another record of '\(collection)' has the id '\(id)' (first at \(firstPlace))",
            at: location
        )
    }

    static func unknownCollection(_ name: String, kind: String, suggestion: String?, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .warning, code: "sheet.unknown_collection", "\(kind) '\(name)' matches no collection and is ignored",
            at: location,
            suggestion: suggestion
        )
    }

    static func collectionMatched(
        _ name: String, kind: String, collection: String, reason: SheetMatching.Reason, at location: SourceLocation
    ) -> Diagnostic {
        let why =
            switch reason {
            case .name(let word): "its name says '\(word)'"
            case .header(let fields, let total):
                "\(fields) of the \(total) columns of its header row are fields of \(collection)"
            }
        return Diagnostic(
            .note, code: "sheet.matched_collection", "\(kind) '\(name)' is read as \(collection): \(why)", at: location,
            suggestion: "name it '\(collection)' to say so"
        )
    }

    static func unmatchedRecords(_ name: String, kind: String, suggestion: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "sheet.unmatched_records",
            "\(kind) '\(name)' holds records but matches no collection, so they would be lost",
            at: location, suggestion: "rename it: \(suggestion)"
        )
    }

    static func duplicateCollection(_ collection: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.duplicate_collection", "the records of '\(collection)' are given twice", at: location,
            suggestion: "keep one sheet or file per collection"
        )
    }

    static func missingHeader(_ message: String, at location: SourceLocation, suggestion: String) -> Diagnostic {
        Diagnostic(.error, code: "sheet.missing_opd", message, at: location, suggestion: suggestion)
    }

    static func unknownHeaderField(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "sheet.unknown_field", "unknown field '\(name)' on opd is ignored", at: location,
            suggestion: suggestion)
    }

    static func duplicateHeaderField(_ field: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic
    {
        Diagnostic(
            .error, code: "sheet.duplicate_field", "field '\(field)' is given twice (first in row \(first.line))",
            at: location,
            suggestion: "keep one of them"
        )
    }

    static func unsupportedFormat(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "sheet.unsupported_format", "unsupported inventory format '\(text)'", at: location,
            suggestion: "this version of spbe reads format 1"
        )
    }

    static func workbookInvalid(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(
            .error, code: "xlsx.invalid", "cannot read workbook '\(path)': \(reason)",
            at: SourceLocation(file: path, line: 1, column: 1),
            suggestion: "save it again as an Excel workbook (.xlsx)"
        )
    }

    static func workbookProtected(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "xlsx.protected",
            "cannot read workbook '\(path)': it is password-protected (encrypted), or an old .xls file; both are OLE2 compound files, not the zip of an .xlsx",
            at: SourceLocation(file: path, line: 1, column: 1),
            suggestion: "open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, "
                + "empty the box; LibreOffice: File > Save As, untick 'Save with password') and save it as Excel Workbook (.xlsx)"
        )
    }

    static func workbookTooLarge(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(
            .error, code: "xlsx.too_large", "refusing workbook '\(path)': \(reason)",
            at: SourceLocation(file: path, line: 1, column: 1),
            suggestion: "an OPD inventory is far smaller; check that this is the right file"
        )
    }
}

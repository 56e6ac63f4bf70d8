import Diagnostics
import Foundation
import PortalStore
import Spreadsheets

/// The official results spreadsheet: the template the portal gives (sheet `hasil`, one row per indicator, and
/// sheet `bukti`, one row per evidence item, filled with what is stored), and reading one back with an error at
/// every cell that is wrong. Nothing is taken unless every cell is right.
enum ResultWorkbook {
    static let resultSheet = "hasil"
    static let evidenceSheet = "bukti"
    /// Columns A to F of `hasil`: C is the official level.
    static let resultHeader = ["indikator", "nama", "tingkat", "opd", "catatan", "rekomendasi"]
    /// Columns A to E of `bukti`: D is the outcome.
    static let evidenceHeader = ["opd", "kode", "judul", "hasil", "catatan"]
    /// The longest note or recommendation, in characters.
    static let maxText = 2000

    /// What the cells are checked against: the period's indicators, the portal's OPDs and the period's evidence
    /// items (the latest version of each).
    struct Context: Sendable {
        let indicators: [CheckAdapter.IndicatorLine]
        let opds: [OPD]
        let evidence: [Evidence]
    }

    /// What a file held: the sheets it had (a sheet it lacks replaces nothing).
    struct Parsed: Sendable {
        var results: [OfficialResult]?
        var evidence: [OfficialEvidenceResult]?
    }

    // MARK: The template

    /// The two sheets, filled with the stored `results` and `outcomes`.
    static func sheets(
        _ context: Context, results: [OfficialResult], outcomes: [OfficialEvidenceResult]
    ) -> [TableWorkbook.Sheet] {
        let codes = Dictionary(uniqueKeysWithValues: context.opds.map { ($0.id, $0.code) })
        let byIndicator = Dictionary(results.map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
        let resultRows: [[TableWorkbook.Cell]] = context.indicators.map { indicator in
            let result = byIndicator[indicator.id]
            return [
                .text(indicator.id), .text(indicator.name), result.map { .number(Double($0.level)) } ?? .text(""),
                .text(result?.opdID.flatMap { codes[$0] } ?? ""), .text(result?.notes ?? ""),
                .text(result?.recommendation ?? ""),
            ]
        }
        let evidenceRows: [[TableWorkbook.Cell]] = context.evidence.map { item in
            let outcome = outcomes.first { $0.opdID == item.opdID && $0.code == item.code }
            return [
                .text(codes[item.opdID] ?? ""), .text(item.code), .text(item.title),
                .text(outcome.map { word($0.outcome) } ?? ""), .text(outcome?.note ?? ""),
            ]
        }
        return [
            TableWorkbook.Sheet(name: resultSheet, header: resultHeader, rows: resultRows),
            TableWorkbook.Sheet(name: evidenceSheet, header: evidenceHeader, rows: evidenceRows),
        ]
    }

    /// How an outcome is written in the sheet.
    static func word(_ outcome: EvidenceOutcome) -> String { outcome == .accepted ? "diterima" : "revisi" }

    // MARK: Reading

    /// Reads the file at `path` (a workbook, or a CSV file of one sheet, told by its first header cell), whose
    /// positions name `shownName`; the parsed results only when there is no error.
    static func read(path: String, shownName: String, context: Context) -> (Parsed?, [Diagnostic]) {
        let start = SourceLocation(file: shownName, line: 1, column: 1)
        var tables: [PlainTable] = []
        switch (shownName as NSString).pathExtension.lowercased() {
        case "xlsx":
            switch PlainTableReader.workbook(path: path) {
            case .failure(let failure): return (nil, [renamed(failure.diagnostic, path: path, to: shownName)])
            case .success(let read): tables = read
            }
        case "csv":
            switch PlainTableReader.csv(path: path) {
            case .failure(let failure): return (nil, [renamed(failure.diagnostic, path: path, to: shownName)])
            case .success(let read): tables = [read]
            }
        default:
            return (nil, [.resultFileKind(at: start)])
        }
        var reader = Reader(context: context, file: path)
        var parsed = Parsed()
        for table in tables {
            let name = table.sheet?.trimmingCharacters(in: .whitespaces).lowercased()
            let first = table.rows.first?.text(1).lowercased()
            if name == resultSheet || (name == nil && first == resultHeader[0]) {
                parsed.results = reader.results(table)
            } else if name == evidenceSheet || (name == nil && first == evidenceHeader[0]) {
                parsed.evidence = reader.outcomes(table)
            }
        }
        var diagnostics = reader.diagnostics.map { renamed($0, path: path, to: shownName) }
        if parsed.results == nil, parsed.evidence == nil, diagnostics.isEmpty {
            diagnostics.append(.resultSheetMissing(at: start))
        } else if diagnostics.isEmpty, (parsed.results ?? []).isEmpty, (parsed.evidence ?? []).isEmpty {
            diagnostics.append(.resultEmpty(at: start))
        }
        return (diagnostics.isEmpty ? parsed : nil, diagnostics)
    }

    /// `diagnostic` naming the staged file by the name the admin gave it.
    private static func renamed(_ diagnostic: Diagnostic, path: String, to name: String) -> Diagnostic {
        var renamed = diagnostic
        renamed.location?.file = name
        renamed.message = renamed.message.replacingOccurrences(of: path, with: name)
        return renamed
    }

    /// Checks the rows of the two sheets, collecting an error per wrong cell.
    private struct Reader {
        let context: Context
        let file: String
        var diagnostics: [Diagnostic] = []

        mutating func results(_ table: PlainTable) -> [OfficialResult] {
            guard header(table, resultHeader) else { return [] }
            let ids = context.indicators.map(\.id)
            var seen: [String: Int] = [:]
            var results: [OfficialResult] = []
            for row in table.rows.dropFirst() where !row.isBlank {
                guard readable(row) else { continue }
                let file = file
                let place = { (column: Int) in table.location(file: file, row: row.location.line, column: column) }
                let indicator = row.text(1)
                let levelText = row.text(3)
                let notes = row.text(5)
                let recommendation = row.text(6)
                if levelText.isEmpty && notes.isEmpty && recommendation.isEmpty && row.text(4).isEmpty { continue }
                guard ids.contains(indicator) else {
                    diagnostics.append(.resultUnknownIndicator(indicator, among: ids, at: place(1)))
                    continue
                }
                if let first = seen[indicator] {
                    diagnostics.append(.resultDuplicate(indicator, firstRow: first, at: place(1)))
                    continue
                }
                seen[indicator] = row.location.line
                let level = Int(levelText).flatMap { (1...5).contains($0) ? $0 : nil }
                if level == nil { diagnostics.append(.resultLevel(levelText, at: place(3))) }
                let opd = opd(row.text(4), at: place(4))
                long(notes, at: place(5))
                long(recommendation, at: place(6))
                if let level, let opd {
                    results.append(
                        OfficialResult(
                            indicator: indicator, opdID: opd?.id, level: level, notes: notes,
                            recommendation: recommendation))
                }
            }
            return results
        }

        mutating func outcomes(_ table: PlainTable) -> [OfficialEvidenceResult] {
            guard header(table, evidenceHeader) else { return [] }
            var seen: [String: Int] = [:]
            var outcomes: [OfficialEvidenceResult] = []
            for row in table.rows.dropFirst() where !row.isBlank {
                guard readable(row) else { continue }
                let file = file
                let place = { (column: Int) in table.location(file: file, row: row.location.line, column: column) }
                let outcomeText = row.text(4).lowercased()
                if outcomeText.isEmpty && row.text(5).isEmpty { continue }
                let opdCode = row.text(1)
                let code = row.text(2)
                guard let opd = opd(opdCode, at: place(1)) ?? nil else {
                    if opdCode.isEmpty { diagnostics.append(.resultUnknownOPD("", among: [], at: place(1))) }
                    continue
                }
                guard context.evidence.contains(where: { $0.opdID == opd.id && $0.code == code }) else {
                    diagnostics.append(.resultUnknownEvidence(code, opd: opd.code, at: place(2)))
                    continue
                }
                let key = "\(opd.id) \(code)"
                if let first = seen[key] {
                    diagnostics.append(.resultDuplicate(code, firstRow: first, at: place(2)))
                    continue
                }
                seen[key] = row.location.line
                let outcome: EvidenceOutcome? =
                    switch outcomeText {
                    case "diterima", "accepted": .accepted
                    case "revisi", "revise": .revise
                    default: nil
                    }
                if outcome == nil { diagnostics.append(.resultOutcome(row.text(4), at: place(4))) }
                long(row.text(5), at: place(5))
                if let outcome {
                    outcomes.append(
                        OfficialEvidenceResult(opdID: opd.id, code: code, outcome: outcome, note: row.text(5)))
                }
            }
            return outcomes
        }

        /// Whether the first row is the template's header; an error at each cell that is not.
        private mutating func header(_ table: PlainTable, _ expected: [String]) -> Bool {
            let row = table.rows.first
            var right = true
            for (offset, name) in expected.enumerated() {
                let found = row?.text(offset + 1) ?? ""
                if found.lowercased() != name {
                    right = false
                    diagnostics.append(
                        .resultHeader(
                            expected: name, found: found, at: table.location(file: file, row: 1, column: offset + 1)))
                }
            }
            return right
        }

        /// Whether every cell of the row has a value; an error at each that holds an error or a bare formula.
        private mutating func readable(_ row: PlainTable.Row) -> Bool {
            let broken = row.cells.values.filter { $0.text == nil }.map(\.location).sorted()
            for location in broken { diagnostics.append(.resultCellValue(at: location)) }
            return broken.isEmpty
        }

        /// The OPD of a code: `.some(nil)` for an empty cell, nil (with an error) for an unknown code.
        private mutating func opd(_ code: String, at location: SourceLocation) -> OPD?? {
            guard !code.isEmpty else { return .some(nil) }
            if let opd = context.opds.first(where: { $0.code.lowercased() == code.lowercased() }) { return opd }
            diagnostics.append(.resultUnknownOPD(code, among: context.opds.map(\.code), at: location))
            return nil
        }

        private mutating func long(_ text: String, at location: SourceLocation) {
            if text.count > maxText { diagnostics.append(.resultTooLong(limit: maxText, at: location)) }
        }
    }
}

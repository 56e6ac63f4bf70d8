import Diagnostics

/// The wording of every diagnostic about an official results workbook (`result.*`), in one place: in Indonesian,
/// each naming its cell and saying how to fix it, as an admin reads them on the import page.
extension Diagnostic {
    static func resultSheetMissing(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.sheet_missing", "buku kerja tidak memiliki lembar 'hasil' maupun 'bukti'",
            at: location, suggestion: "unduh templat hasil resmi dari portal dan isi lembar 'hasil' dan 'bukti'")
    }

    static func resultHeader(expected: String, found: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.header",
            found.isEmpty
                ? "judul kolom '\(expected)' tidak ada" : "judul kolom '\(found)' seharusnya '\(expected)'",
            at: location, suggestion: "tulis '\(expected)' di sel ini, seperti pada templat")
    }

    static func resultUnknownIndicator(_ id: String, among ids: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.unknown_indicator", "indikator '\(id)' tidak ada dalam paket periode ini",
            at: location,
            suggestion: Suggestion.closest(to: id, among: ids).map { "maksudnya '\($0)'?" }
                ?? "tulis kode indikator seperti pada templat (I01 …)")
    }

    static func resultDuplicate(_ what: String, firstRow: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.duplicate", "\(what) sudah diisi di baris \(firstRow)", at: location,
            suggestion: "hapus salah satu baris")
    }

    static func resultLevel(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.level",
            text.isEmpty
                ? "tingkat kosong, padahal baris ini berisi catatan" : "tingkat '\(text)' bukan angka 1 sampai 5",
            at: location, suggestion: "tulis tingkat resmi: 1, 2, 3, 4 atau 5")
    }

    static func resultUnknownOPD(_ code: String, among codes: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.unknown_opd", "perangkat daerah '\(code)' tidak terdaftar di portal", at: location,
            suggestion: Suggestion.closest(to: code, among: codes).map { "maksudnya '\($0)'?" }
                ?? "tulis kode OPD seperti di halaman Perangkat daerah, atau kosongkan")
    }

    static func resultUnknownEvidence(_ code: String, opd: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.unknown_evidence", "bukti '\(code)' milik '\(opd)' tidak ada pada periode ini",
            at: location, suggestion: "salin kode bukti dari templat (misalnya I05-L3-01)")
    }

    static func resultOutcome(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.outcome", "hasil '\(text)' bukan 'diterima' atau 'revisi'", at: location,
            suggestion: "tulis 'diterima' atau 'revisi'")
    }

    static func resultCellValue(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.cell_value", "sel berisi galat atau rumus tanpa nilai tersimpan", at: location,
            suggestion: "ganti dengan nilainya sebagai teks atau angka")
    }

    static func resultTooLong(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.too_long", "teks lebih dari \(limit) karakter", at: location,
            suggestion: "ringkas teksnya")
    }

    static func resultFileKind(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.file_kind", "hanya berkas .xlsx atau .csv yang diterima", at: location,
            suggestion: "unduh templat XLSX atau CSV dari portal, isi, lalu unggah kembali")
    }

    static func resultEmpty(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "result.empty", "berkas tidak berisi satu pun hasil indikator atau bukti", at: location,
            suggestion: "isi kolom tingkat di lembar 'hasil' atau kolom hasil di lembar 'bukti'")
    }
}

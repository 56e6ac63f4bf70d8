import PortalStore

/// The words of the internal review's pages, in both languages.
extension Words {
    /// A revision reason from the fixed list.
    func reason(_ reason: RevisionReason) -> String {
        switch reason {
        case .wrongEvidence: t("Bukti tidak sesuai", "Wrong evidence")
        case .notUploaded: t("Bukti belum diunggah", "Evidence not uploaded")
        case .outOfDate: t("Bukti kedaluwarsa", "Evidence out of date")
        case .explanationIncomplete: t("Penjelasan kurang", "Explanation incomplete")
        case .other: t("Lainnya (tulis di catatan)", "Other (write it in the note)")
        }
    }

    var internalReview: String { t("Verifikasi internal", "Internal review") }
    var reviewPending: String { t("Menunggu verifikasi", "Waiting for review") }
    var reviewAccepted: String { t("Diterima", "Accepted") }
    var reviewToRevise: String { t("Perlu revisi", "To revise") }
    var reviewRevised: String { t("Direvisi, menunggu verifikasi", "Revised, waiting for review") }
    var returnForRevision: String { t("Dikembalikan untuk revisi", "Returned for revision") }
    var reviewStatus: String { t("Status verifikasi", "Review status") }
    var reviewHistory: String { t("Riwayat versi dan verifikasi", "History of versions and verdicts") }
    var recordVerdict: String { t("Catat hasil verifikasi", "Record a verdict") }
    var verdict: String { t("Hasil", "Verdict") }
    var reasonHeader: String { t("Alasan", "Reason") }
    var note: String { t("Catatan", "Note") }
    var event: String { t("Kejadian", "Event") }
    var by: String { t("Oleh", "By") }
    var item: String { t("Butir", "Item") }
    var claimOf: String { t("Klaim", "Claim") }
    var claimSaved: String { t("Klaim disimpan", "Claim saved") }
    var versionUploaded: String { t("Versi diunggah", "Version uploaded") }
    var evidenceItems: String { t("Butir bukti", "Evidence items") }
    var revisionRequests: String { t("Permintaan revisi", "Revision requests") }
    var noRevisions: String { t("Tidak ada permintaan revisi.", "No revision requests.") }
    var reviewedIndex: String { t("Indeks terverifikasi", "Reviewed index") }
    var reviewedCount: String { t("klaim diterima dengan seluruh buktinya", "claims accepted with all their evidence") }
    var verdictHelp: String {
        t(
            "Alasan hanya dipakai bila dikembalikan; catatan wajib untuk \"Lainnya\". Hasil tidak dapat diubah: hasil baru menggantikannya dan riwayat tetap tersimpan.",
            "The reason counts only when returned; a note is required for \"Other\". A verdict cannot be changed: a new one supersedes it and the history is kept."
        )
    }
    var verdictInvalid: String {
        t(
            "Hasil verifikasi tidak lengkap: pilih diterima atau dikembalikan dengan alasan dari daftar (catatan wajib untuk \"Lainnya\", paling banyak 1000 karakter).",
            "The verdict is incomplete: choose accepted, or returned with a reason from the list (a note is required for \"Other\", at most 1000 characters)."
        )
    }
    var notLatestVersion: String {
        t("Hanya versi terbaru yang dapat diverifikasi.", "Only the latest version can be reviewed.")
    }
    var reviewClosed: String {
        t(
            "Tahap verifikasi internal sudah ditutup: hasil verifikasi tidak dapat dicatat lagi.",
            "The internal review stage is closed: verdicts can no longer be recorded.")
    }
}

/// The words of the evidence checklist page, in both languages.
extension Words {
    var checklist: String { t("Daftar periksa data dukung", "Evidence checklist") }
    var checklistHelp: String {
        t(
            "Per indikator dan tingkat: apa yang diminta asesor, apa yang sudah diunggah di portal (kode, berkas, status verifikasi), dan apa yang belum. Tingkat dihitung dari inventaris terkini.",
            "Per indicator and level: what the assessors ask for, what has been uploaded in the portal (code, file, review status), and what is still missing. Levels come from the current inventory."
        )
    }
    var checklistNeedsInventory: String {
        t(
            "Daftar periksa memerlukan inventaris: unggah inventaris OPD dulu.",
            "The checklist needs an inventory: upload the OPD's inventory first.")
    }
    var uploadedList: String {
        t(
            "Daftar unggahan (JSON, untuk spbe evidence --uploaded)",
            "Uploaded list (JSON, for spbe evidence --uploaded)")
    }
    var checklistOfSubmission: String { t("Dari inventaris kiriman", "From the inventory of submission") }
    /// A review status as one word group, for lists and exports.
    func status(_ status: ReviewStatus) -> String {
        switch status {
        case .pending: reviewPending
        case .accepted: reviewAccepted
        case .toRevise: reviewToRevise
        case .revised: reviewRevised
        }
    }
}

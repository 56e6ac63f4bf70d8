import PortalStore

/// The words of the official results and follow-up pages (issue 24), in both languages.
extension Words {
    var officialResults: String { t("Hasil resmi", "Official results") }
    var official: String { t("Hasil resmi", "Official") }
    var officialIndex: String { t("Indeks resmi", "Official index") }
    var officialCount: String { t("indikator berhasil resmi", "indicators with an official result") }
    var officialHelp: String {
        t(
            "Indeks dihitung dengan bobot paket periode ini; indikator tanpa hasil resmi dihitung pada tingkat terendah. Baris berwarna: hasil resmi di bawah klaim.",
            "Indices are scored with the period's pack weights; an indicator without an official result counts at the lowest level. Shaded rows: official below the claim."
        )
    }
    var byDomainAndAspect: String { t("Per domain dan aspek", "By domain and aspect") }
    var byIndicator: String { t("Per indikator", "By indicator") }
    var gap: String { t("Selisih", "Gap") }
    var assessorNotes: String { t("Catatan asesor", "Assessor notes") }
    var recommendation: String { t("Rekomendasi", "Recommendation") }
    var previousPeriod: String { t("Periode sebelumnya", "Previous period") }
    var evidenceOutcomes: String { t("Hasil per bukti", "Outcome per evidence item") }
    var accepted: String { t("diterima", "accepted") }
    var toRevise: String { t("revisi", "to revise") }
    var importResults: String { t("Impor hasil resmi", "Import official results") }
    var enterResult: String { t("Isi hasil per indikator", "Enter a result per indicator") }
    var templates: String { t("Templat", "Templates") }
    var importHelp: String {
        t(
            "Unduh templat (berisi hasil yang sudah tersimpan), isi kolom tingkat, catatan dan rekomendasi di lembar 'hasil' dan kolom hasil (diterima/revisi) di lembar 'bukti', lalu unggah XLSX atau salah satu CSV. Tidak ada yang disimpan bila satu sel pun salah.",
            "Download the template (it holds what is stored), fill in the level, notes and recommendation on sheet 'hasil' and the outcome (diterima/revisi) on sheet 'bukti', then upload the XLSX or one of the CSV files. Nothing is stored while any cell is wrong."
        )
    }
    var resultRefused: String {
        t(
            "Berkas ditolak; tidak ada yang disimpan. Perbaiki sel berikut:",
            "File refused; nothing was stored. Fix these cells:")
    }
    var resultInvalid: String {
        t("Hasil tidak lengkap atau tidak sah.", "The result is incomplete or invalid.")
    }

    /// A claim that differs from the official level.
    func claimVersusResult(_ claim: Int, _ result: Int) -> String {
        t("klaim \(claim), hasil \(result)", "claimed \(claim), official \(result)")
    }

    /// An estimate that differs from the official level.
    func estimateVersusResult(_ estimate: Int, _ result: Int) -> String {
        t("perkiraan spbe \(estimate), hasil \(result)", "spbe estimated \(estimate), official \(result)")
    }

    var followUps: String { t("Tindak lanjut", "Follow-ups") }
    var noFollowUps: String { t("Belum ada tindak lanjut.", "No follow-ups yet.") }
    var followUpInvalid: String { t("Perubahan tindak lanjut tidak sah.", "The follow-up change is invalid.") }
    var overdue: String { t("lewat tenggat", "overdue") }
    var source: String { t("Asal", "Source") }
    var followUpWhat: String { t("Yang harus dilakukan", "What is to be done") }
    var targetDate: String { t("Target", "Target date") }
    var priorityLabel: String { t("Prioritas", "Priority") }
    var progressNote: String { t("Catatan kemajuan", "Progress note") }
    var noCounterpart: String { t("tidak ada padanan", "no counterpart") }
    var followUpsOfPeriod: String { t("Tindak lanjut dari hasil periode ini", "Follow-ups from this period's results") }
    var allFollowUps: String { t("Semua tindak lanjut", "All follow-ups") }

    /// The heading of the follow-ups a period carries from the one before.
    func carriedFrom(_ period: String) -> String {
        t("Dijanjikan pada \(period): apa yang sudah dilakukan", "Promised in \(period): what was done")
    }

    /// A follow-up's status.
    func followUpStatus(_ status: FollowUpStatus) -> String {
        switch status {
        case .open: t("belum dimulai", "open")
        case .inProgress: t("sedang dikerjakan", "in progress")
        case .done: t("selesai", "done")
        }
    }

    /// A follow-up's source.
    func followUpSource(_ source: FollowUpSource) -> String {
        switch source {
        case .recommendation: t("rekomendasi", "recommendation")
        case .evidence: t("bukti direvisi", "evidence to revise")
        }
    }

    /// A follow-up's priority.
    func priority(_ priority: FollowUpPriority) -> String {
        switch priority {
        case .high: t("tinggi", "high")
        case .medium: t("sedang", "medium")
        case .low: t("rendah", "low")
        }
    }
}

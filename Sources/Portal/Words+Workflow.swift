import PortalStore

/// The words of the evaluation workflow's pages (issue 23), in both languages.
extension Words {
    /// A stage's name.
    func stage(_ stage: Stage) -> String {
        switch stage {
        case .persiapan: t("Persiapan", "Preparation")
        case .penilaianMandiri: t("Penilaian mandiri", "Self-assessment")
        case .verifikasiInternal: t("Verifikasi internal", "Internal verification")
        case .pengiriman: t("Pengiriman", "Sending")
        case .penilaianDokumen: t("Penilaian dokumen", "Document review")
        case .interviu: t("Interviu", "Interview")
        case .visitasi: t("Visitasi", "Site visit")
        case .hasil: t("Hasil", "Results")
        }
    }

    /// The days left in a stage, counted from today (0: today is its last day).
    func daysLeft(_ days: Int64) -> String {
        days == 0 ? t("hari ini hari terakhir", "today is the last day") : t("\(days) hari lagi", "\(days) days left")
    }

    var stages: String { t("Tahapan", "Stages") }
    var stagesOf: String { t("Tahapan dan tenggat", "Stages and deadlines") }
    var currentStage: String { t("Tahap saat ini", "Current stage") }
    var noCurrentStage: String { t("Tidak ada tahap yang berjalan hari ini.", "No stage runs today.") }
    var nextStage: String { t("Tahap berikutnya", "Next stage") }
    var unscheduled: String {
        t("Tahapan periode ini belum dijadwalkan.", "This period's stages are not scheduled yet.")
    }
    var starts: String { t("Mulai", "Starts") }
    var ends: String { t("Berakhir", "Ends") }
    var stageHelp: String {
        t(
            "Tanggal termasuk (WIB). Kosongkan kedua tanggal untuk tahap yang tidak dijadwalkan. Unggahan OPD ditutup setelah tahap penilaian mandiri berakhir.",
            "Dates included (WIB). Leave both dates empty for a stage that is not scheduled. OPD uploads close once the self-assessment stage ends."
        )
    }
    var save: String { t("Simpan", "Save") }
    var stageOrder: String {
        t(
            "Setiap tahap perlu tanggal mulai dan berakhir yang sah, berakhir tidak sebelum mulai, dan tahap mulai sesuai urutan.",
            "Each stage needs valid start and end dates, ending no earlier than it starts, and the stages starting in order."
        )
    }
    var reopen: String { t("Buka kembali untuk satu OPD", "Reopen for one OPD") }
    var reopenings: String { t("Pembukaan kembali", "Reopenings") }
    var until: String { t("Sampai (termasuk)", "Until (included)") }
    var reason: String { t("Alasan", "Reason") }
    var reopenHelp: String {
        t(
            "Membuka kembali unggahan untuk satu OPD setelah tahap penilaian mandiri ditutup, paling lama 30 hari; dicatat di log audit.",
            "Reopens uploads for one OPD after the self-assessment stage closed, for at most 30 days; recorded in the audit log."
        )
    }
    var reopenInvalid: String {
        t(
            "Pilih OPD, tanggal dari hari ini sampai 30 hari lagi, dan tulis alasannya (paling banyak 500 karakter).",
            "Choose an OPD, a date from today to 30 days ahead, and write the reason (at most 500 characters).")
    }

    /// Uploads are open until `day`.
    func uploadsOpenUntil(_ day: String) -> String {
        t("Unggahan inventaris dibuka sampai \(day)", "Inventory uploads are open until \(day)")
    }

    /// Uploads closed after `day`.
    func uploadsClosed(_ day: String) -> String {
        t(
            "Tahap penilaian mandiri ditutup setelah \(day): unggahan dikunci. Admin dapat membukanya kembali untuk OPD ini.",
            "The self-assessment stage closed after \(day): uploads are locked. An admin may reopen them for this OPD.")
    }

    /// Uploads reopened for this OPD until `day`.
    func reopenedUntil(_ day: String) -> String {
        t("Unggahan dibuka kembali untuk OPD ini sampai \(day)", "Uploads reopened for this OPD until \(day)")
    }

    var changePassword: String { t("Ganti kata sandi", "Change the password") }
    var mustChangePassword: String {
        t(
            "Kata sandi akun ini dibuat oleh orang lain. Pilih kata sandi Anda sendiri sebelum melanjutkan.",
            "Someone else chose this account's password. Choose your own before going on.")
    }
    var currentPassword: String { t("Kata sandi saat ini", "Current password") }
    var newPassword: String { t("Kata sandi baru (≥ 10)", "New password (≥ 10)") }
    var repeatPassword: String { t("Ulangi kata sandi baru", "Repeat the new password") }
    var passwordMismatch: String {
        t(
            "Kata sandi saat ini salah, atau kata sandi baru tidak sama, atau sama dengan yang lama.",
            "Wrong current password, or the new passwords differ, or the new one is the old one.")
    }
    var passwordChanged: String { t("Kata sandi diganti.", "Password changed.") }
}

/// The words of the responsibility matrix.
extension Words {
    var matrix: String { t("Matriks tanggung jawab", "Responsibility matrix") }
    var matrixHelp: String {
        t(
            "Setiap indikator punya satu OPD utama, OPD kontributor dan penanggung jawab (PJ). Bawaan: indikator tingkat pemda dipimpin Diskominfo (kode diskominfo), indikator rencana dan anggaran oleh Bappeda (kode bappeda).",
            "Each indicator has one lead OPD, contributing OPDs and a person in charge (PJ). Defaults: pemda-level indicators are led by Diskominfo (code diskominfo), the planning and budget one by Bappeda (code bappeda)."
        )
    }
    var matrixDefaults: String {
        t(
            "Matriks periode ini belum disimpan: yang tampil adalah pembagian bawaan.",
            "This period's matrix is not saved yet: the default assignment is shown.")
    }
    var matrixInvalid: String {
        t(
            "OPD utama atau kode OPD kontributor tidak dikenal, atau nama PJ lebih dari 200 karakter.",
            "An unknown lead OPD or contributing OPD code, or a PJ name over 200 characters.")
    }
    var codes: String { t("kode, dipisah koma", "codes, comma-separated") }
    var indicator: String { t("Indikator", "Indicator") }
    var indicators: String { t("Indikator", "Indicators") }
    var leadOPD: String { t("OPD utama", "Lead OPD") }
    var leadRole: String { t("Utama", "Lead") }
    var contributorRole: String { t("Kontributor", "Contributing") }
    var roleInIndicator: String { t("Peran", "Role") }
    var status: String { t("Status", "Status") }
    var pemdaLevel: String { t("tingkat pemda", "pemda level") }
    var owed: String { t("Tanggung jawab OPD ini", "What this OPD owes") }
    var nothingOwed: String {
        t("Tidak ada indikator yang ditugaskan ke OPD ini.", "No indicator is assigned to this OPD.")
    }
    var unassigned: String { t("belum ditetapkan", "unassigned") }
    var unassignedCount: String { t("Indikator tanpa OPD utama", "Indicators without a lead OPD") }
    var noInventory: String { t("belum ada inventaris", "no inventory yet") }
    var level: String { t("tingkat", "level") }
    var target: String { t("target", "target") }
    var meetingTarget: String { t("Mencapai target (perkiraan)", "Reaching the target (estimate)") }
    var loadPerOPD: String { t("Beban dan kemajuan per OPD", "Load and progress per OPD") }
    var loadPerPJ: String { t("Beban dan kemajuan per PJ", "Load and progress per PJ") }
}

/// The words of evidence files.
extension Words {
    var evidenceFiles: String { t("Data dukung", "Evidence files") }
    var noEvidence: String { t("Belum ada data dukung.", "No evidence file yet.") }
    var evidenceTitle: String { t("Keterangan", "Description") }
    var record: String { t("Rekaman inventaris (opsional)", "Inventory record (optional)") }
    var type: String { t("Jenis", "Type") }
    var version: String { t("Versi", "Version") }
    var versions: String { t("Riwayat versi", "Version history") }
    var size: String { t("Ukuran (bita)", "Size (bytes)") }
    var levelHeader: String { t("Tingkat", "Level") }
    var revises: String { t("Revisi dari", "Revision of") }
    var newItem: String { t("(data dukung baru)", "(a new evidence item)") }
    var uploadEvidence: String { t("Unggah data dukung", "Upload evidence") }
    var evidenceHelp: String {
        t(
            "PDF, PNG, JPEG, DOCX, XLSX atau ODT, paling besar 10 MiB. Jenis berkas diperiksa dari isinya; ekstensi harus sesuai.",
            "PDF, PNG, JPEG, DOCX, XLSX or ODT, at most 10 MiB. The type is checked from the content; the extension must match."
        )
    }
    var evidenceInvalid: String {
        t(
            "Pilih indikator dan tingkat (1–5), isi keterangan (paling banyak 200 karakter), berkas, dan kode rekaman yang sah bila ada.",
            "Choose an indicator and a level (1–5), a description (at most 200 characters), the file, and a valid record code if any."
        )
    }

    /// Why an evidence file is refused.
    func refusal(_ refusal: EvidenceInspector.Refusal) -> String {
        switch refusal {
        case .empty: t("Berkas kosong.", "The file is empty.")
        case .tooLarge: t("Berkas lebih dari 10 MiB.", "The file is over 10 MiB.")
        case .notAllowed:
            t(
                "Jenis berkas tidak diizinkan: hanya PDF, PNG, JPEG, DOCX, XLSX atau ODT (diperiksa dari isinya).",
                "File type not allowed: only PDF, PNG, JPEG, DOCX, XLSX or ODT (checked from the content).")
        case .extensionMismatch(let kind):
            t(
                "Ekstensi nama berkas tidak sesuai isinya (isinya \(kind.rawValue.uppercased())).",
                "The file name's extension does not match its content (a \(kind.rawValue.uppercased())).")
        case .zipBounds:
            t(
                "Arsip dokumen melampaui batas (jumlah entri atau ukuran setelah diekstrak) atau rusak.",
                "The document archive exceeds the bounds (entries or inflated size) or is damaged.")
        case .macros: t("Dokumen bermakro tidak diterima.", "Documents with macros are not accepted.")
        }
    }
}

/// The words of the self-assessment.
extension Words {
    var selfAssessment: String { t("Penilaian mandiri per indikator", "Self-assessment per indicator") }
    var claimed: String { t("Tingkat diklaim", "Level claimed") }
    var estimated: String { t("Perkiraan spbe", "spbe's estimate") }
    var explanation: String { t("Penjelasan dan data dukung", "Explanation and evidence") }
    var check: String { t("Pemeriksaan", "Check") }
    var agrees: String { t("sesuai", "agrees") }
    var fact: String { t("Fakta:", "Fact:") }
    var analysis: String { t("Analisis:", "Analysis:") }
    var factHint: String {
        t(
            "Apa yang ada: dokumen (nomor, tanggal), sistem, angka.",
            "What exists: documents (number, date), systems, figures.")
    }
    var analysisHint: String {
        t(
            "Mengapa fakta itu memenuhi kriteria tingkat yang diklaim.",
            "Why the fact meets the claimed level's criteria.")
    }
    var citedEvidence: String { t("Kode data dukung (dipisah koma)", "Evidence codes (comma-separated)") }
    var claimInvalid: String {
        t(
            "Hanya OPD utama indikator yang mengisi; pilih tingkat 1–5, isi fakta dan analisis (paling banyak 2000 karakter), dan kode data dukung OPD ini untuk indikator itu.",
            "Only the indicator's lead OPD answers; choose a level 1–5, write the fact and the analysis (at most 2000 characters each), and cite this OPD's evidence codes for that indicator."
        )
    }
    var claimedVersusEstimated: String {
        t("Indeks pemda: klaim dan perkiraan", "The pemda index: claimed and estimated")
    }
    var claimedIndex: String { t("Diklaim", "Claimed") }
    var claimedCount: String { t("indikator diklaim", "indicators claimed") }
    var estimatedIndex: String { t("Perkiraan dari bukti", "Estimated from evidence") }
    var disagreements: String { t("Klaim yang tidak didukung", "Claims not backed") }

    /// A claim above the estimate.
    func claimAbove(_ claimed: Int, _ estimated: Int) -> String {
        t(
            "klaim tingkat \(claimed), bukti mendukung tingkat \(estimated)",
            "claims level \(claimed), the evidence backs level \(estimated)")
    }

    /// A claim citing no evidence at its level.
    func noEvidenceAt(_ level: Int) -> String {
        t("tanpa data dukung tingkat \(level)", "no evidence at level \(level)")
    }
}

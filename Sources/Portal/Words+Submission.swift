import PortalStore

/// The words of the submission pack, interview preparation and notification pages, in both languages.
extension Words {
    var submissionPack: String { t("Paket pengiriman", "Submission pack") }
    var packDownloadZIP: String { t("Unduh ZIP (dokumen dan data dukung)", "Download the ZIP (document and evidence)") }
    var packPrintable: String {
        t("Dokumen untuk dicetak (A4, simpan sebagai PDF)", "Printable document (A4, save as PDF)")
    }
    var packHelp: String {
        t(
            "Urutan domain, aspek dan indikator mengikuti aplikasi evaluasi nasional: salin tingkat, penjelasan dan unggah data dukung dengan nama berkas di bawah. Format DOCX tidak disediakan: tidak ada pustaka Swift DOCX yang terpelihara.",
            "Domains, aspects and indicators follow the national evaluation application: copy the level and the explanation, and upload the evidence under the file names below. No DOCX: there is no maintained Swift DOCX library."
        )
    }
    func packClaimedCount(_ claimed: Int, _ total: Int) -> String {
        t("\(claimed) dari \(total) indikator diklaim", "\(claimed) of \(total) indicators claimed")
    }
    var packNotClaimed: String { t("Belum ada klaim.", "No claim yet.") }
    var packNoEvidence: String { t("Tidak ada data dukung yang dirujuk.", "No evidence cited.") }
    var packLevel: String { t("Tingkat yang dipilih", "Level chosen") }
    var packPenjelasan: String { t("Penjelasan", "Explanation") }
    var packEvidence: String { t("Data dukung", "Evidence") }
    var copyPenjelasan: String { t("Salin penjelasan", "Copy the explanation") }
    var copied: String { t("Tersalin", "Copied") }

    /// A review status in words, without markup.
    func reviewStatusWord(_ status: ReviewStatus) -> String {
        switch status {
        case .pending: reviewPending
        case .accepted: reviewAccepted
        case .toRevise: reviewToRevise
        case .revised: reviewRevised
        }
    }

    var interviews: String { t("Jadwal interviu", "Interview schedule") }
    var interview: String { t("Interviu", "Interview") }
    var noInterviews: String { t("Belum ada interviu terjadwal.", "No interview scheduled yet.") }
    var scheduleInterview: String { t("Jadwalkan interviu", "Schedule an interview") }
    var interviewWhen: String { t("Waktu", "When") }
    var interviewDate: String { t("Tanggal", "Date") }
    var interviewTime: String { t("Jam", "Time") }
    var interviewPlace: String { t("Tempat atau tautan daring", "Place or online link") }
    var interviewPlaceHint: String { t("Ruang rapat Diskominfo, atau https://…", "A meeting room, or https://…") }
    var interviewAttendees: String { t("Peserta (satu nama per baris)", "Attendees (one name a line)") }
    var interviewNotes: String { t("Catatan interviu", "Interview notes") }
    var talkingPoints: String { t("Pokok bahasan", "Talking points") }
    var commitments: String { t("Data dukung menyusul", "Evidence to follow") }
    var commitmentText: String { t("Yang dijanjikan", "What is promised") }
    var dueOn: String { t("Batas waktu", "Due") }
    var addCommitment: String { t("Catat janji data dukung", "Record a promise") }
    var interviewInvalid: String {
        t(
            "Isian interviu tidak lengkap: OPD, indikator, tanggal (YYYY-MM-DD), jam (HH:MM) dan tempat wajib diisi.",
            "The interview form is incomplete: OPD, indicator, date (YYYY-MM-DD), time (HH:MM) and place are required.")
    }
    func pointClaim(_ claimed: Int, _ estimated: Int?) -> String {
        t(
            "Klaim tingkat \(claimed); estimasi spbe dari inventaris: \(estimated.map(String.init) ?? "belum ada").",
            "Claimed level \(claimed); spbe's estimate from the inventory: \(estimated.map(String.init) ?? "none yet")."
        )
    }
    func pointNoClaim(_ estimated: Int?) -> String {
        t(
            "Belum ada klaim; estimasi spbe: \(estimated.map(String.init) ?? "belum ada").",
            "No claim yet; spbe's estimate: \(estimated.map(String.init) ?? "none yet").")
    }
    func pointReturned(_ item: String, _ verdict: Verdict) -> String {
        let why = [verdict.reason.map { reason($0) } ?? "", verdict.note].filter { !$0.isEmpty }.joined(separator: ": ")
        return t("\(item) dikembalikan: \(why)", "\(item) returned: \(why)")
    }
    func pointFinding(_ title: String, subject: String) -> String {
        t("Temuan: \(title) (\(subject))", "Finding: \(title) (\(subject))")
    }
    func pointMoreFindings(_ count: Int) -> String { t("… dan \(count) temuan lain", "… and \(count) more findings") }
    func pointPromised(_ text: String, due: String) -> String {
        t("Dijanjikan pada interviu sebelumnya: \(text) (batas \(due))", "Promised earlier: \(text) (due \(due))")
    }

    var notifications: String { t("Pemberitahuan", "Notifications") }
    var unreadLabel: String { t("belum dibaca", "unread") }
    var noNotifications: String { t("Belum ada pemberitahuan.", "No notifications yet.") }
    var markAllRead: String { t("Tandai semua sudah dibaca", "Mark all read") }
    var emailHeading: String { t("Pemberitahuan lewat e-mail", "Notifications by e-mail") }
    var emailAddress: String { t("Alamat e-mail", "E-mail address") }
    var emailHelp: String {
        t(
            "Kosongkan untuk berhenti menerima e-mail. Pesan hanya berisi data OPD Anda.",
            "Leave it empty to stop e-mail. Messages only carry your own OPD's data.")
    }
    var emailInvalid: String {
        t(
            "Alamat e-mail tidak valid (contoh: nama@pemda.go.id).",
            "Not a valid address (for example name@pemda.go.id).")
    }
}

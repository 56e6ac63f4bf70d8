/// The portal's languages: Indonesian by default, English by a switch (a cookie set from `?lang=`).
enum Language: String, Sendable, CaseIterable {
    case id, en
}

/// Every word of the portal's pages, in both languages. Reports and diagnostics keep their own wording.
struct Words: Sendable {
    let language: Language

    func t(_ indonesian: String, _ english: String) -> String { language == .id ? indonesian : english }

    var portal: String { t("Portal SPBE Pemda", "Regency SPBE portal") }
    var login: String { t("Masuk", "Sign in") }
    var logout: String { t("Keluar", "Sign out") }
    var username: String { t("Nama pengguna", "User name") }
    var password: String { t("Kata sandi", "Password") }
    var loginFailed: String { t("Nama pengguna atau kata sandi salah.", "Wrong user name or password.") }
    var tooManyAttempts: String {
        t("Terlalu banyak percobaan. Coba lagi beberapa menit lagi.", "Too many attempts. Try again in a few minutes.")
    }
    var dashboard: String { t("Dasbor pemda", "Pemda dashboard") }
    var opds: String { t("Perangkat daerah", "Work units (OPD)") }
    var accounts: String { t("Akun", "Accounts") }
    var periods: String { t("Periode evaluasi", "Evaluation periods") }
    var audit: String { t("Log audit", "Audit log") }
    var tokens: String { t("Token API", "API tokens") }
    var code: String { t("Kode", "Code") }
    var name: String { t("Nama", "Name") }
    var role: String { t("Peran", "Role") }
    var create: String { t("Buat", "Create") }
    var evaluationDate: String { t("Tanggal evaluasi", "Evaluation date") }
    var pack: String { t("Paket aturan (kosong: paket SPBE bawaan)", "Rule pack (empty: the bundled SPBE pack)") }
    var noPeriod: String {
        t(
            "Belum ada periode evaluasi. Admin membuka periode terlebih dahulu.",
            "No evaluation period yet. An admin opens one first.")
    }
    var submitted: String { t("Sudah mengirim", "Submitted") }
    var notSubmitted: String { t("Belum mengirim", "Not submitted") }
    var index: String { t("Indeks", "Index") }
    var predicate: String { t("Predikat", "Predicate") }
    var findings: String { t("Temuan gagal", "Failing findings") }
    var upload: String { t("Unggah inventaris", "Upload the inventory") }
    var uploadHelp: String {
        t(
            "Berkas XLSX, zip berisi folder CSV, atau YAML/JSON. Seret berkas ke sini atau pilih berkas.",
            "An XLSX workbook, a zip of a CSV folder, or YAML/JSON. Drop the file here or choose it.")
    }
    var send: String { t("Kirim", "Send") }
    var template: String {
        t("Unduh templat XLSX (kop OPD terisi)", "Download the XLSX template (OPD header filled in)")
    }
    var refused: String {
        t(
            "Berkas belum dapat diterima. Perbaiki kesalahan berikut lalu unggah lagi:",
            "The file cannot be accepted yet. Fix these errors and upload it again:")
    }
    var whereLabel: String { t("Letak", "Where") }
    var message: String { t("Pesan", "Message") }
    var fix: String { t("Perbaikan", "Fix") }
    var history: String { t("Riwayat kiriman", "Submission history") }
    var submission: String { t("Kiriman", "Submission") }
    var uploadedBy: String { t("Diunggah oleh", "Uploaded by") }
    var time: String { t("Waktu", "Time") }
    var file: String { t("Berkas", "File") }
    var report: String { t("Laporan", "Report") }
    var evidence: String { t("Daftar data dukung", "Evidence checklist") }
    var downloads: String { t("Unduhan", "Downloads") }
    var change: String { t("Perubahan sejak kiriman sebelumnya", "Change since the previous submission") }
    var newFindings: String { t("temuan baru", "new findings") }
    var unchangedFindings: String { t("tetap", "unchanged") }
    var fixedFindings: String { t("selesai", "fixed") }
    var trend: String { t("Tren antarperiode", "Trend across periods") }
    var pemdaEstimate: String {
        t("Perkiraan indeks pemda dari kiriman terkini", "The pemda's estimated index from current submissions")
    }
    var noPemda: String {
        t(
            "Perkiraan pemda muncul setelah inventaris tingkat pemda (opd.kind: pemda) dikirim.",
            "The pemda estimate appears once the pemda-level inventory (opd.kind: pemda) is submitted.")
    }
    var forbidden: String { t("Anda tidak berhak membuka halaman ini.", "You may not open this page.") }
    var notFound: String { t("Halaman tidak ditemukan.", "Page not found.") }
    var badRequest: String {
        t(
            "Permintaan tidak sah (token formulir kedaluwarsa?). Muat ulang halaman.",
            "Invalid request (expired form token?). Reload the page.")
    }
    var busy: String {
        t("Antrean evaluasi penuh. Coba lagi sebentar lagi.", "The evaluation queue is full. Try again shortly.")
    }
    var tooManyRequests: String {
        t("Terlalu banyak permintaan. Coba lagi sebentar lagi.", "Too many requests. Try again shortly.")
    }
    var tooLarge: String { t("Berkas terlalu besar.", "The file is too large.") }
    var duplicate: String { t("Nama itu sudah dipakai.", "That name is taken.") }
    var invalidInput: String { t("Isian tidak lengkap atau tidak sah.", "Missing or invalid fields.") }
    var newToken: String { t("Token baru (hanya ditampilkan sekali):", "New token (shown only once):") }
    var revoke: String { t("Cabut", "Revoke") }
    var none: String { t("Tidak ada.", "None.") }
    var opdPage: String { t("Halaman OPD", "OPD page") }
    var noSubmission: String { t("Belum ada kiriman pada periode ini.", "No submission in this period yet.") }
    var noAdmin: String {
        t(
            "Belum ada admin. Buat dengan perintah: spbe-serve create-admin --data DIR --username NAMA",
            "No admin yet. Create one with: spbe-serve create-admin --data DIR --username NAME")
    }
    var switchLanguage: String { t("English", "Bahasa Indonesia") }
    var period: String { t("Periode", "Period") }
    var operatorOf: String { t("OPD (untuk operator)", "OPD (for an operator)") }
    var displayName: String { t("Nama tampilan", "Display name") }
    var action: String { t("Tindakan", "Action") }
    var detail: String { t("Rincian", "Detail") }
    var who: String { t("Siapa", "Who") }
}

/// The words of the findings page, the heatmap and the queue page.
extension Words {
    var findingsTitle: String { t("Temuan", "Findings") }
    var findingsXLSX: String { t("Temuan (XLSX)", "Findings (XLSX)") }
    var aspect: String { t("Aspek", "Aspect") }
    var severity: String { t("Tingkat", "Severity") }
    var outcome: String { t("Hasil", "Outcome") }
    var rule: String { t("Aturan", "Rule") }
    var subject: String { t("Subjek", "Subject") }
    var all: String { t("Semua", "All") }
    var filter: String { t("Saring", "Filter") }
    var noFindings: String { t("Tidak ada temuan dengan saringan ini.", "No finding matches this filter.") }
    var heatmap: String { t("Peta panas OPD × aspek", "Heatmap of OPDs by aspect") }
    var heatmapHelp: String {
        t(
            "Setiap angka adalah indeks aspek OPD; tautannya membuka temuan OPD itu pada aspek tersebut.",
            "Each number is the OPD's aspect index; its link opens that OPD's findings in the aspect.")
    }
    var queued: String { t("Menunggu giliran evaluasi", "Waiting for an evaluation slot") }
    func queuePlace(_ place: Int) -> String {
        t("Unggahan Anda nomor \(place) dalam antrean.", "Your upload is number \(place) in the queue.")
    }
    var evaluating: String { t("Sedang dievaluasi…", "Being evaluated…") }
    var queueRefresh: String {
        t(
            "Halaman ini memuat ulang sendiri setiap 2 detik.",
            "This page reloads itself every 2 seconds.")
    }
    var queueGone: String {
        t("Unggahan ini tidak lagi dalam antrean.", "This upload is no longer in the queue.")
    }
}

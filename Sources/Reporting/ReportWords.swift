import Packs

/// The report's own words in Indonesian and English; pack texts come from the pack.
struct ReportWords: Sendable {
    let language: String

    private func pick(_ indonesian: String, _ english: String) -> String { language == "en" ? english : indonesian }

    var simulation: String {
        pick("simulasi tingkat OPD, bukan nilai resmi", "OPD-level simulation, not an official figure")
    }
    var estimatedIndex: String { pick("Estimasi indeks", "Estimated index") }
    var asOf: String { pick("per tanggal", "as of") }
    var level: String { pick("tingkat", "level") }
    var target: String { pick("target", "target") }
    var otherRules: String { pick("Aturan lain", "Other rules") }
    var findingsCount: String { pick("temuan", "findings") }
    var noFindings: String { pick("tidak ada temuan", "no findings") }
    var failed: String { pick("gagal", "failed") }
    var notEvidenced: String { pick("belum terbukti", "not evidenced") }
    var passed: String { pick("lulus", "passed") }
    var rules: String { pick("aturan", "rules") }
    var inventories: String { pick("inventaris", "inventories") }
    var provisional: String { pick("KERANGKA SEMENTARA (provisional)", "PROVISIONAL FRAMEWORK") }
    var noOfficialIndex: String {
        pick(
            "bobot resmi kerangka ini tidak diketahui: indeks resmi tidak dapat dihitung",
            "the framework's official weights are unknown: no official index can be computed")
    }
    var weight: String { pick("bobot", "weight") }
    var next: String { pick("berikutnya: tingkat", "next: level") }
    var missingLevels: String {
        pick(
            "indikator tanpa tingkat, dihitung pada tingkat terendah skalanya",
            "indicators without a level, counted at their scale's lowest level")
    }

    var simulatedIndex: String { pick("indeks simulasi", "simulated index") }
    var pemdaLevelTitle: String {
        pick(
            "Indikator tingkat pemda: tingkat pemda dipakai dalam indeks simulasi setiap OPD",
            "Pemda-level indicators: the pemda's level counts in every OPD's simulated index")
    }

    /// The note beside an index within 0.005 of a band edge (`Score.borderlineEdge`).
    func borderline(index: Double, edge: Double) -> String {
        let unrounded = IndexFormatting.fixed(index, decimals: 4)
        let edge = IndexFormatting.twoDecimals(edge)
        return pick(
            "Dekat batas predikat: indeks sebelum dibulatkan \(unrounded) berjarak paling jauh 0.005 dari batas \(edge); predikat dihitung dari nilai yang ditampilkan (dua desimal, pembulatan setengah ke atas), predikat resmi bisa jatuh di sisi lain batas.",
            "Borderline: the unrounded index \(unrounded) is within 0.005 of the band edge \(edge); the predicate follows the value shown (two decimals, rounded half up), and the official predicate could fall on either side of the edge."
        )
    }
    var waived: String { pick("DIKECUALIKAN", "WAIVED") }
    var waiver: String { pick("pengecualian", "waiver") }
    var waivers: String { pick("Pengecualian (waiver)", "Waivers") }
    var withWaivers: String { pick("dengan pengecualian", "with waivers") }
    var until: String { pick("s.d.", "until") }
    var approvedBy: String { pick("disetujui", "approved by") }
    var waiverExpired: String {
        pick(
            "KEDALUWARSA: tidak berlaku lagi, temuan aslinya dihitung kembali",
            "EXPIRED: no longer applies, the finding counts again")
    }
    var waiverExpiring: String { pick("segera berakhir", "expires soon") }
    var waiverUnused: String { pick("tidak cocok dengan temuan mana pun", "matches no finding") }
    var priorities: String {
        pick("Prioritas perbaikan (kenaikan indeks per upaya)", "What to fix first (index gain per effort)")
    }
    var effort: String { pick("upaya", "effort") }
    var index: String { pick("indeks", "index") }
    var planTitle: String { pick("Jalan termurah ke predikat", "Cheapest way to the predicate") }
    var totalEffort: String { pick("total upaya", "total effort") }
    var references: String { pick("Rujukan", "References") }
    var findings: String { pick("Temuan", "Findings") }
    var indicator: String { pick("Indikator", "Indicator") }
    var status: String { pick("Status", "Status") }
    var summaryTitle: String { pick("Ringkasan", "Summary") }
    var indicatorsTitle: String { pick("Tingkat per indikator", "Level per indicator") }
    var pemdaIndex: String { pick("Estimasi indeks pemda", "Estimated pemda index") }
    var pemdaBasis: String {
        pick(
            "dari bukti semua OPD bersama; evaluasi resmi dilakukan per pemda",
            "from the evidence of all OPDs together; the official evaluation is per pemda")
    }
    var opdTable: String {
        pick(
            "OPD: indeks simulasi dalam pemda, tingkat lulus aturan dan indikator terlemah",
            "OPDs: simulated index within the pemda, rule pass rate and weakest indicators")
    }
    var passRate: String { pick("lulus", "passed") }
    var weakest: String { pick("indikator terlemah", "weakest indicators") }
    var heatmap: String { pick("Peta panas OPD × aspek", "Heatmap of OPDs by aspect") }
    var crossFindings: String { pick("Temuan lintas OPD", "Cross-OPD findings") }
    var duplicateFunction: String {
        pick(
            "Fungsi yang sama dibangun sendiri-sendiri oleh beberapa OPD (gunakan aplikasi bersama)",
            "The same function built separately by several OPDs (use a shared application)")
    }
    var notIntegrated: String {
        pick(
            "Aplikasi yang bertukar data di luar SPLP (titik ke titik atau belum terintegrasi)",
            "Applications exchanging data outside SPLP (point to point or not integrated)")
    }
    var retiredDependency: String {
        pick(
            "Layanan bergantung pada aplikasi yang sudah dihentikan OPD lain",
            "Services depending on an application another OPD retired")
    }
    var inventoriesOf: String { pick("inventaris", "inventories") }
    var assuming: String { pick("Dengan asumsi", "Assuming") }
    var before: String { pick("sebelumnya", "before") }
    var new: String { pick("BARU", "NEW") }
    var sinceBaseline: String { pick("Dibanding baseline", "Since the baseline") }
    var newCount: String { pick("baru", "new") }
    var unchangedCount: String { pick("tetap", "unchanged") }
    var fixedCount: String { pick("selesai", "fixed") }
    var evidenceTitle: String {
        pick(
            "Daftar bukti dukung (data dukung) untuk wawancara evaluasi",
            "Supporting evidence checklist for the evaluation interview")
    }
    var present: String { pick("ada", "present") }
    var missing: String { pick("belum ada", "missing") }
    var heldBy: String { pick("tercatat di", "held by") }
    var uploaded: String { pick("diunggah", "uploaded") }
    var notUploaded: String { pick("belum diunggah", "not uploaded") }
    var noRecord: String { pick("terpenuhi oleh gabungan beberapa catatan", "met by several records together") }
    var notEvidencedBadge: String { pick("BELUM TERBUKTI", "NOT EVIDENCED") }
    var aspectLegend: String { pick("Aspek", "Aspects") }
    var radarLabel: String { pick("Diagram radar indeks per aspek", "Radar chart of the index per aspect") }
    var chartData: String { pick("Data diagram", "Chart data") }
    var name: String { pick("Nama", "Name") }
    var contents: String { pick("Isi laporan", "Contents") }
    var levelPrefix: String { pick("Tingkat", "Level") }
    var meetsTarget: String { pick("memenuhi target", "meets the target") }
    var belowTarget: String { pick("di bawah target", "below the target") }
    var noTarget: String { pick("tanpa target", "no target") }

    /// A rule's severity in the report's language, in capitals (`TINGGI`, `HIGH`).
    func severity(_ severity: RuleSeverity) -> String {
        switch severity {
        case .critical: pick("KRITIS", "CRITICAL")
        case .high: pick("TINGGI", "HIGH")
        case .medium: pick("SEDANG", "MEDIUM")
        case .low: pick("RENDAH", "LOW")
        case .info: pick("INFO", "INFO")
        }
    }

    var thresholdFailed: String { pick("temuan pada atau di atas ambang", "findings at or above the threshold") }
}
